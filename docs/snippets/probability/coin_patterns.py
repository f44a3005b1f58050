"""Waiting times for coin patterns (exact, by first-step analysis) and two linearity-of-expectation checks."""

from fractions import Fraction
from math import factorial

import numpy as np


def solve(a, b):
    """Solve a x = b exactly (Gauss-Jordan on Fractions); a is a list of rows."""
    n = len(b)
    m = [[Fraction(v) for v in row] + [Fraction(b[i])] for i, row in enumerate(a)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if m[r][col] != 0)
        m[col], m[pivot] = m[pivot], m[col]
        m[col] = [v / m[col][col] for v in m[col]]
        for r in range(n):
            if r != col and m[r][col] != 0:
                m[r] = [vr - m[r][col] * vc for vr, vc in zip(m[r], m[col], strict=True)]
    return [row[-1] for row in m]


def next_state(state, toss, patterns):
    """Longest suffix of state + toss that is a prefix of one of the patterns."""
    s = state + toss
    while s and not any(p.startswith(s) for p in patterns):
        s = s[1:]
    return s


def wait_moments(pattern, p_heads=Fraction(1, 2)):
    """(E[T], Var[T]) for the number of tosses until `pattern` (e.g. "HH") first appears.

    First-step analysis on the states "longest matched prefix": for each non-final state s,
    E_s = 1 + sum_c P(c) E_next(s, c); second moments follow from T_s = 1 + T_next.
    """
    states = [pattern[:k] for k in range(len(pattern))]
    index = {s: i for i, s in enumerate(states)}
    prob = {"H": Fraction(p_heads), "T": 1 - Fraction(p_heads)}
    a = [[Fraction(int(i == j)) for j in range(len(states))] for i in range(len(states))]
    for s in states:
        for toss, p in prob.items():
            nxt = next_state(s, toss, [pattern])
            if nxt != pattern:
                a[index[s]][index[nxt]] -= p
    mean = solve(a, [1] * len(states))
    # E[T_s^2] = sum_c P(c) E[(1 + T_next)^2] = 1 + 2 sum_c P(c) E[T_next] + sum_c P(c) E[T_next^2]
    rhs = []
    for s in states:
        extra = sum(p * mean[index[n]] for toss, p in prob.items() if (n := next_state(s, toss, [pattern])) != pattern)
        rhs.append(1 + 2 * extra)
    second = solve(a, rhs)
    return mean[0], second[0] - mean[0] ** 2


def conway_wait(pattern):
    """Fair coin: E[T] = sum of 2^k over the k for which the length-k prefix equals the length-k suffix."""
    return sum(2**k for k in range(1, len(pattern) + 1) if pattern[:k] == pattern[-k:])


def race(first, second, p_heads=Fraction(1, 2)):
    """Exact P(`first` appears before `second`) in a sequence of tosses (Penney's game)."""
    patterns = [first, second]
    states = sorted({p[:k] for p in patterns for k in range(len(p))}, key=lambda s: (len(s), s))
    index = {s: i for i, s in enumerate(states)}
    prob = {"H": Fraction(p_heads), "T": 1 - Fraction(p_heads)}
    a = [[Fraction(int(i == j)) for j in range(len(states))] for i in range(len(states))]
    b = [Fraction(0)] * len(states)
    for s in states:
        for toss, p in prob.items():
            nxt = next_state(s, toss, patterns)
            if nxt == first:
                b[index[s]] += p
            elif nxt != second:
                a[index[s]][index[nxt]] -= p
    return solve(a, b)[0]


def simulate_wait(pattern, trials=200_000, max_tosses=200, seed=0):
    """Monte Carlo mean of the waiting time, fair coin; every trial must finish within max_tosses."""
    rng = np.random.default_rng(seed)
    tosses = rng.integers(0, 2, size=(trials, max_tosses), dtype=np.int8)  # 1 = heads
    target = np.array([1 if c == "H" else 0 for c in pattern], dtype=np.int8)
    k = len(pattern)
    hit = np.ones((trials, max_tosses - k + 1), dtype=bool)
    for i in range(k):
        hit &= tosses[:, i : max_tosses - k + 1 + i] == target[i]
    assert hit.any(axis=1).all(), "increase max_tosses"
    return float((hit.argmax(axis=1) + k).mean())


def derangement_probability(n):
    """P(a uniform random permutation of n items has no fixed point) = sum_k (-1)^k / k!."""
    return sum(Fraction((-1) ** k, factorial(k)) for k in range(n + 1))


def simulate_fixed_points(n, trials=200_000, seed=0):
    """Mean and variance of the number of fixed points of a uniform random permutation."""
    rng = np.random.default_rng(seed)
    perms = np.argsort(rng.random((trials, n)), axis=1)
    fixed = (perms == np.arange(n)).sum(axis=1)
    return float(fixed.mean()), float(fixed.var())


if __name__ == "__main__":
    for pattern in ("HH", "HT", "HHH", "HTH"):
        mean, var = wait_moments(pattern)
        simulated = simulate_wait(pattern)
        print(f"{pattern}: E[T] = {mean} (Conway {conway_wait(pattern)}), Var = {var}, simulated {simulated:.2f}")
    print("P(HH before HT) =", race("HH", "HT"), "; P(THH before HHH) =", race("THH", "HHH"))
    print(
        "fixed points of a permutation of 10:",
        simulate_fixed_points(10),
        "P(none) =",
        float(derangement_probability(10)),
    )
