"""questions/rl/q-learning.md: tabular Q-learning from a random behaviour policy on a 5-state chain,
compared with Q* from value iteration on the same chain."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/q-learning.md"
ALPHA, EPISODES, SEED = 0.5, 500, 0


def ql():
    return load_snippet("rl/q_learning.py")


def q_star_by_value_iteration(sweeps: int = 200) -> np.ndarray:
    """Independent of the snippet's closed form: Bellman optimality backups through its step()."""
    snippet = ql()
    q = np.zeros((snippet.N_STATES, 2))
    for _ in range(sweeps):
        new = np.zeros_like(q)
        for s in range(snippet.GOAL):
            for a in (snippet.LEFT, snippet.RIGHT):
                s2, r, done = snippet.step(s, a)
                new[s, a] = r + (0.0 if done else snippet.GAMMA * q[s2].max())
        q = new
    return q


def short(x: float) -> str:
    """As the table prints values: four decimals, trailing zeros dropped (0.729, 1)."""
    return f"{x:.4f}".rstrip("0").rstrip(".")


def expected_values() -> dict[str, str]:
    snippet = ql()
    q = snippet.q_learning(episodes=EPISODES, alpha=ALPHA, seed=SEED)
    gap = np.abs(q - q_star_by_value_iteration()).max()
    exponent = int(np.floor(np.log10(gap)))
    values = {
        "goal": f"{snippet.GOAL}",
        "reward": f"{snippet.step(snippet.GOAL - 1, snippet.RIGHT)[1]:g}",
        "gamma": f"{snippet.GAMMA}",
        "alpha": f"{ALPHA}",
        "episodes": f"{EPISODES}",
        "seed": f"{SEED}",
        "max-gap": f"{gap / 10**exponent:.1f} \\times 10^{{{exponent}}}",
        "exponent": f"{snippet.GOAL - 1}",
    }
    for s in range(snippet.GOAL):
        values[f"q-left-{s}"] = short(q[s, snippet.LEFT])
        values[f"q-right-{s}"] = short(q[s, snippet.RIGHT])
    return values


def test_the_closed_form_in_the_snippet_is_q_star():
    np.testing.assert_allclose(ql().optimal_q(), q_star_by_value_iteration(), atol=1e-15)


def test_learning_from_random_behaviour_recovers_the_greedy_policy():
    snippet = ql()
    q = snippet.q_learning(episodes=EPISODES, alpha=ALPHA, seed=SEED)
    assert snippet.greedy_policy(q) == ["right"] * snippet.GOAL
    assert np.abs(snippet.q_learning(seed=7) - q_star_by_value_iteration()).max() < 1e-6  # another seed


def test_edge_cases():
    snippet = ql()
    assert snippet.step(0, snippet.LEFT) == (0, 0.0, False)  # the left wall
    np.testing.assert_array_equal(snippet.q_learning(episodes=0), np.zeros((5, 2)))
    one = snippet.q_learning(episodes=1)  # after one episode only the move into the goal is credited
    assert one[3, snippet.RIGHT] == ALPHA and one[:3].max() == 0.0


def test_stated_values():
    assert_values(PAGE, expected_values())
