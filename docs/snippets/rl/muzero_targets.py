"""MuZero's value targets: an n-step bootstrapped return on Atari, the final outcome in board games.

For position t of a stored episode with rewards r_0 .. r_{T-1} and search root values v_0 .. v_{T-1},
    z_t = r_t + g r_{t+1} + ... + g^(n-1) r_{t+n-1} + g^n v_{t+n},
where the bootstrap term is dropped if the episode ends within the n steps. On Atari MuZero used
n = 10 and g = 0.997. In Go, chess and shogi n spans the whole game, g = 1 and the only reward is
the result at the end, so every position's target is simply the game's outcome.
"""

ATARI_STEPS, ATARI_DISCOUNT = 10, 0.997


def value_target(rewards, root_values, t, n, discount):
    """n-step return from position t, bootstrapped from the search value n steps later if it exists."""
    end = min(t + n, len(rewards))
    target = sum(discount ** (k - t) * rewards[k] for k in range(t, end))
    if t + n < len(root_values):
        target += discount**n * root_values[t + n]
    return target


def board_game_targets(outcome, root_values):
    """Targets for every position of a finished game (one player's point of view): n covers the game."""
    length = len(root_values)
    rewards = [0.0] * (length - 1) + [outcome]
    return [value_target(rewards, root_values, t, n=length, discount=1.0) for t in range(length)]


# An Atari example: rewards of 1 two and seven steps after position 0, the search valued step 10 at 5.
ATARI_REWARDS = [0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0]
ATARI_ROOT_VALUES = [4.0, 4.1, 3.2, 3.3, 3.5, 3.6, 3.8, 2.9, 3.1, 4.7, 5.0, 5.2]


if __name__ == "__main__":
    z = value_target(ATARI_REWARDS, ATARI_ROOT_VALUES, t=0, n=ATARI_STEPS, discount=ATARI_DISCOUNT)
    print(f"Atari target for position 0: {z:.4f}")
    print("board game won (+1), whatever the search thought:", board_game_targets(1.0, [0.2, -0.4, 0.1, 0.9]))
