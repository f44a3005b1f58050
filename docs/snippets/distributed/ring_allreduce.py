"""Ring all-reduce (reduce-scatter, then all-gather) simulated on N ranks, and the alpha-beta cost models."""

import math

import numpy as np


def ring_allreduce(buffers):
    """Sum the ranks' equal-length arrays; return (results per rank, elements sent per rank).

    Each array is cut into N chunks. In reduce-scatter step k, rank r sends chunk (r - k) mod N to
    rank r + 1, which adds it to its own copy; after N - 1 steps rank r holds the full sum of chunk
    (r + 1) mod N. All-gather then passes the finished chunks around the ring for N - 1 more steps.
    """
    n = len(buffers)
    chunks = [np.array_split(np.asarray(b, dtype=float).copy(), n) for b in buffers]
    sent = [0] * n
    for step in range(n - 1):  # reduce-scatter
        outgoing = [(r, (r - step) % n, chunks[r][(r - step) % n].copy()) for r in range(n)]
        for r, c, data in outgoing:
            chunks[(r + 1) % n][c] += data
            sent[r] += data.size
    for step in range(n - 1):  # all-gather
        outgoing = [(r, (r + 1 - step) % n, chunks[r][(r + 1 - step) % n].copy()) for r in range(n)]
        for r, c, data in outgoing:
            chunks[(r + 1) % n][c] = data
            sent[r] += data.size
    return [np.concatenate(c) for c in chunks], sent


def ring_time(size_bytes, n, alpha, bandwidth):
    """2(N - 1) messages of S/N bytes each: 2(N-1) alpha + 2(N-1)/N * S / B."""
    return 2 * (n - 1) * alpha + 2 * (n - 1) / n * size_bytes / bandwidth


def tree_time(size_bytes, n, alpha, bandwidth):
    """Binary-tree reduce then broadcast, whole message per hop: 2 log2(N) (alpha + S / B)."""
    return 2 * math.ceil(math.log2(n)) * (alpha + size_bytes / bandwidth)


def halving_doubling_time(size_bytes, n, alpha, bandwidth):
    """Recursive-halving reduce-scatter plus recursive-doubling all-gather (N a power of two):
    only 2 log2(N) messages, and the same bandwidth term as the ring."""
    return 2 * math.log2(n) * alpha + 2 * (n - 1) / n * size_bytes / bandwidth


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    buffers = [rng.integers(0, 10, size=12) for _ in range(4)]
    results, sent = ring_allreduce(buffers)
    print("sum:", results[0], "equal on all ranks:", all(np.array_equal(r, results[0]) for r in results))
    print("elements sent per rank:", sent, "= 2(N-1)/N * 12 =", 2 * 3 / 4 * 12)
    print(f"14 GB over 8 ranks at 50 GB/s: {ring_time(14e9, 8, 5e-6, 50e9):.3f} s")
