"""Confidence and credible intervals for a binomial proportion, and their frequentist coverage.

No scipy: the regularised incomplete beta function is evaluated with its continued fraction
(modified Lentz method), and Beta quantiles by bisection on it.
"""

import math
from statistics import NormalDist

import numpy as np


def _beta_cf(a, b, x, iterations=500, eps=1e-15):
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, iterations + 1):
        for numerator in (
            m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
            -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1)),
        ):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + numerator / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < eps:
            break
    return h


def beta_cdf(x, a, b):
    """P(Beta(a, b) <= x), the regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    if x < (a + 1.0) / (a + b + 2.0):
        return math.exp(log_front) * _beta_cf(a, b, x) / a
    return 1.0 - math.exp(log_front) * _beta_cf(b, a, 1.0 - x) / b


def beta_quantile(q, a, b):
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = 0.5 * (lo + hi)
        lo, hi = (mid, hi) if beta_cdf(mid, a, b) < q else (lo, mid)
    return 0.5 * (lo + hi)


def wald(x, n, level=0.95):
    z = NormalDist().inv_cdf(0.5 + level / 2)
    p = x / n
    half = z * math.sqrt(p * (1 - p) / n)
    return p - half, p + half


def clopper_pearson(x, n, level=0.95):
    """Exact (conservative) confidence interval: inverts two one-sided binomial tests."""
    tail = (1 - level) / 2
    lower = 0.0 if x == 0 else beta_quantile(tail, x, n - x + 1)
    upper = 1.0 if x == n else beta_quantile(1 - tail, x + 1, n - x)
    return lower, upper


def credible(x, n, level=0.95, prior=(1.0, 1.0)):
    """Equal-tailed credible interval from the Beta(prior[0] + x, prior[1] + n - x) posterior."""
    a, b = prior[0] + x, prior[1] + n - x
    tail = (1 - level) / 2
    return beta_quantile(tail, a, b), beta_quantile(1 - tail, a, b)


def jeffreys(x, n, level=0.95):
    return credible(x, n, level, prior=(0.5, 0.5))


def coverage(interval, p, n, level=0.95):
    """Exact frequentist coverage at a fixed true p: sum the binomial pmf over x whose interval holds p."""
    total = 0.0
    for x in range(n + 1):
        lo, hi = interval(x, n, level)
        if lo <= p <= hi:
            total += math.comb(n, x) * p**x * (1 - p) ** (n - x)
    return total


def simulate_coverage(interval, p, n, level=0.95, reps=100_000, seed=0):
    rng = np.random.default_rng(seed)
    xs = rng.binomial(n, p, size=reps)
    table = {x: interval(x, n, level) for x in range(n + 1)}
    return float(np.mean([table[x][0] <= p <= table[x][1] for x in xs]))


def prior_averaged_coverage(interval, n, level=0.95, reps=100_000, seed=0):
    """Coverage when each experiment first draws its true p from the uniform prior, then x ~ Bin(n, p)."""
    rng = np.random.default_rng(seed)
    ps = rng.random(reps)
    xs = rng.binomial(n, ps)
    table = {x: interval(x, n, level) for x in range(n + 1)}
    lo = np.array([table[x][0] for x in xs])
    hi = np.array([table[x][1] for x in xs])
    return float(((lo <= ps) & (ps <= hi)).mean())


if __name__ == "__main__":
    n, x = 20, 1
    for name, f in (
        ("Wald", wald),
        ("Clopper-Pearson", clopper_pearson),
        ("uniform prior", credible),
        ("Jeffreys", jeffreys),
    ):
        lo, hi = f(x, n)
        print(f"{name:16s} [{lo:.4f}, {hi:.4f}]  coverage at p = 0.05: {coverage(f, 0.05, n):.3f}")
    print(f"uniform-prior interval, coverage averaged over the prior: {prior_averaged_coverage(credible, n):.3f}")
