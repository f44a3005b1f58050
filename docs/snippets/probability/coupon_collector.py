"""Coupon collector: exact mean, variance and tail of the time T to see all n coupon types."""

import math
from fractions import Fraction

import numpy as np


def harmonic(n, power=1):
    return sum(Fraction(1, i**power) for i in range(1, n + 1))


def expected_time(n):
    """E[T] = n H_n: after i - 1 types are seen, a new one takes Geometric((n - i + 1) / n) draws."""
    return n * harmonic(n)


def variance(n):
    """Var[T] = sum over phases of (1 - p) / p^2 = n^2 sum 1/i^2 - n H_n (phases are independent)."""
    return n * n * harmonic(n, 2) - n * harmonic(n)


def tail_probability(n, t):
    """P(T > t) = P(some type missing after t draws), exactly, by inclusion-exclusion."""
    return sum((-1) ** (k + 1) * math.comb(n, k) * Fraction(n - k, n) ** t for k in range(1, n + 1))


def approximate_mean(n):
    """n ln n + gamma n + 1/2, from H_n = ln n + gamma + 1/(2n) - 1/(12 n^2) + ..."""
    return n * math.log(n) + 0.5772156649015329 * n + 0.5


def simulate(n, trials=100_000, seed=0):
    """Sample T as a sum of independent geometric phases (numpy's geometric counts trials, >= 1)."""
    rng = np.random.default_rng(seed)
    p = (n - np.arange(n)) / n
    return rng.geometric(p, size=(trials, n)).sum(axis=1)


if __name__ == "__main__":
    n = 50
    mean, var = expected_time(n), variance(n)
    print(f"n = {n}: E[T] = {float(mean):.2f}, sd = {math.sqrt(var):.2f}, n ln n = {n * math.log(n):.2f}")
    print(f"n ln n + gamma n + 1/2 = {approximate_mean(n):.4f}; simulated mean {simulate(n).mean():.2f}")
    print(f"P(T > 2 n ln n) = {float(tail_probability(n, math.ceil(2 * n * math.log(n)))):.5f} <= 1/n")
