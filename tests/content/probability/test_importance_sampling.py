"""questions/probability/importance-sampling.md: a Gaussian tail by shifted proposals, ESS, self-normalising."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/importance-sampling.md"
IS = load_snippet("probability/importance_sampling.py")
T, N, SIGMA, SHIFT_LOW, SHIFT_HIGH = 4.0, 10_000, 2.0, 3.0, 5.0


def test_the_shifted_estimator_is_unbiased_with_the_stated_variance():
    rng = np.random.default_rng(11)
    runs = np.array([IS.shifted_tail(T, T, 2_000, rng) for _ in range(2_000)])
    mu = IS.normal_tail(T)
    per_draw_var = IS.shifted_tail_relative_variance(T, T) * mu**2
    assert abs(runs.mean() - mu) < 4 * math.sqrt(per_draw_var / 2_000 / 2_000)
    assert abs(runs.var() / (per_draw_var / 2_000) - 1) < 0.15


def test_the_closed_form_second_moment_matches_numerical_integration():
    x = np.linspace(T, 30, 2_000_001)
    weight = np.exp(-T * x + 0.5 * T**2)
    second = float(np.trapezoid(weight * np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi), x))
    mu = IS.normal_tail(T)
    assert abs(second / mu**2 - 1 - IS.shifted_tail_relative_variance(T, T)) < 1e-4


def test_naive_monte_carlo_mostly_returns_zero():
    rng = np.random.default_rng(12)
    zeros = np.mean([IS.naive_tail(T, N, rng) == 0 for _ in range(300)])
    assert abs(zeros - math.exp(-N * IS.normal_tail(T))) < 0.1  # Poisson(0.32) count of hits


def test_ess_fraction_converges_to_the_closed_form():
    x = np.random.default_rng(13).normal(0.0, SIGMA, 400_000)
    w = np.exp(-0.5 * x**2 + 0.5 * (x / SIGMA) ** 2) * SIGMA
    assert abs(IS.effective_sample_size(w) / x.size - IS.ess_fraction_exact(SIGMA)) < 0.01
    assert IS.ess_fraction_exact(0.6) == 0.0  # sigma^2 <= 1/2: infinite second moment


def test_self_normalised_ignores_the_constant_and_its_bias_shrinks():
    rng = np.random.default_rng(14)
    args = (lambda v: v**2, lambda r, k: r.normal(0, 2, k), lambda v: -0.5 * (v / 2) ** 2)
    shifted_log_p = lambda v: -0.5 * v**2 + 7.0  # noqa: E731 - an arbitrary constant in the log target
    small = [IS.self_normalised(args[0], shifted_log_p, args[1], args[2], 20, rng)[0] for _ in range(4000)]
    assert abs(np.mean(small) - 1) < 0.06  # biased at n = 20, but not by much
    est, _ = IS.self_normalised(args[0], lambda v: -0.5 * v**2 + 123.0, args[1], args[2], 200_000, rng)
    assert abs(est - 1) < 0.02


def run_estimates():
    rng = np.random.default_rng(0)
    IS.naive_tail(T, N, rng)  # the demo's order of draws: naive, shifted, ESS draws, self-normalised
    shifted = IS.shifted_tail(T, T, N, rng)
    rng.normal(0.0, 2.0, N)
    sn, _ = IS.self_normalised(
        lambda v: v**2, lambda v: -0.5 * v**2, lambda r, k: r.normal(0, 2, k), lambda v: -0.5 * (v / 2) ** 2, N, rng
    )
    return shifted, sn


def expected_values():
    mu = IS.normal_tail(T)
    rel_var = IS.shifted_tail_relative_variance(T, T)
    shifted, sn = run_estimates()
    return {
        "t": f"{T:.0f}",
        "tail": f"{mu * 1e5:.3f}",
        "n": f"{N:,}",
        "hits": f"{N * mu:.2f}",
        "naive-rel": f"{math.sqrt((1 - mu) / (N * mu)) * 100:.0f} %",
        "rel-var": f"{rel_var:.2f}",
        "is-rel": f"{math.sqrt(rel_var / N) * 100:.1f} %",
        "gain": f"{round((1 - mu) / mu / rel_var, -3):,.0f}",
        "is-estimate": f"{shifted * 1e5:.2f}",
        "rel-var-3": f"{IS.shifted_tail_relative_variance(T, SHIFT_LOW):.2f}",
        "shift-low": f"{SHIFT_LOW:.0f}",
        "rel-var-5": f"{IS.shifted_tail_relative_variance(T, SHIFT_HIGH):.2f}",
        "shift-high": f"{SHIFT_HIGH:.0f}",
        "sigma-wide": f"{SIGMA:.0f}",
        "ess-wide": f"{IS.ess_fraction_exact(SIGMA):.3f}",
        "sn-estimate": f"{sn:.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
