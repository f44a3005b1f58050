"""questions/probability/total-expectation-variance.md: compound Poisson takings and an ensemble's variance split."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/total-expectation-variance.md"
CP = load_snippet("probability/compound_poisson.py")
LAM, MU, SIGMA, HOURS = 20, 30.0, 10.0, 200_000
MEANS = np.array([2.0, 2.4, 1.8, 2.2, 2.6])
VARIANCES = np.array([0.30, 0.25, 0.35, 0.30, 0.30])


def exact_by_summing_over_counts(lam, mu, sigma, n_max=200):
    """E[S] and Var S by summing the conditional moments against the Poisson pmf directly."""
    pmf = [math.exp(-lam + n * math.log(lam) - math.lgamma(n + 1)) for n in range(n_max)]
    mean = sum(p * n * mu for n, p in enumerate(pmf))
    second = sum(p * (n * sigma**2 + (n * mu) ** 2) for n, p in enumerate(pmf))
    return mean, second - mean**2


def test_laws_agree_with_direct_summation():
    mean, _, _, var = CP.moments(LAM, MU, SIGMA)
    direct_mean, direct_var = exact_by_summing_over_counts(LAM, MU, SIGMA)
    assert abs(mean - direct_mean) < 1e-9 and abs(var - direct_var) < 1e-6


def test_simulation_within_four_standard_errors():
    totals = CP.simulate(LAM, MU, SIGMA, HOURS)
    mean, _, _, var = CP.moments(LAM, MU, SIGMA)
    assert abs(totals.mean() - mean) < 4 * math.sqrt(var / HOURS)
    # sd of a sample variance ~ var * sqrt((kurtosis - 1) / n); kurtosis of S is close to 3 here, so use 2
    assert abs(totals.var() - var) < 4 * var * math.sqrt(2.2 / HOURS)


def test_ensemble_split_matches_sampling_from_the_mixture():
    rng = np.random.default_rng(5)
    member = rng.integers(0, MEANS.size, size=1_000_000)
    y = rng.normal(MEANS[member], np.sqrt(VARIANCES[member]))
    assert abs(y.var() - (VARIANCES.mean() + MEANS.var())) < 0.005


def expected_values():
    mean, within, between, var = CP.moments(LAM, MU, SIGMA)
    totals = CP.simulate(LAM, MU, SIGMA, HOURS)
    return {
        "between-ratio": f"{between / within:.0f}",
        "lam": f"{LAM}",
        "mu": f"{MU:.0f}",
        "sigma": f"{SIGMA:.0f}",
        "mean": f"{mean:.0f}",
        "var": f"{var:,.0f}",
        "sd": f"{math.sqrt(var):.1f}",
        "within": f"{within:,.0f}",
        "between": f"{between:,.0f}",
        "total": f"{var:,.0f}",
        "count-share": f"{between / var * 100:.0f} %",
        "sd-fixed-count": f"{math.sqrt(LAM * SIGMA**2):.1f}",
        "sd-fixed-spend": f"{math.sqrt(LAM * MU**2):.1f}",
        "hours": f"{HOURS:,}",
        "sim-mean": f"{totals.mean():.1f}",
        "sim-var": f"{totals.var():,.0f}",
        "aleatoric": f"{VARIANCES.mean():.2f}",
        "epistemic": f"{MEANS.var():.2f}",
        "predictive": f"{VARIANCES.mean() + MEANS.var():.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
