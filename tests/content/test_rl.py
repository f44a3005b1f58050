"""Every number on questions/rl.md, recomputed from the inputs the page shows."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_stated, load_snippet, page_sources

PAGE = "questions/rl.md"


def said(en: str, ru: str) -> None:
    """A phrase whose wording differs between languages: check each page separately."""
    both = {lang: " ".join(text.split()) for lang, text in page_sources(PAGE).items()}
    assert en in both["en"], en
    assert ru in both["ru"], ru


def short(x: float, digits: int = 4) -> str:
    """Round, then drop trailing zeros, as the page's tables print values (0.729, 1, 0.2)."""
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


# ---------------------------------------------------------------------------------------------
# MDP and value iteration
# ---------------------------------------------------------------------------------------------


def test_mdp_inputs_are_the_ones_on_the_page():
    vi = load_snippet("rl/value_iteration.py")
    assert vi.GAMMA == 0.9
    assert vi.R[:, 0].tolist() == [3.0, 2.0, 0.0]
    assert vi.R[:, 1].tolist() == [0.0, -1.0, -5.0]
    assert vi.P["run"][0, 1] == 0.3 and vi.P["run"][1, 2] == 0.4
    assert all(np.allclose(vi.P[a].sum(axis=1), 1.0) for a in vi.ACTIONS)
    assert_stated(PAGE, "\\gamma = 0.9", "+3, p=0.3", "+2, p=0.4", '-1"', '-5"')
    said("costs 0, 1 or 5", "стоит 0, 1 или 5")


def test_value_iteration_solution():
    vi = load_snippet("rl/value_iteration.py")
    v, policy, sweeps = vi.value_iteration()
    assert policy == ["run", "repair", "repair"]
    exact = np.array([2730, 2330, 1822]) / 127
    np.testing.assert_allclose(v, exact, atol=1e-9)
    np.testing.assert_allclose(vi.evaluate_policy(policy), exact)
    assert 2.73 / 0.127 == pytest.approx(2730 / 127)
    assert_stated(PAGE, "V^* = (" + ", ".join(f"{x:.3f}" for x in v) + ")")
    assert_stated(PAGE, "2.73 / 0.127 = 2730/127 \\approx " + f"{exact[0]:.3f}")
    assert_stated(PAGE, "10^{-10}", f"{sweeps} ")
    q = vi.q_values(v)
    assert q[1, 1] > q[1, 0]
    assert_stated(PAGE, f"{q[1, 1]:.3f}", f"{q[1, 0]:.3f}")
    myopic = vi.evaluate_policy(["run", "run", "repair"])
    assert myopic[0] < v[0]
    assert_stated(PAGE, f"{myopic[0]:.3f}")


def test_value_iteration_edge_cases():
    vi = load_snippet("rl/value_iteration.py")
    v0, _, sweeps = vi.value_iteration(gamma=0.0)
    np.testing.assert_allclose(v0, vi.R.max(axis=1))  # gamma = 0: one-step greedy
    assert sweeps == 2
    # Bellman optimality holds at the fixed point, and the error shrinks by gamma per sweep.
    v, _, _ = vi.value_iteration()
    np.testing.assert_allclose(vi.q_values(v).max(axis=1), v, atol=1e-9)
    v1 = vi.q_values(np.zeros(3)).max(axis=1)
    v2 = vi.q_values(v1).max(axis=1)
    assert np.abs(v2 - v).max() <= vi.GAMMA * np.abs(v1 - v).max() + 1e-12


def test_effective_horizon():
    assert 1 / (1 - 0.9) == pytest.approx(10)
    said("i.e. 10 steps at 0.9", "то есть 10 шагов при 0.9")


# ---------------------------------------------------------------------------------------------
# Q-learning
# ---------------------------------------------------------------------------------------------


def test_q_learning_learns_optimal_q_from_random_behaviour():
    ql = load_snippet("rl/q_learning.py")
    q = ql.q_learning(episodes=500, alpha=0.5, seed=0)
    q_star = ql.optimal_q()
    assert np.abs(q - q_star).max() < 1e-12
    assert ql.greedy_policy(q) == ["right"] * 4
    assert_stated(PAGE, "\\alpha = 0.5", "500", "seed 0", "\\gamma = 0.9", "10^{-12}", "0.9^{3-s}")
    for s in range(4):
        assert_stated(PAGE, f"| {s} | {short(q[s, 0])} | {short(q[s, 1])} |")
    assert [short(x) for x in q[:4, 1]] == ["0.729", "0.81", "0.9", "1"]
    assert [short(x) for x in q[:4, 0]] == ["0.6561", "0.6561", "0.729", "0.81"]


def test_q_learning_edge_cases():
    ql = load_snippet("rl/q_learning.py")
    assert ql.step(0, ql.LEFT) == (0, 0.0, False)  # the left wall
    assert ql.step(3, ql.RIGHT) == (4, 1.0, True)
    np.testing.assert_array_equal(ql.q_learning(episodes=0), np.zeros((5, 2)))
    # Deterministic under a fixed seed; a different seed still converges.
    np.testing.assert_array_equal(ql.q_learning(seed=0), ql.q_learning(seed=0))
    assert np.abs(ql.q_learning(seed=7) - ql.optimal_q()).max() < 1e-6
    # After a single episode only the last transition into the goal has been credited.
    one = ql.q_learning(episodes=1)
    assert one[3, 1] == 0.5 and one[:3].max() <= 0.5


# ---------------------------------------------------------------------------------------------
# DQN: overestimation
# ---------------------------------------------------------------------------------------------


def expected_max_of_normals(n: int) -> float:
    x = np.linspace(-12, 12, 240_001)
    phi = np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))
    return float(np.trapezoid(x * n * phi * cdf ** (n - 1), x))


def test_overestimation_numbers():
    exact = expected_max_of_normals(10)
    assert f"{exact:.4f}" == "1.5388"
    ov = load_snippet("rl/overestimation.py")
    single, double = ov.max_bias()
    assert single == pytest.approx(exact, abs=0.01)
    assert abs(double) < 0.005
    assert f"{single:.2f}" == f"{exact:.2f}" == "1.54"
    assert_stated(PAGE, f"{exact:.2f}", f"{exact:.4f}", f"{abs(double):.2f}")
    said("If 10 actions all have true value 0", "Если у 10 действий истинная ценность 0")


def test_overestimation_edge_cases():
    ov = load_snippet("rl/overestimation.py")
    single, double = ov.max_bias(n_actions=1, trials=20_000)
    assert single == pytest.approx(0.0, abs=0.03)  # no max, no bias
    assert double == pytest.approx(0.0, abs=0.03)
    assert ov.max_bias(noise=0.0) == (0.0, 0.0)


def test_dqn_constants():
    assert_stated(PAGE, "10\\,000", "4", "1.0", "0.1")
    said("a stack of 4 frames", "стопка из 4 кадров")


# ---------------------------------------------------------------------------------------------
# Policy gradient variance
# ---------------------------------------------------------------------------------------------


def test_policy_gradient_variance_example():
    pg = load_snippet("rl/pg_variance.py")
    true = pg.true_gradient()
    np.testing.assert_allclose(true, np.array([-4, -1, 5]) / 9)
    mean0, var0 = pg.estimator_moments(baseline=0.0)
    b = float(pg.REWARDS.mean())
    mean_b, var_b = pg.estimator_moments(baseline=b)
    np.testing.assert_allclose(mean0, true)
    np.testing.assert_allclose(mean_b, true)  # a baseline does not change the mean
    assert var0 == pytest.approx(2326 / 27) and var_b == pytest.approx(14 / 27)
    assert_stated(PAGE, "(10, 11, 13)", "(" + ", ".join(f"{x:.4f}" for x in true) + ")")
    assert_stated(PAGE, f"{var0:.4f}", f"{var_b:.4f}", f"\\approx {b:.2f}", f"{round(var0 / var_b)} ")


def test_policy_gradient_edge_cases():
    pg = load_snippet("rl/pg_variance.py")
    # Equal rewards: the true gradient is zero, and the mean baseline removes all variance.
    flat = np.array([5.0, 5.0, 5.0])
    mean, var = pg.estimator_moments(rewards=flat, baseline=5.0)
    np.testing.assert_allclose(mean, 0.0, atol=1e-12)
    assert var == pytest.approx(0.0, abs=1e-12)
    # A deterministic policy has zero score, hence zero gradient estimate.
    mean, var = pg.estimator_moments(theta=np.array([50.0, 0.0, 0.0]))
    assert np.abs(mean).max() < 1e-15 and var < 1e-15
    # Any constant baseline keeps the estimator unbiased.
    theta = np.array([0.3, -0.2, 0.5])
    for b in (-3.0, 0.0, 7.5):
        np.testing.assert_allclose(pg.estimator_moments(theta=theta, baseline=b)[0], pg.true_gradient(theta))


# ---------------------------------------------------------------------------------------------
# Actor-critic: GAE
# ---------------------------------------------------------------------------------------------


def test_gae_table():
    gae = load_snippet("rl/gae.py")
    assert gae.REWARDS == [1.0, 0.0, 0.0, 1.0] and gae.VALUES == [0.5, 0.4, 0.6, 0.8]
    assert_stated(PAGE, "(1, 0, 0, 1)", "(0.5, 0.4, 0.6, 0.8)", "\\gamma = 0.99", "\\lambda = 0.95")
    for lam in (0.0, 0.95, 1.0):
        adv, targets = gae.gae(gae.REWARDS, gae.VALUES, last_value=0.0, gamma=0.99, lam=lam)
        np.testing.assert_allclose(targets, adv + np.array(gae.VALUES))
        assert_stated(PAGE, f"| {short(lam)} | " + " | ".join(short(a) for a in adv) + " |")
    delta0 = 1 + 0.99 * 0.4 - 0.5
    assert_stated(PAGE, f"1 + 0.99 \\cdot 0.4 - 0.5 = {short(delta0)}")
    adv1, _ = gae.gae(gae.REWARDS, gae.VALUES, last_value=0.0, gamma=0.99, lam=1.0)
    assert adv1[0] == pytest.approx((1 + 0.99**3) - 0.5)
    assert_stated(PAGE, "(1 + 0.99^3) - 0.5")


def test_gae_edge_cases():
    gae = load_snippet("rl/gae.py")
    adv, targets = gae.gae([], [], last_value=0.0)
    assert adv.size == 0 and targets.size == 0
    # Truncated episode: bootstrap from the last value.
    adv, _ = gae.gae([0.0], [1.0], last_value=2.0, gamma=0.5, lam=0.9, done=False)
    assert adv[0] == pytest.approx(0.0 + 0.5 * 2.0 - 1.0)
    adv, _ = gae.gae([0.0], [1.0], last_value=2.0, gamma=0.5, lam=0.9, done=True)
    assert adv[0] == pytest.approx(-1.0)
    # A perfect critic on a deterministic chain gives zero TD errors for every lambda.
    values = [0.9**2, 0.9, 1.0]
    for lam in (0.0, 0.5, 1.0):
        adv, _ = gae.gae([0.0, 0.0, 1.0], values, last_value=0.0, gamma=0.9, lam=lam)
        np.testing.assert_allclose(adv, 0.0, atol=1e-12)


# ---------------------------------------------------------------------------------------------
# PPO clip
# ---------------------------------------------------------------------------------------------


def minus(x: float) -> str:
    """The page writes negative numbers in tables with a real minus sign, positive ones with +."""
    return f"{x:+g}".replace("-", "−") if x != 0 else "0"


def test_ppo_clip_table():
    ppo = load_snippet("rl/ppo_clip.py")
    eps = 0.2
    assert_stated(PAGE, "\\varepsilon = 0.2", "[0.8, 1.2]", "1.3")
    for ratio in (1.3, 0.7):
        for adv in (1.0, -1.0):
            unclipped = ratio * adv
            clipped = ppo.clip(ratio, 1 - eps, 1 + eps) * adv
            obj = ppo.clipped_objective(ratio, adv, eps)
            grad = ppo.ratio_gradient(ratio, adv, eps)
            assert obj == min(unclipped, clipped)
            # the gradient w.r.t. the ratio, by finite differences
            h = 1e-6
            numeric = (ppo.clipped_objective(ratio + h, adv, eps) - ppo.clipped_objective(ratio - h, adv, eps)) / (
                2 * h
            )
            assert grad == pytest.approx(numeric, abs=1e-6)
            cells = [f"{ratio:g}", minus(adv), f"{unclipped:g}", f"{clipped:g}", f"{obj:g}", minus(grad)]
            cells = [c.replace("-", "−") for c in cells]
            assert_stated(PAGE, "| " + " | ".join(cells) + " |")
    assert ppo.clipped_objective(1.3, 1.0) == pytest.approx(1.2)
    assert ppo.clipped_objective(1.3, -1.0) == pytest.approx(-1.3)
    assert_stated(PAGE, "$-1.3$", "20 %", "30 %", "3–10")


def test_ppo_edge_cases():
    ppo = load_snippet("rl/ppo_clip.py")
    assert ppo.clipped_objective(1.0, 0.0) == 0.0
    assert ppo.ratio_gradient(1.1, 1.0) == 1.0 and ppo.ratio_gradient(1.1, -1.0) == -1.0  # inside
    assert ppo.clipped_objective(1.2, 1.0) == pytest.approx(1.2)  # boundary
    assert ppo.clipped_objective(5.0, 1.0, eps=0.1) == pytest.approx(1.1)


# ---------------------------------------------------------------------------------------------
# AlphaZero vs MuZero
# ---------------------------------------------------------------------------------------------


def test_alphazero_muzero_constants():
    assert_stated(PAGE, "800", "K = 5", "50", "2017", "2019–2020", "2023")
