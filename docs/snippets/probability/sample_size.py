"""A/B test sample size and power with the normal approximation (statistics.NormalDist, no scipy)."""

import math
from statistics import NormalDist

import numpy as np

Z = NormalDist()


def n_two_proportions(p1, p2, alpha=0.05, power=0.8):
    """Users per arm for a two-sided pooled z-test of p1 vs p2 to reach `power` at level `alpha`."""
    z_alpha, z_beta = Z.inv_cdf(1 - alpha / 2), Z.inv_cdf(power)
    p_bar = (p1 + p2) / 2
    spread = z_alpha * math.sqrt(2 * p_bar * (1 - p_bar)) + z_beta * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(spread**2 / (p2 - p1) ** 2)


def n_two_means(delta, sigma, alpha=0.05, power=0.8):
    """Per arm, two-sided z-test for a difference delta in means with common sd sigma."""
    z_alpha, z_beta = Z.inv_cdf(1 - alpha / 2), Z.inv_cdf(power)
    return math.ceil(2 * (z_alpha + z_beta) ** 2 * sigma**2 / delta**2)


def power_two_proportions(p1, p2, n, alpha=0.05):
    """Approximate power of the pooled two-sided z-test with n users per arm (both tails counted)."""
    z_alpha = Z.inv_cdf(1 - alpha / 2)
    p_bar = (p1 + p2) / 2
    se_null = math.sqrt(2 * p_bar * (1 - p_bar) / n)
    se_alt = math.sqrt((p1 * (1 - p1) + p2 * (1 - p2)) / n)
    d = abs(p2 - p1)
    return Z.cdf((d - z_alpha * se_null) / se_alt) + Z.cdf((-d - z_alpha * se_null) / se_alt)


def simulate_rejection_rate(p1, p2, n, alpha=0.05, reps=20_000, seed=0):
    """Fraction of simulated experiments in which the pooled two-sided z-test rejects."""
    rng = np.random.default_rng(seed)
    x1, x2 = rng.binomial(n, p1, reps), rng.binomial(n, p2, reps)
    pooled = (x1 + x2) / (2 * n)
    z = (x2 - x1) / n / np.sqrt(2 * pooled * (1 - pooled) / n)
    return float((np.abs(z) > Z.inv_cdf(1 - alpha / 2)).mean())


def peeking_type_one_error(looks, alpha=0.05, reps=200_000, seed=0):
    """Under the null, test after each of `looks` equal batches and stop at the first rejection."""
    rng = np.random.default_rng(seed)
    paths = rng.standard_normal((reps, looks)).cumsum(axis=1) / np.sqrt(np.arange(1, looks + 1))
    return float((np.abs(paths) > Z.inv_cdf(1 - alpha / 2)).any(axis=1).mean())


if __name__ == "__main__":
    n = n_two_proportions(0.10, 0.12)
    print(f"10% -> 12%: {n} per arm, power {power_two_proportions(0.10, 0.12, n):.3f}")
    power, size = simulate_rejection_rate(0.10, 0.12, n), simulate_rejection_rate(0.10, 0.10, n)
    print(f"simulated power {power:.3f}, type I {size:.3f}")
    print(f"means, 0.2 sd: {n_two_means(0.2, 1.0)} per arm; peeking 10 times: {peeking_type_one_error(10):.3f}")
