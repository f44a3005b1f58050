"""Tabular Q-learning on a deterministic 5-state chain, learning from a purely random policy.

States 0..4, start in 0. Action 0 moves left (state 0 stays put), action 1 moves right.
Entering state 4 pays reward 1 and ends the episode; every other step pays 0.
"""

import numpy as np

N_STATES, GOAL, GAMMA = 5, 4, 0.9
LEFT, RIGHT = 0, 1


def step(state, action):
    """Deterministic dynamics: returns (next_state, reward, done)."""
    nxt = max(state - 1, 0) if action == LEFT else state + 1
    return nxt, float(nxt == GOAL), nxt == GOAL


def q_learning(episodes=500, alpha=0.5, gamma=GAMMA, seed=0, max_steps=100):
    """Behaviour policy: uniform random. Target policy: greedy w.r.t. Q (hence off-policy)."""
    rng = np.random.default_rng(seed)
    q = np.zeros((N_STATES, 2))
    for _ in range(episodes):
        s = 0
        for _ in range(max_steps):
            a = int(rng.integers(2))
            s2, r, done = step(s, a)
            target = r if done else r + gamma * q[s2].max()  # no bootstrap from a terminal state
            q[s, a] += alpha * (target - q[s, a])
            s = s2
            if done:
                break
    return q


def optimal_q(gamma=GAMMA):
    """Q* in closed form: going right from s reaches the goal after 4 - s steps."""
    v = np.array([gamma ** (GOAL - 1 - s) for s in range(GOAL)] + [0.0])
    q = np.zeros((N_STATES, 2))
    for s in range(GOAL):
        q[s, RIGHT] = v[s]
        q[s, LEFT] = gamma * v[max(s - 1, 0)]
    return q


def greedy_policy(q):
    return ["right" if q[s, RIGHT] > q[s, LEFT] else "left" for s in range(GOAL)]


if __name__ == "__main__":
    q = q_learning()
    print("learned Q (rows = states 0..3, columns = left, right):\n", q[:GOAL].round(4))
    print("greedy policy:", greedy_policy(q))
    print("max |Q - Q*| =", np.abs(q - optimal_q()).max())
