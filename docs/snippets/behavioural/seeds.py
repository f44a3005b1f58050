"""How many training seeds tell two methods apart: normal approximation, exact t-test power, pairing."""

import math
from functools import cache
from statistics import NormalDist

import numpy as np

_N = NormalDist()


def seeds_z(delta: float, sd: float, alpha: float = 0.05, power: float = 0.8, rho: float | None = None) -> int:
    """Runs per method for a two-sided test (normal approximation). Unpaired: the difference of two
    means has variance 2 sd^2 / n. Paired by seed with correlation rho: 2 sd^2 (1 - rho) / n."""
    k = (_N.inv_cdf(1 - alpha / 2) + _N.inv_cdf(power)) ** 2
    var = 2 * sd**2 * (1 if rho is None else 1 - rho)
    return math.ceil(k * var / delta**2)


@cache
def _chi2_grid(df: int, points: int = 8_001):
    """A grid over the chi-square(df) density, wide enough to hold all but a negligible tail."""
    if df < 2:
        raise ValueError("df >= 2 needed (the chi-square(1) density is unbounded at 0)")
    v = np.linspace(1e-9, df + 40 * math.sqrt(2 * df) + 40, points)
    log_pdf = (df / 2 - 1) * np.log(v) - v / 2 - (df / 2) * math.log(2) - math.lgamma(df / 2)
    return v, np.exp(log_pdf)


def _phi(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))


@cache
def t_quantile(q: float, df: int) -> float:
    """Student t quantile by bisection on P(T <= t) = E[Phi(t sqrt(V/df))], V ~ chi-square(df)."""
    v, pdf = _chi2_grid(df)
    lo, hi = 0.0, 50.0
    for _ in range(60):
        mid = (lo + hi) / 2
        cdf = np.trapezoid(_phi(mid * np.sqrt(v / df)) * pdf, v)
        lo, hi = (mid, hi) if cdf < q else (lo, mid)
    return (lo + hi) / 2


def t_test_power(n: int, delta: float, sd: float, alpha: float = 0.05, rho: float | None = None) -> float:
    """Exact power of the two-sided t-test: the pooled two-sample test with n runs per method, or a
    paired t-test on n seed pairs when rho is given. Integrates the noncentral t over chi-square."""
    if rho is None:
        df, se = 2 * n - 2, sd * math.sqrt(2 / n)
    else:
        df, se = n - 1, sd * math.sqrt(2 * (1 - rho) / n)
    crit, ncp = t_quantile(1 - alpha / 2, df), delta / se
    v, pdf = _chi2_grid(df)
    scale = crit * np.sqrt(v / df)
    reject = (1 - _phi(scale - ncp)) + _phi(-scale - ncp)
    return float(np.trapezoid(reject * pdf, v))


def seeds_t(delta: float, sd: float, alpha: float = 0.05, power: float = 0.8, rho: float | None = None) -> int:
    n = 2 if rho is None else 3  # at least 2 degrees of freedom
    while t_test_power(n, delta, sd, alpha, rho) < power:
        n += 1
    return n


def p_single_run_reversed(delta: float, sd: float) -> float:
    """One run of each method: the chance that the better one scores lower."""
    return _N.cdf(-delta / (sd * math.sqrt(2)))


if __name__ == "__main__":
    print(seeds_z(0.5, 0.4), "seeds per method (normal approximation)")
    print(seeds_t(0.5, 0.4), "seeds per method (t-test)")
    print(seeds_z(0.5, 0.4, rho=0.5), seeds_t(0.5, 0.4, rho=0.5), "seed pairs if paired runs correlate 0.5")
    print(f"{p_single_run_reversed(0.5, 0.4):.3f} chance a single run each ranks them the wrong way")
