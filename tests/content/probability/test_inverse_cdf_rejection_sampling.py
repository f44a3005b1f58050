"""questions/probability/inverse-cdf-rejection-sampling.md: inverse CDF, rejection, the 1/M acceptance rate."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/inverse-cdf-rejection-sampling.md"
S = load_snippet("probability/samplers.py")
N, SIGMA, D = 100_000, 1.1, 100
UNIFORM = (lambda r, k: r.random(k), lambda x: np.ones_like(x))
EXPO = (lambda r, k: r.exponential(1.0, k), lambda x: np.exp(-x))


def ks_distance(samples, cdf):
    x = np.sort(samples)
    f = cdf(x)
    n = x.size
    return max(np.max(np.arange(1, n + 1) / n - f), np.max(f - np.arange(n) / n))


def dkw_bound(n, failure=1e-4):
    """Dvoretzky-Kiefer-Wolfowitz: P(sup |F_n - F| > eps) <= 2 exp(-2 n eps^2)."""
    return math.sqrt(math.log(2 / failure) / (2 * n))


def test_inverse_cdf_exponential_passes_a_ks_check():
    x = S.exponential_by_inverse_cdf(np.random.default_rng(1).random(N), rate=2.0)
    assert ks_distance(x, lambda t: 1 - np.exp(-2.0 * t)) < dkw_bound(N)


def test_categorical_frequencies():
    probs = np.array([0.2, 0.5, 0.3])
    k = S.categorical_by_inverse_cdf(np.random.default_rng(2).random(N), probs)
    freq = np.bincount(k, minlength=3) / N
    assert np.all(np.abs(freq - probs) < 4 * np.sqrt(probs * (1 - probs) / N))
    assert S.categorical_by_inverse_cdf([0.0, 0.2, 0.2000001, 0.9999999], probs).tolist() == [0, 1, 1, 2]


def test_rejection_samples_follow_the_target():
    rng = np.random.default_rng(3)
    s, _ = S.rejection_sample(N, S.beta22_pdf, *UNIFORM, 1.5, rng)
    assert ks_distance(s, lambda x: 3 * x**2 - 2 * x**3) < dkw_bound(N)  # Beta(2,2) CDF
    s, _ = S.rejection_sample(N, S.half_normal_pdf, *EXPO, S.HALF_NORMAL_BOUND, rng)
    assert ks_distance(s, lambda x: np.array([math.erf(v / math.sqrt(2)) for v in x])) < dkw_bound(N)


def test_the_envelope_constants_are_the_suprema():
    x = np.linspace(0, 1, 100_001)
    assert abs(S.beta22_pdf(x).max() - 1.5) < 1e-9
    x = np.linspace(0, 10, 1_000_001)
    assert abs((S.half_normal_pdf(x) / np.exp(-x)).max() - S.HALF_NORMAL_BOUND) < 1e-9


def rates():
    rng = np.random.default_rng(0)
    _, beta_rate = S.rejection_sample(N, S.beta22_pdf, *UNIFORM, 1.5, rng)
    _, half_rate = S.rejection_sample(N, S.half_normal_pdf, *EXPO, S.HALF_NORMAL_BOUND, rng)
    return beta_rate, half_rate


def test_acceptance_rates_are_one_over_m_within_four_standard_errors():
    for rate, bound in zip(rates(), (1.5, S.HALF_NORMAL_BOUND), strict=True):
        proposals = N / rate
        assert abs(rate - 1 / bound) < 4 * math.sqrt((1 / bound) * (1 - 1 / bound) / proposals)


def expected_values():
    beta_rate, half_rate = rates()
    return {
        "m-beta": f"{S.beta22_pdf(np.linspace(0, 1, 100_001)).max():.1f}",
        "acc-beta": f"{1 / 1.5:.3f}",
        "sim-beta": f"{beta_rate:.3f}",
        "m-half": f"{S.HALF_NORMAL_BOUND:.3f}",
        "acc-half": f"{1 / S.HALF_NORMAL_BOUND:.3f}",
        "sim-half": f"{half_rate:.3f}",
        "n-samples": f"{N:,}",
        "sigma-over": f"{(SIGMA - 1) * 100:.0f} %",
        "d": f"{D}",
        "m-high": f"{SIGMA**D:,.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
