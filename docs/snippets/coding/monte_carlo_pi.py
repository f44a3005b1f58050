"""Estimate pi by throwing uniform points into the unit square."""

import math

import numpy as np


def estimate_pi(n_samples: int, seed: int = 0, chunk: int = 1 << 20) -> float:
    """4 * (fraction of points in [0, 1)^2 with x^2 + y^2 <= 1).

    Works in chunks, so memory stays O(chunk) however large n_samples is; time O(n).
    """
    if n_samples <= 0:
        raise ValueError("need at least one sample")
    rng = np.random.default_rng(seed)
    inside = 0
    remaining = n_samples
    while remaining > 0:
        m = min(chunk, remaining)
        xy = rng.random((m, 2))
        inside += int(np.count_nonzero((xy * xy).sum(axis=1) <= 1.0))
        remaining -= m
    return 4.0 * inside / n_samples


def standard_error(n_samples: int) -> float:
    """Std. dev. of the estimator: 4 * sqrt(p(1-p)/n) with p = pi/4, i.e. sqrt(pi(4-pi)/n)."""
    return math.sqrt(math.pi * (4.0 - math.pi) / n_samples)


def samples_needed(half_width: float, z: float = 1.96) -> int:
    """Smallest n whose z-sigma interval is no wider than +-half_width."""
    return math.ceil(z * z * math.pi * (4.0 - math.pi) / half_width**2)


if __name__ == "__main__":
    n = 10**6
    print(f"estimate {estimate_pi(n):.4f}, standard error {standard_error(n):.6f}")
    print(samples_needed(1e-4))
