"""A toy IVF (inverted-file) index: how recall@10 and work grow with nprobe."""

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def sq_dists(A: Array, B: Array) -> Array:
    return np.maximum((A * A).sum(1)[:, None] - 2.0 * A @ B.T + (B * B).sum(1)[None, :], 0.0)


def clustered_data(n: int, dim: int, n_modes: int, seed: int) -> Array:
    """Points around random modes: real embeddings are clumpy, not uniform."""
    rng = np.random.default_rng(seed)
    modes = rng.standard_normal((n_modes, dim))
    return modes[rng.integers(n_modes, size=n)] + rng.standard_normal((n, dim))


def train_coarse(X: Array, nlist: int, iters: int, rng: np.random.Generator) -> Array:
    """Plain Lloyd iterations from random points (enough for a coarse quantiser)."""
    C = X[rng.choice(len(X), nlist, replace=False)].copy()
    for _ in range(iters):
        labels = sq_dists(X, C).argmin(1)
        counts = np.bincount(labels, minlength=nlist)
        sums = np.stack([np.bincount(labels, weights=col, minlength=nlist) for col in X.T], axis=1)
        filled = counts > 0  # an empty list keeps its old centroid
        C[filled] = sums[filled] / counts[filled, None]
    return C


def recall_table(n: int = 20_000, dim: int = 32, nlist: int = 128, k: int = 10,
                 n_queries: int = 200, probes: tuple[int, ...] = (1, 2, 4, 8, 16),
                 seed: int = 0) -> list[tuple[int, float, float]]:
    """(nprobe, mean recall@k against exact search, fraction of the base scanned)."""
    rng = np.random.default_rng(seed)
    data = clustered_data(n + n_queries, dim, n_modes=64, seed=seed)
    base, queries = data[:n], data[n:]
    centroids = train_coarse(base, nlist, iters=10, rng=rng)
    assignment = sq_dists(base, centroids).argmin(1)
    inverted_lists = [np.flatnonzero(assignment == j) for j in range(nlist)]
    exact = np.argpartition(sq_dists(queries, base), k - 1, axis=1)[:, :k]  # true top k (as sets)
    to_centroids = sq_dists(queries, centroids)
    rows = []
    for nprobe in probes:
        hits, scanned = 0, 0
        for q in range(n_queries):
            probe = np.argpartition(to_centroids[q], nprobe - 1)[:nprobe]
            cand = np.concatenate([inverted_lists[j] for j in probe])
            d = sq_dists(queries[q : q + 1], base[cand])[0]
            found = cand[np.argsort(d)[:k]]
            hits += len(np.intersect1d(found, exact[q]))
            scanned += len(cand)
        rows.append((nprobe, hits / (k * n_queries), scanned / (n * n_queries)))
    return rows


if __name__ == "__main__":
    for nprobe, recall, frac in recall_table():
        print(f"nprobe={nprobe:2d}  recall@10={recall:.3f}  scanned={frac:.1%}")
