"""questions/rl/actor-critic.md: GAE on a four-step episode for lambda = 0, 0.95 and 1, from the snippet's
backward recursion and, independently, from the definition as a discounted sum of TD errors."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/actor-critic.md"
GAMMA, LAMBDA = 0.99, 0.95
LAMBDAS = (0.0, LAMBDA, 1.0)


def gae():
    return load_snippet("rl/gae.py")


def gae_by_definition(rewards, values, gamma, lam, last_value=0.0, done=True):
    """A_t = sum_l (gamma lam)^l delta_{t+l}, summed forwards term by term."""
    v_next = list(values[1:]) + [0.0 if done else last_value]
    deltas = [r + gamma * vn - v for r, v, vn in zip(rewards, values, v_next, strict=True)]
    return np.array(
        [sum((gamma * lam) ** k * deltas[t + k] for k in range(len(deltas) - t)) for t in range(len(deltas))]
    )


def short(x: float) -> str:
    """Four decimals with trailing zeros dropped, as the table prints them (0.2, 0.39)."""
    return f"{x:.4f}".rstrip("0").rstrip(".")


def expected_values() -> dict[str, str]:
    snippet = gae()
    rewards, values = snippet.REWARDS, snippet.VALUES
    out = {
        "gamma-typical": f"{GAMMA}",
        "lambda-typical": f"{LAMBDA}",
        "rewards": "(" + ", ".join(f"{r:g}" for r in rewards) + ")",
        "values": "(" + ", ".join(f"{v:g}" for v in values) + ")",
        "gamma": f"{GAMMA}",
        "delta0": short(rewards[0] + GAMMA * values[1] - values[0]),
        "return0": short(sum(GAMMA**t * r for t, r in enumerate(rewards))),
        "v0": f"{values[0]:g}",
    }
    for i, lam in enumerate(LAMBDAS):
        adv, _ = snippet.gae(rewards, values, last_value=0.0, gamma=GAMMA, lam=lam)
        out[f"lam-{i}"] = f"{lam:g}"
        out |= {f"adv-{i}-{t}": short(a) for t, a in enumerate(adv)}
    return out


def test_the_recursion_equals_the_definition():
    snippet = gae()
    rng = np.random.default_rng(0)
    cases = [(snippet.REWARDS, snippet.VALUES, True), (rng.normal(size=7), rng.normal(size=7), False)]
    for rewards, values, done in cases:
        for lam in (0.0, 0.5, LAMBDA, 1.0):
            adv, targets = snippet.gae(rewards, values, last_value=0.3, gamma=GAMMA, lam=lam, done=done)
            np.testing.assert_allclose(adv, gae_by_definition(rewards, values, GAMMA, lam, 0.3, done), atol=1e-12)
            np.testing.assert_allclose(targets, adv + np.asarray(values, dtype=float))


def test_lambda_one_is_the_monte_carlo_return_minus_the_baseline():
    snippet = gae()
    adv, _ = snippet.gae(snippet.REWARDS, snippet.VALUES, last_value=0.0, gamma=GAMMA, lam=1.0)
    returns = [sum(GAMMA**k * r for k, r in enumerate(snippet.REWARDS[t:])) for t in range(len(snippet.REWARDS))]
    np.testing.assert_allclose(adv, np.array(returns) - np.array(snippet.VALUES), atol=1e-12)


def test_truncated_episodes_bootstrap_from_the_last_value():
    snippet = gae()
    adv, _ = snippet.gae([0.0], [1.0], last_value=2.0, gamma=0.5, lam=0.9, done=False)
    assert abs(adv[0] - (0.0 + 0.5 * 2.0 - 1.0)) < 1e-12
    adv, _ = snippet.gae([0.0], [1.0], last_value=2.0, gamma=0.5, lam=0.9, done=True)
    assert abs(adv[0] - (-1.0)) < 1e-12


def test_a_perfect_critic_gives_zero_advantages_for_every_lambda():
    snippet = gae()
    values = [0.9**2, 0.9, 1.0]  # exact values of a deterministic chain paying 1 at the end
    for lam in (0.0, 0.5, 1.0):
        adv, _ = snippet.gae([0.0, 0.0, 1.0], values, last_value=0.0, gamma=0.9, lam=lam)
        np.testing.assert_allclose(adv, 0.0, atol=1e-12)


def test_empty_trajectory():
    adv, targets = gae().gae([], [], last_value=0.0)
    assert adv.size == 0 and targets.size == 0


def test_stated_values():
    assert_values(PAGE, expected_values())
