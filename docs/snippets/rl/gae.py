"""Generalised Advantage Estimation (GAE) for one trajectory, computed backwards in O(T)."""

import numpy as np


def gae(rewards, values, last_value, gamma=0.99, lam=0.95, done=True):
    """Return (advantages, value targets) for a trajectory of length T.

    values[t] = V(s_t); last_value = V(s_T), ignored when the episode ended (done=True).
    delta_t = r_t + gamma V(s_{t+1}) - V(s_t);   A_t = delta_t + gamma * lam * A_{t+1}.
    """
    rewards = np.asarray(rewards, dtype=float)
    values = np.asarray(values, dtype=float)
    next_values = np.append(values[1:], 0.0 if done else last_value)
    deltas = rewards + gamma * next_values - values
    adv = np.zeros_like(deltas)
    running = 0.0
    for t in reversed(range(len(deltas))):
        running = deltas[t] + gamma * lam * running
        adv[t] = running
    return adv, adv + values


REWARDS = [1.0, 0.0, 0.0, 1.0]
VALUES = [0.5, 0.4, 0.6, 0.8]


if __name__ == "__main__":
    for lam in (0.0, 0.95, 1.0):
        adv, targets = gae(REWARDS, VALUES, last_value=0.0, gamma=0.99, lam=lam)
        print(f"lambda={lam}: advantages {adv.round(4)}, value targets {targets.round(4)}")
