"""questions/rl/sac-td3.md: the actor's overestimation and the clipped double-Q correction (simulated,
against the exact expectation of a minimum), SAC's Gaussian soft value (against grid search and the
log-partition integral), the tanh log-probability (it integrates to one), the two gradient estimators'
variances (against closed forms) and the automatic temperature (against its fixed point)."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/sac-td3.md"
CC = load_snippet("rl/continuous_control.py")

GRID_POINTS, PEAK, CRITIC_NOISE = 21, 0.3, 0.1
A_LOW, A_HIGH = -1.0, 1.0
TD3_SIGMA, TD3_CLIP, TD3_DELAY, TAU = 0.2, 0.5, 2, 0.005
CURVATURE, ALPHA = 1.0, 0.2
MU0, SIGMA0 = 0.0, 0.3
U_MODERATE, U_LARGE = 2.0, 20.0
TARGET_ENTROPY, WIDE_ACTIONS = -1.0, 6


def true_q(a):
    return -CURVATURE * (a - PEAK) ** 2


def grid():
    return np.linspace(A_LOW, A_HIGH, GRID_POINTS)


def normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def score_variance(mu, sigma, k, peak):
    """Var of Q(a)(a - mu)/sigma^2 for a = mu + sigma eps, with d = mu - peak:
    (k/sigma)^2 (d^4 + 18 d^2 sigma^2 + 15 sigma^4) - 4 k^2 d^2 (the odd moments of eps vanish)."""
    d = mu - peak
    return (k / sigma) ** 2 * (d**4 + 18 * d**2 * sigma**2 + 15 * sigma**4) - 4 * k**2 * d**2


def expected_values() -> dict[str, str]:
    ddpg, td3 = CC.actor_overestimation(grid(), true_q, noise=CRITIC_NOISE)
    _, sigma_star, soft_value = CC.soft_optimum(CURVATURE, PEAK, ALPHA)
    reparam_var = 4 * CURVATURE**2 * SIGMA0**2
    score_var = score_variance(MU0, SIGMA0, CURVATURE, PEAK)
    return {
        "grid-points": str(GRID_POINTS),
        "a-low": f"{A_LOW:g}",
        "a-high": f"{A_HIGH:g}",
        "peak": f"{PEAK}",
        "critic-noise": f"{CRITIC_NOISE}",
        "bias-ddpg": f"{ddpg:+.3f}",
        "bias-td3": f"{td3:+.3f}".replace("-", "−"),
        "min-bias": f"{-CRITIC_NOISE / math.sqrt(math.pi):.3f}".replace("-", "−"),
        "td3-sigma": f"{TD3_SIGMA}",
        "td3-clip": f"{TD3_CLIP}",
        "clipped-share": f"{100 * 2 * (1 - normal_cdf(TD3_CLIP / TD3_SIGMA)):.1f} %",
        "td3-delay": str(TD3_DELAY),
        "tau": f"{TAU}",
        "curvature": f"{CURVATURE:g}",
        "peak-2": f"{PEAK}",
        "alpha": f"{ALPHA}",
        "sigma-star": f"{sigma_star:.3f}",
        "soft-value": f"{soft_value:.3f}",
        "mu0": f"{MU0:g}",
        "sigma0": f"{SIGMA0}",
        "true-grad": f"{-2 * CURVATURE * (MU0 - PEAK):.1f}",
        "var-reparam": f"{reparam_var:.2f}",
        "var-score": f"{score_var:.2f}",
        "var-ratio": f"{score_var / reparam_var:.1f}",
        "u-moderate": f"{U_MODERATE:g}",
        "correction-moderate": f"{-CC.log_one_minus_tanh_sq(U_MODERATE):.2f}",
        "u-large": f"{U_LARGE:g}",
        "stable-large": f"{CC.log_one_minus_tanh_sq(U_LARGE):.2f}".replace("-", "−"),
        "target-entropy": f"{TARGET_ENTROPY:g}",
        "alpha-tuned": f"{CC.tune_temperature(CURVATURE, TARGET_ENTROPY):.4f}",
        "wide-actions": str(WIDE_ACTIONS),
        "wide-target": f"{-WIDE_ACTIONS}",
    }


def test_clipped_double_q_removes_the_actors_overestimation():
    ddpg, td3 = CC.actor_overestimation(grid(), true_q, noise=CRITIC_NOISE, seed=3)
    assert ddpg > 0.1 and abs(td3) < 0.03 and td3 < ddpg
    # at a fixed action the minimum of two independent N(0, s^2) errors has mean -s / sqrt(pi)
    one_action = CC.actor_overestimation(np.array([PEAK]), true_q, noise=CRITIC_NOISE, seed=4)
    assert abs(one_action[0]) < 0.002 and abs(one_action[1] + CRITIC_NOISE / math.sqrt(math.pi)) < 0.002


def test_target_smoothing_clips_the_noise_and_the_action():
    rng = np.random.default_rng(5)
    actions = CC.smoothed_target_action(np.full(200_000, 0.9), rng, TD3_SIGMA, TD3_CLIP)
    assert actions.max() <= 1.0 and actions.min() >= 0.9 - TD3_CLIP - 1e-12
    clipped = np.mean(np.abs(CC.smoothed_target_action(np.zeros(200_000), rng, TD3_SIGMA, TD3_CLIP)) >= TD3_CLIP)
    expected = 2 * (1 - normal_cdf(TD3_CLIP / TD3_SIGMA))
    assert abs(clipped - expected) < 5 * math.sqrt(expected / 200_000)


def test_the_soft_optimum_beats_a_grid_and_equals_the_log_partition():
    mu_star, sigma_star, value = CC.soft_optimum(CURVATURE, PEAK, ALPHA)
    mus, sigmas = np.meshgrid(np.linspace(-0.5, 1.0, 301), np.linspace(0.05, 1.0, 381))
    objective = CC.soft_objective(mus, sigmas, CURVATURE, PEAK, ALPHA)
    assert objective.max() <= value + 1e-12
    assert math.isclose(CC.soft_objective(mu_star, sigma_star, CURVATURE, PEAK, ALPHA), value, rel_tol=1e-12)
    a = np.linspace(-10, 10, 200_001)
    log_partition = ALPHA * math.log(np.sum(np.exp(true_q(a) / ALPHA)) * (a[1] - a[0]))
    assert abs(log_partition - value) < 1e-9


def test_the_squashed_density_integrates_to_one_and_the_stable_form_agrees():
    u = np.linspace(-12, 12, 400_001)
    log_p = CC.squashed_log_prob(u, 0.4, 1.3)
    actions = np.tanh(u)
    mass = np.sum(np.exp(log_p[:-1]) * np.diff(actions))  # integrate p(a) da over a = tanh(u)
    assert abs(mass - 1) < 1e-4
    moderate = np.linspace(-5, 5, 101)
    np.testing.assert_allclose(CC.log_one_minus_tanh_sq(moderate), np.log(1 - np.tanh(moderate) ** 2), atol=1e-9)
    assert np.isfinite(CC.log_one_minus_tanh_sq(U_LARGE)) and np.tanh(U_LARGE) == 1.0


def test_gradient_estimators_are_unbiased_with_the_stated_variances():
    (r_mean, r_var), (s_mean, s_var) = CC.gradient_estimators(MU0, SIGMA0, CURVATURE, PEAK, samples=400_000, seed=6)
    truth = -2 * CURVATURE * (MU0 - PEAK)
    assert abs(r_mean - truth) < 5 * math.sqrt(r_var / 400_000)
    assert abs(s_mean - truth) < 5 * math.sqrt(s_var / 400_000)
    assert abs(r_var - 4 * CURVATURE**2 * SIGMA0**2) < 0.01
    assert abs(s_var / score_variance(MU0, SIGMA0, CURVATURE, PEAK) - 1) < 0.05


def test_the_temperature_settles_where_the_entropy_hits_the_target():
    alpha = CC.tune_temperature(CURVATURE, TARGET_ENTROPY)
    assert math.isclose(alpha, CURVATURE * math.exp(2 * TARGET_ENTROPY - 1) / math.pi, rel_tol=1e-6)
    _, sigma, _ = CC.soft_optimum(CURVATURE, 0.0, alpha)
    assert abs(0.5 * math.log(2 * math.pi * math.e * sigma**2) - TARGET_ENTROPY) < 1e-6


def test_stated_values():
    assert_values(PAGE, expected_values())
