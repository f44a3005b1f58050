"""questions/probability/estimator-variance.md: bias, variance and MSE of the variance estimators for n = 5."""

import math
from fractions import Fraction as F

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/estimator-variance.md"
N, SIGMA2 = 5, 1
SIM_REPEATS, SIM_SEED = 200_000, 0
DATA_MULT = 4


def estimators_snippet():
    return load_snippet("probability/variance_estimators.py")


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def mean_and_mse(divisor: int, n: int = N) -> tuple[F, F]:
    """Exact, for Gaussian data with sigma^2 = 1: the sum of squares is chi^2_{n-1} (mean n-1, variance 2(n-1))."""
    mean = F(n - 1, divisor)
    variance = F(2 * (n - 1), divisor**2)
    return mean, (mean - 1) ** 2 + variance


def expected_s_over_sigma(n: int = N) -> float:
    """E[S]/sigma for Gaussian samples: the mean of sqrt(chi^2_{n-1}/(n-1))."""
    return math.sqrt(2 / (n - 1)) * math.gamma(n / 2) / math.gamma((n - 1) / 2)


def expected_values() -> dict[str, str]:
    ev_u, mse_u = mean_and_mse(N - 1)
    ev_m, mse_m = mean_and_mse(N)
    ev_p, mse_p = mean_and_mse(N + 1)
    sim = estimators_snippet().compare_estimators(n=N, sigma2=SIGMA2, n_repeats=SIM_REPEATS, seed=SIM_SEED)
    exponent = int(math.log10(SIM_REPEATS))
    return {
        "short-n": str(N),
        "short-mse-mle": f"{float(mse_m):.2f}",
        "short-mse-unbiased": f"{float(mse_u):.1f}",
        "data-mult": str(DATA_MULT),
        "se-factor": f"{math.sqrt(DATA_MULT):g}",
        "n": str(N),
        "sigma2": str(SIGMA2),
        "div-unbiased": str(N - 1),
        "ev-unbiased": str(ev_u),
        "mse-unbiased": f"{float(mse_u):.1f}",
        "div-mle": str(N),
        "ev-mle-frac": frac(ev_m),
        "ev-mle": f"{float(ev_m):.1f}",
        "mse-mle-frac": frac(mse_m),
        "mse-mle": f"{float(mse_m):.2f}",
        "div-plus": str(N + 1),
        "ev-plus-frac": f"{N - 1}/{N + 1}",
        "ev-plus": f"{float(ev_p):.3f}",
        "mse-plus": f"{float(mse_p):.3f}",
        "sim-repeats": rf"{SIM_REPEATS // 10**exponent} \times 10^{exponent}",
        "sim-n": str(N),
        "sim-seed": str(SIM_SEED),
        "out-b-mean": f"{sim['biased'][0]:.3f}",
        "out-b-mse": f"{sim['biased'][1]:.3f}",
        "out-u-mean": f"{sim['unbiased'][0]:.3f}",
        "out-u-mse": f"{sim['unbiased'][1]:.3f}",
        "s-n": str(N),
        "s-mean": f"{expected_s_over_sigma():.3f}",
    }


def test_the_table_formulas_match_the_closed_forms_on_the_page():
    assert mean_and_mse(N - 1)[1] == F(2, N - 1)
    assert mean_and_mse(N)[1] == F(2 * N - 1, N * N)
    assert mean_and_mse(N + 1)[1] == F(2, N + 1)


def test_n_plus_one_is_the_best_divisor():
    divisors = np.linspace(N - 2, N + 4, 601)
    mse = ((N - 1) / divisors - 1) ** 2 + 2 * (N - 1) / divisors**2
    assert abs(divisors[mse.argmin()] - (N + 1)) < 1e-9


def test_the_simulation_agrees_with_theory_within_standard_errors():
    sim = estimators_snippet().compare_estimators(n=N, sigma2=SIGMA2, n_repeats=SIM_REPEATS, seed=SIM_SEED)
    for name, divisor in (("biased", N), ("unbiased", N - 1)):
        mean, mse = mean_and_mse(divisor)
        sd_estimate = math.sqrt(2 * (N - 1)) / divisor  # s.d. of one estimate
        assert abs(sim[name][0] - float(mean)) < 4 * sd_estimate / math.sqrt(SIM_REPEATS)
        assert abs(sim[name][1] - float(mse)) < 0.02
    assert sim["biased"][1] < sim["unbiased"][1]


def test_the_snippet_scales_with_sigma():
    other = estimators_snippet().compare_estimators(n=10, sigma2=4.0, n_repeats=20_000, seed=1)
    assert abs(other["unbiased"][0] - 4.0) < 4 * 4.0 * math.sqrt(2 / 9) / math.sqrt(20_000)


def test_sample_standard_deviation_is_biased_low():
    rng = np.random.default_rng(2)
    s = rng.standard_normal((200_000, N)).std(axis=1, ddof=1)
    assert abs(s.mean() - expected_s_over_sigma()) < 4 * s.std() / math.sqrt(s.size)
    assert s.mean() < 1


def test_stated_values():
    assert_values(PAGE, expected_values())
