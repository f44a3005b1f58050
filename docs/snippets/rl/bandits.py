"""Bernoulli bandits: epsilon-greedy, UCB1 and Thompson sampling, simulated for many runs at once.

Regret is pseudo-regret, the sum of the gaps of the arms pulled: sum_t (mu* - mu_{a_t}). It has the
same expectation as the realised regret and much less noise.
"""

import numpy as np


def choose(policy, t, pulls, wins, rng, eps=0.1):
    """Arm index per run at step t (1-based), given pull counts and success counts (runs x arms)."""
    runs, arms = pulls.shape
    if t <= arms:  # every policy starts by pulling each arm once
        return np.full(runs, t - 1)
    means = wins / pulls
    if policy == "eps-greedy":
        explore = rng.random(runs) < eps
        return np.where(explore, rng.integers(0, arms, runs), means.argmax(axis=1))
    if policy == "ucb1":
        return (means + np.sqrt(2.0 * np.log(t) / pulls)).argmax(axis=1)
    if policy == "thompson":  # Beta(1, 1) prior: posterior Beta(1 + wins, 1 + losses)
        return rng.beta(1.0 + wins, 1.0 + pulls - wins).argmax(axis=1)
    raise ValueError(policy)


def simulate(policy, means, horizon, runs, seed=0, eps=0.1):
    """Cumulative pseudo-regret at the horizon for each run, and the mean regret curve."""
    rng = np.random.default_rng(seed)
    means = np.asarray(means, dtype=float)
    gaps = means.max() - means
    pulls = np.zeros((runs, len(means)))
    wins = np.zeros((runs, len(means)))
    regret = np.zeros(runs)
    curve = np.zeros(horizon)
    rows = np.arange(runs)
    for t in range(1, horizon + 1):
        arm = choose(policy, t, pulls, wins, rng, eps)
        reward = rng.random(runs) < means[arm]
        pulls[rows, arm] += 1
        wins[rows, arm] += reward
        regret += gaps[arm]
        curve[t - 1] = regret.mean()
    return regret, curve


def bernoulli_kl(p, q):
    """KL(Bernoulli(p) || Bernoulli(q)) in nats."""
    return p * np.log(p / q) + (1 - p) * np.log((1 - p) / (1 - q))


def lai_robbins_constant(means):
    """Regret >= c log n asymptotically for any consistent policy, c = sum_i gap_i / KL(mu_i, mu*)."""
    means = np.asarray(means, dtype=float)
    best = means.max()
    return sum((best - m) / bernoulli_kl(m, best) for m in means if m < best)


def ucb1_bound(means, horizon):
    """Auer et al. (2002): sum_i 8 ln n / gap_i + (1 + pi^2 / 3) sum_i gap_i."""
    means = np.asarray(means, dtype=float)
    gaps = [means.max() - m for m in means if m < means.max()]
    return sum(8 * np.log(horizon) / g for g in gaps) + (1 + np.pi**2 / 3) * sum(gaps)


if __name__ == "__main__":
    mu = [0.6, 0.5, 0.4]
    for name in ("eps-greedy", "ucb1", "thompson"):
        regret, _ = simulate(name, mu, horizon=10_000, runs=200)
        print(f"{name:>10}: regret {regret.mean():6.1f} +/- {regret.std() / np.sqrt(len(regret)):.1f}")
    print(f"Lai-Robbins: {lai_robbins_constant(mu):.2f} ln n = {lai_robbins_constant(mu) * np.log(10_000):.1f}")
