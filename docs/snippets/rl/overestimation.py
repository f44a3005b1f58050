"""Maximisation bias: max over noisy estimates vs the double estimator used by Double Q-learning.

Every action has true value 0. Each of two estimates per action is the true value plus N(0, 1)
noise; the two estimates' errors have correlation `correlation` (0: independent, as in tabular
Double Q-learning; close to 1: like an online network and its lagged target copy). The single
estimator takes max_a Q1(a); the double estimator picks a* = argmax_a Q1(a) and reports Q2(a*).
"""

import numpy as np


def max_bias(n_actions=10, trials=100_000, noise=1.0, correlation=0.0, seed=0):
    """Return (mean of max_a Q1, mean of Q2[argmax_a Q1]) over many independent trials."""
    rng = np.random.default_rng(seed)
    q1 = rng.normal(0.0, noise, size=(trials, n_actions))
    fresh = rng.normal(0.0, noise, size=(trials, n_actions))
    q2 = correlation * q1 + np.sqrt(1.0 - correlation**2) * fresh
    single = q1.max(axis=1).mean()
    double = q2[np.arange(trials), q1.argmax(axis=1)].mean()
    return float(single), float(double)


if __name__ == "__main__":
    for rho in (0.0, 0.5):
        single, double = max_bias(correlation=rho)
        print(f"correlation {rho}: single estimator {single:.3f}, double estimator {double:.3f} (true value 0)")
