"""Metropolis-Hastings: a generic sampler, the exact kernel on a small discrete target, and step-size tuning."""

import numpy as np


def metropolis_hastings(log_target, propose, x0, n_steps, rng, log_q_ratio=None):
    """Generic MH chain. propose(x, rng) -> y; log_q_ratio(x, y) = log q(x | y) - log q(y | x) (0 if symmetric).

    Accept y with probability min(1, pi(y) q(x | y) / (pi(x) q(y | x))); on rejection the chain
    repeats x (the repeat is a sample too). Returns (chain, acceptance rate).
    """
    x, log_px = x0, log_target(x0)
    chain, accepted = [], 0
    for _ in range(n_steps):
        y = propose(x, rng)
        log_py = log_target(y)
        log_alpha = log_py - log_px + (log_q_ratio(x, y) if log_q_ratio else 0.0)
        if np.log(rng.random()) < log_alpha:
            x, log_px = y, log_py
            accepted += 1
        chain.append(x)
    return np.array(chain), accepted / n_steps


def random_walk_kernel(weights):
    """Exact MH transition matrix for unnormalised weights on states 0..K-1 with a +-1 proposal.

    Each neighbour is proposed with probability 1/2; a proposal off the ends is rejected.
    """
    w = np.asarray(weights, float)
    k = w.size
    p = np.zeros((k, k))
    for i in range(k):
        for j in (i - 1, i + 1):
            if 0 <= j < k:
                p[i, j] = 0.5 * min(1.0, w[j] / w[i])
        p[i, i] = 1.0 - p[i].sum()
    return p


def run_discrete(weights, n_steps, seed=0):
    """Simulate the same kernel and return the visit frequencies of each state."""
    rng = np.random.default_rng(seed)
    w = np.asarray(weights, float)
    chain, rate = metropolis_hastings(
        lambda s: np.log(w[s]) if 0 <= s < w.size else -np.inf,
        lambda s, r: s + (1 if r.random() < 0.5 else -1),
        0,
        n_steps,
        rng,
    )
    return np.bincount(chain, minlength=w.size) / n_steps, rate


def gaussian_random_walk(step, n_steps, seed=0):
    """Random-walk Metropolis on N(0, 1) with N(x, step^2) proposals: (chain, acceptance rate)."""
    rng = np.random.default_rng(seed)
    return metropolis_hastings(lambda x: -0.5 * x * x, lambda x, r: x + step * r.standard_normal(), 0.0, n_steps, rng)


def integrated_autocorrelation_time(chain, max_lag=1000):
    """1 + 2 sum of autocorrelations, summed until the first non-positive one (n / IAT = effective size)."""
    x = chain - chain.mean()
    var = x.var()
    tau = 1.0
    for lag in range(1, max_lag):
        rho = float(np.dot(x[:-lag], x[lag:]) / (x.size * var))
        if rho <= 0:
            break
        tau += 2 * rho
    return tau


WEIGHTS = [1, 2, 3, 2, 1]

if __name__ == "__main__":
    p = random_walk_kernel(WEIGHTS)
    pi = np.array(WEIGHTS) / sum(WEIGHTS)
    print(
        "pi P == pi:", np.allclose(pi @ p, pi), "; detailed balance:", np.allclose(pi[:, None] * p, (pi[:, None] * p).T)
    )
    print("simulated frequencies:", np.round(run_discrete(WEIGHTS, 200_000)[0], 4), "target:", np.round(pi, 4))
    for step in (0.5, 2.4, 10.0):
        chain, rate = gaussian_random_walk(step, 100_000)
        print(f"step {step}: acceptance {rate:.3f}, IAT {integrated_autocorrelation_time(chain):.1f}")
