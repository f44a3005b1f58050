"""Random-hyperplane LSH (SimHash) for cosine similarity: collision probabilities."""

import math

import numpy as np


def bit_collision(theta):
    """P(one random hyperplane puts two vectors at angle theta on the same side) = 1 - theta/pi."""
    return 1.0 - theta / math.pi


def candidate_probability(p, k, n_tables):
    """P(two points share a bucket in at least one of L tables, each keyed by k bits)."""
    return 1.0 - (1.0 - p**k) ** n_tables


def empirical_bit_collision(theta, dim=32, n_planes=100_000, seed=0):
    """Monte Carlo check of 1 - theta/pi with Gaussian random hyperplanes."""
    rng = np.random.default_rng(seed)
    u = np.zeros(dim)
    u[0] = 1.0
    v = np.zeros(dim)
    v[0], v[1] = math.cos(theta), math.sin(theta)
    planes = rng.standard_normal((n_planes, dim))
    return float(np.mean(np.sign(planes @ u) == np.sign(planes @ v)))


if __name__ == "__main__":
    for degrees in (30, 60, 90):
        theta = math.radians(degrees)
        p = bit_collision(theta)
        print(
            degrees,
            round(p, 4),
            round(empirical_bit_collision(theta), 4),
            round(candidate_probability(p, k=10, n_tables=20), 3),
        )
