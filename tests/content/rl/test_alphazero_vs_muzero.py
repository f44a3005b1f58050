"""questions/rl/alphazero-vs-muzero.md: MuZero's value targets.

The correction this pins: the value target is an n-step bootstrapped return on Atari (n = 10,
discount 0.997) but the final game outcome in board games, where the search values never enter.
"""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/alphazero-vs-muzero.md"


def mz():
    return load_snippet("rl/muzero_targets.py")


def n_step_by_unrolling(rewards, root_values, t, n, discount):
    """The same target accumulated step by step from the back: G = r_k + discount * G."""
    last = min(t + n, len(rewards))
    g = root_values[t + n] if t + n < len(root_values) else 0.0
    for k in reversed(range(t, last)):
        g = rewards[k] + discount * g
    return g


def expected_values() -> dict[str, str]:
    snippet = mz()
    reward_steps = [k for k, r in enumerate(snippet.ATARI_REWARDS) if r]
    target = snippet.value_target(
        snippet.ATARI_REWARDS, snippet.ATARI_ROOT_VALUES, t=0, n=snippet.ATARI_STEPS, discount=snippet.ATARI_DISCOUNT
    )
    board = snippet.board_game_targets(1.0, [0.2, -0.4, 0.1, 0.9])
    assert len(set(board)) == 1
    return {
        "atari-n": f"{snippet.ATARI_STEPS}",
        "atari-discount": f"{snippet.ATARI_DISCOUNT}",
        "reward": f"{snippet.ATARI_REWARDS[reward_steps[0]]:g}",
        "reward-step-1": f"{reward_steps[0]}",
        "reward-step-2": f"{reward_steps[1]}",
        "boot-value": f"{snippet.ATARI_ROOT_VALUES[snippet.ATARI_STEPS]:g}",
        "atari-target": f"{target:.4f}",
        "board-target": f"{board[0]:+g}",
    }


def test_the_n_step_target_agrees_with_backward_accumulation():
    snippet = mz()
    rng = np.random.default_rng(0)
    rewards, values = rng.normal(size=30), rng.normal(size=30)
    for t in (0, 5, 19, 20, 25, 29):
        for n in (1, 3, 10):
            want = n_step_by_unrolling(rewards, values, t, n, 0.997)
            assert abs(snippet.value_target(rewards, values, t, n, 0.997) - want) < 1e-12


def test_board_game_targets_are_the_outcome_whatever_the_search_values():
    snippet = mz()
    rng = np.random.default_rng(1)
    for outcome in (1.0, -1.0, 0.0):
        values = rng.uniform(-1, 1, size=60)
        assert snippet.board_game_targets(outcome, values) == [outcome] * 60


def test_the_atari_target_depends_on_the_bootstrap_value():
    """Unlike the board-game target: change the search value n steps ahead and the target moves."""
    snippet = mz()
    values = list(snippet.ATARI_ROOT_VALUES)
    base = snippet.value_target(snippet.ATARI_REWARDS, values, 0, snippet.ATARI_STEPS, snippet.ATARI_DISCOUNT)
    values[snippet.ATARI_STEPS] += 1.0
    moved = snippet.value_target(snippet.ATARI_REWARDS, values, 0, snippet.ATARI_STEPS, snippet.ATARI_DISCOUNT)
    assert abs((moved - base) - snippet.ATARI_DISCOUNT**snippet.ATARI_STEPS) < 1e-12


def test_stated_values():
    assert_values(PAGE, expected_values())
