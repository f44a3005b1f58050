"""Maximisation bias: max over noisy estimates vs the double estimator used by Double Q-learning.

Every action has true value 0. Each of two independent estimates per action is the true value
plus N(0, 1) noise. The single estimator takes max_a Q1(a); the double estimator picks
a* = argmax_a Q1(a) and reports Q2(a*).
"""

import numpy as np


def max_bias(n_actions=10, trials=100_000, noise=1.0, seed=0):
    """Return (mean of max_a Q1, mean of Q2[argmax_a Q1]) over many independent trials."""
    rng = np.random.default_rng(seed)
    q1 = rng.normal(0.0, noise, size=(trials, n_actions))
    q2 = rng.normal(0.0, noise, size=(trials, n_actions))
    single = q1.max(axis=1).mean()
    double = q2[np.arange(trials), q1.argmax(axis=1)].mean()
    return float(single), float(double)


if __name__ == "__main__":
    single, double = max_bias()
    print(f"single estimator {single:.3f}, double estimator {double:.3f} (true value 0)")
