"""questions/rl/policy-gradient.md: the REINFORCE estimator on a 3-armed bandit, exactly by enumeration
(the snippet) and by sampling, with and without a baseline, and the optimal constant baseline."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/policy-gradient.md"


def pg():
    return load_snippet("rl/pg_variance.py")


def sampled_moments(baseline: float, samples: int = 200_000, seed: int = 0):
    """Draw actions from the policy and average the single-sample estimator: mean and total variance."""
    snippet = pg()
    rng = np.random.default_rng(seed)
    pi = snippet.softmax(snippet.THETA)
    actions = rng.choice(len(pi), size=samples, p=pi)
    g = (np.eye(len(pi))[actions] - pi) * (snippet.REWARDS[actions] - baseline)[:, None]
    return g.mean(axis=0), float(g.var(axis=0).sum())


def optimal_baseline() -> float:
    """b* = E[|score|^2 r] / E[|score|^2] (Greensmith et al., 2004), for the single-sample estimator."""
    snippet = pg()
    pi = snippet.softmax(snippet.THETA)
    norms = np.array([np.sum((np.eye(len(pi))[a] - pi) ** 2) for a in range(len(pi))])
    return float(np.sum(pi * norms * snippet.REWARDS) / np.sum(pi * norms))


def vector4(values) -> str:
    return "(" + ", ".join(f"{v:.4f}" for v in values) + ")"


def expected_values() -> dict[str, str]:
    snippet = pg()
    mean_reward = float(snippet.REWARDS.mean())
    _, var_none = snippet.estimator_moments(baseline=0.0)
    _, var_mean = snippet.estimator_moments(baseline=mean_reward)
    pi = snippet.softmax(snippet.THETA)
    return {
        "arms": f"{len(snippet.REWARDS)}",
        "rewards": "(" + ", ".join(f"{r:g}" for r in snippet.REWARDS) + ")",
        "true-grad": vector4(snippet.true_gradient()),
        "var-none": f"{var_none:.4f}",
        "var-mean": f"{var_mean:.4f}",
        "mean-reward": f"{mean_reward:.2f}",
        "ratio": f"{var_none / var_mean:.0f}",
        "score-norm": f"{np.sum((np.eye(len(pi))[0] - pi) ** 2):.4f}",
    }


def test_the_estimator_is_unbiased_with_any_constant_baseline():
    snippet = pg()
    theta = np.array([0.3, -0.2, 0.5])
    for b in (-3.0, 0.0, 7.5):
        np.testing.assert_allclose(snippet.estimator_moments(theta=theta, baseline=b)[0], snippet.true_gradient(theta))


def test_enumeration_agrees_with_sampling():
    snippet = pg()
    for b in (0.0, float(snippet.REWARDS.mean())):
        exact_mean, exact_var = snippet.estimator_moments(baseline=b)
        mean, var = sampled_moments(b)
        # per-coordinate sd of g is at most sqrt(exact_var): 200k samples put the mean within 4 SE
        assert np.abs(mean - exact_mean).max() < 4 * np.sqrt(exact_var / 200_000)
        assert abs(var / exact_var - 1) < 0.02


def test_the_mean_is_the_variance_minimising_baseline_here():
    snippet = pg()
    grid = np.linspace(9, 14, 501)
    variances = [snippet.estimator_moments(baseline=b)[1] for b in grid]
    assert abs(grid[int(np.argmin(variances))] - snippet.REWARDS.mean()) < 0.01
    assert abs(optimal_baseline() - snippet.REWARDS.mean()) < 1e-12


def test_edge_cases():
    snippet = pg()
    mean, var = snippet.estimator_moments(rewards=np.array([5.0, 5.0, 5.0]), baseline=5.0)
    assert np.abs(mean).max() < 1e-12 and abs(var) < 1e-12  # equal rewards, mean baseline: nothing left
    mean, var = snippet.estimator_moments(theta=np.array([50.0, 0.0, 0.0]))
    assert np.abs(mean).max() < 1e-15 and var < 1e-15  # a deterministic policy has zero score


def test_stated_values():
    assert_values(PAGE, expected_values())
