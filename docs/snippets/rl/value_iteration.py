"""Value iteration on a three-state machine-maintenance MDP, checked by exact policy evaluation."""

import numpy as np

STATES = ["good", "worn", "broken"]
ACTIONS = ["run", "repair"]
GAMMA = 0.9

# P[a][s, s'] transition probabilities, R[s, a] expected immediate reward.
P = {
    "run": np.array(
        [
            [0.7, 0.3, 0.0],  # a good machine wears out with probability 0.3
            [0.0, 0.6, 0.4],  # a worn machine breaks with probability 0.4
            [0.0, 0.0, 1.0],  # a broken machine stays broken
        ]
    ),
    "repair": np.array(
        [
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],
            [1.0, 0.0, 0.0],  # repair always returns the machine to "good"
        ]
    ),
}
R = np.array(
    [
        [3.0, 0.0],  # good:   run earns 3, repair earns nothing
        [2.0, -1.0],  # worn:   run earns 2, repair costs 1
        [0.0, -5.0],  # broken: run earns 0, repair costs 5
    ]
)


def q_values(v, gamma=GAMMA):
    """Q[s, a] = R[s, a] + gamma * sum_s' P(s' | s, a) V(s')."""
    return np.stack([R[:, i] + gamma * P[a] @ v for i, a in enumerate(ACTIONS)], axis=1)


def value_iteration(gamma=GAMMA, tol=1e-10, max_iter=10_000):
    """Apply the Bellman optimality backup until the largest change is below tol.

    Returns (V*, greedy policy as action names, number of sweeps).
    """
    v = np.zeros(len(STATES))
    for sweep in range(1, max_iter + 1):
        new_v = q_values(v, gamma).max(axis=1)
        if np.max(np.abs(new_v - v)) < tol:
            v = new_v
            break
        v = new_v
    policy = [ACTIONS[i] for i in q_values(v, gamma).argmax(axis=1)]
    return v, policy, sweep


def evaluate_policy(policy, gamma=GAMMA):
    """Solve the Bellman expectation equation V = R_pi + gamma P_pi V exactly."""
    idx = [ACTIONS.index(a) for a in policy]
    p_pi = np.stack([P[a][s] for s, a in enumerate(policy)])
    r_pi = np.array([R[s, i] for s, i in enumerate(idx)])
    return np.linalg.solve(np.eye(len(STATES)) - gamma * p_pi, r_pi)


if __name__ == "__main__":
    v, policy, sweeps = value_iteration()
    print("V* =", {s: round(float(x), 3) for s, x in zip(STATES, v, strict=False)}, "after", sweeps, "sweeps")
    print("greedy policy =", dict(zip(STATES, policy, strict=False)))
    print("exact evaluation of that policy =", evaluate_policy(policy).round(3))
