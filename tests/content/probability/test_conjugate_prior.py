"""questions/probability/conjugate-prior.md: the Beta-Binomial update, its summaries and its interval."""

import math
from fractions import Fraction as F
from math import comb

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/probability/conjugate-prior.md"
ALPHA, BETA, HEADS, TOSSES, LEVEL = 2, 2, 7, 10, 95
UNIFORM = (1, 1)  # Beta parameters of the uniform prior


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def tfrac(numerator, denominator) -> str:
    return rf"\tfrac{{{numerator}}}{{{denominator}}}"


def beta_cdf(x: float, a: int, b: int) -> float:
    """I_x(a, b) for integer a, b: the probability that Binomial(a + b - 1, x) is at least a."""
    n = a + b - 1
    return sum(comb(n, k) * x**k * (1 - x) ** (n - k) for k in range(a, n + 1))


def beta_quantile(q: float, a: int, b: int) -> float:
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if beta_cdf(mid, a, b) < q else (lo, mid)
    return (lo + hi) / 2


def grid_posterior(alpha=ALPHA, beta=BETA, heads=HEADS, tosses=TOSSES, points=200_001):
    """Prior times likelihood on a grid, normalised: no conjugacy used."""
    theta = np.linspace(0.0, 1.0, points)
    density = theta ** (alpha - 1) * (1 - theta) ** (beta - 1) * theta**heads * (1 - theta) ** (tosses - heads)
    return theta, density / np.trapezoid(density, theta)


def expected_values() -> dict[str, str]:
    a, b = ALPHA + HEADS, BETA + TOSSES - HEADS
    mean = F(a, a + b)
    mode = F(a - 1, a + b - 2)
    mle = F(HEADS, TOSSES)
    var = F(a * b, (a + b) ** 2 * (a + b + 1))
    tail = (1 - LEVEL / 100) / 2
    prior_mean = F(ALPHA, ALPHA + BETA)
    pseudo, total = ALPHA + BETA, ALPHA + BETA + TOSSES
    part_prior, part_data = F(pseudo, total) * prior_mean, F(TOSSES, total) * mle
    return {
        "q-alpha": str(ALPHA),
        "q-beta": str(BETA),
        "q-heads": str(HEADS),
        "q-tosses": str(TOSSES),
        "weak-mle": f"{float(mle):.1f}",
        "short-alpha": str(ALPHA),
        "short-beta": str(BETA),
        "short-heads": str(HEADS),
        "short-tails": str(TOSSES - HEADS),
        "short-a": str(a),
        "short-b": str(b),
        "short-mean-frac": frac(mean),
        "short-mean": f"{float(mean):.3f}",
        "short-prior-mean": f"{float(prior_mean):.1f}",
        "short-mle": f"{float(mle):.1f}",
        "alpha": str(ALPHA),
        "beta": str(BETA),
        "heads": str(HEADS),
        "tosses": str(TOSSES),
        "post-a": str(a),
        "post-b": str(b),
        "mean-frac": frac(mean),
        "mean": f"{float(mean):.3f}",
        "mode-raw": f"{a - 1}/{a + b - 2}",
        "mode-frac": frac(mode),
        "mode": f"{float(mode):.3f}",
        "mle": f"{float(mle):.1f}",
        "sd-a": str(a),
        "sd-b": str(b),
        "var-frac": frac(var),
        "sd": f"{math.sqrt(var):.3f}",
        "level": str(LEVEL),
        "ci-a": str(a),
        "ci-b": str(b),
        "lo": f"{beta_quantile(tail, a, b):.3f}",
        "hi": f"{beta_quantile(1 - tail, a, b):.3f}",
        "pseudo": str(pseudo),
        "pseudo-heads": str(ALPHA),
        "pseudo-tails": str(BETA),
        "w-prior": tfrac(pseudo, total),
        "prior-mean": f"{float(prior_mean):.1f}",
        "w-data": tfrac(TOSSES, total),
        "mle-again": f"{float(mle):.1f}",
        "part-prior": tfrac(part_prior * total, total),
        "part-data": tfrac(part_data * total, total),
        "mean-tfrac": tfrac((part_prior + part_data) * total, total),
        "pred-frac": frac(mean),
        "pred": f"{float(mean):.3f}",
        "unif-a": str(UNIFORM[0]),
        "unif-b": str(UNIFORM[1]),
        "jeff-a": frac(F(1) + jeffreys_exponent()),
        "jeff-b": frac(F(1) + jeffreys_exponent()),
    }


def jeffreys_exponent() -> F:
    """Exponent e in sqrt(Fisher information) = (theta (1 - theta))^e for one coin toss, fitted numerically."""
    theta = np.linspace(0.05, 0.95, 19)
    # Fisher information of a Bernoulli: E[(d/dtheta log p(x | theta))^2] over x in {0, 1}
    info = theta * (1 / theta) ** 2 + (1 - theta) * (1 / (1 - theta)) ** 2
    slope = np.polyfit(np.log(theta * (1 - theta)), np.log(np.sqrt(info)), 1)[0]
    return F(round(2 * slope), 2)


def test_the_grid_posterior_matches_the_conjugate_formulas():
    values = expected_values()
    theta, density = grid_posterior()
    mean = np.trapezoid(theta * density, theta)
    sd = math.sqrt(np.trapezoid((theta - mean) ** 2 * density, theta))
    cdf = np.concatenate([[0.0], np.cumsum((density[1:] + density[:-1]) / 2 * np.diff(theta))])
    assert f"{mean:.3f}" == values["mean"]
    assert f"{theta[density.argmax()]:.3f}" == values["mode"]
    assert f"{sd:.3f}" == values["sd"]
    assert f"{np.interp(0.025, cdf, theta):.3f}" == values["lo"]
    assert f"{np.interp(0.975, cdf, theta):.3f}" == values["hi"]


def test_the_predictive_probability_of_heads_is_the_posterior_mean():
    theta, density = grid_posterior()
    next_heads = np.trapezoid(theta * density, theta)  # integrate P(heads | theta) over the posterior
    assert math.isclose(next_heads, 9 / 14, abs_tol=1e-6)


def test_a_uniform_prior_puts_the_mode_at_the_mle():
    theta, prior = grid_posterior(*UNIFORM, heads=0, tosses=0)
    assert np.allclose(prior, 1.0)  # Beta(1, 1) is the uniform density
    theta, density = grid_posterior(*UNIFORM)
    assert math.isclose(theta[density.argmax()], HEADS / TOSSES, abs_tol=1e-5)


def test_stated_values():
    assert_values(PAGE, expected_values())
