"""Inverse-CDF sampling and rejection sampling, with the acceptance rate of the latter (1 / M)."""

import math

import numpy as np


def exponential_by_inverse_cdf(u, rate):
    """F(x) = 1 - exp(-rate x)  =>  F^{-1}(u) = -log(1 - u) / rate."""
    return -np.log1p(-np.asarray(u)) / rate


def categorical_by_inverse_cdf(u, probs):
    """Generalised inverse F^{-1}(u) = min{k : F(k) >= u}, found by binary search on the cumulative sums."""
    cdf = np.cumsum(probs)
    cdf[-1] = 1.0  # guard against rounding: every u in [0, 1) must land in a category
    return np.searchsorted(cdf, np.asarray(u), side="right")


def rejection_sample(n, target_pdf, proposal_draw, proposal_pdf, bound, rng):
    """Draw n samples from target_pdf, given target_pdf(x) <= bound * proposal_pdf(x) everywhere.

    Returns (samples, acceptance rate). Each proposal is kept with probability
    target_pdf(x) / (bound * proposal_pdf(x)); for normalised densities the rate is 1 / bound.
    """
    kept, proposed = [], 0
    while sum(len(k) for k in kept) < n:
        x = proposal_draw(rng, 2 * n)
        proposed += x.size
        accept = rng.random(x.size) * bound * proposal_pdf(x) <= target_pdf(x)
        kept.append(x[accept])
    samples = np.concatenate(kept)
    return samples[:n], samples.size / proposed


def beta22_pdf(x):
    return np.where((x >= 0) & (x <= 1), 6 * x * (1 - x), 0.0)


def half_normal_pdf(x):
    return np.sqrt(2 / np.pi) * np.exp(-0.5 * x**2)


HALF_NORMAL_BOUND = math.sqrt(2 * math.e / math.pi)  # max of half_normal / exp(-x), at x = 1

if __name__ == "__main__":
    rng = np.random.default_rng(0)
    x = exponential_by_inverse_cdf(rng.random(100_000), rate=2.0)
    print(f"Exp(2) by inverse CDF: mean {x.mean():.4f} (exact 0.5)")
    print("categorical counts:", np.bincount(categorical_by_inverse_cdf(rng.random(100_000), [0.2, 0.5, 0.3])))
    uniform = (lambda r, k: r.random(k), lambda x: np.ones_like(x))
    s, rate = rejection_sample(100_000, beta22_pdf, *uniform, 1.5, rng)
    print(f"Beta(2,2) from uniform: acceptance {rate:.4f} (1/M = {1 / 1.5:.4f}), mean {s.mean():.4f}")
    expo = (lambda r, k: r.exponential(1.0, k), lambda x: np.exp(-x))
    s, rate = rejection_sample(100_000, half_normal_pdf, *expo, HALF_NORMAL_BOUND, rng)
    print(f"half-normal from Exp(1): acceptance {rate:.4f} (1/M = {1 / HALF_NORMAL_BOUND:.4f})")
