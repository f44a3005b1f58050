"""A toy IVF index: recall@10 against exact search as nprobe grows, with exact distances in the
probed lists (IVF-Flat), with PQ codes only (IVF-PQ), and with PQ plus exact re-ranking."""

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
    """Plain Lloyd iterations from random points (enough for a coarse quantiser or a PQ codebook)."""
    C = X[rng.choice(len(X), nlist, replace=False)].copy()
    for _ in range(iters):
        labels = sq_dists(X, C).argmin(1)
        counts = np.bincount(labels, minlength=nlist)
        sums = np.stack([np.bincount(labels, weights=col, minlength=nlist) for col in X.T], axis=1)
        filled = counts > 0  # an empty list keeps its old centroid
        C[filled] = sums[filled] / counts[filled, None]
    return C


def train_pq(R: Array, m: int, ksub: int, iters: int, rng: np.random.Generator) -> tuple[list[Array], NDArray]:
    """Product quantiser: split vectors into m sub-vectors, one k-means codebook of ksub centroids each.

    Returns the codebooks and the codes (n x m, one byte each when ksub = 256).
    """
    sub = R.shape[1] // m
    books, codes = [], np.empty((len(R), m), dtype=np.int64)
    for s in range(m):
        part = R[:, s * sub : (s + 1) * sub]
        books.append(train_coarse(part, ksub, iters, rng))
        codes[:, s] = sq_dists(part, books[s]).argmin(1)
    return books, codes


def adc(residual_query: Array, books: list[Array], codes: NDArray) -> Array:
    """Asymmetric distance: one lookup table per sub-vector, then m table look-ups per code."""
    sub = len(residual_query) // len(books)
    tables = np.stack([sq_dists(residual_query[None, s * sub : (s + 1) * sub], B)[0] for s, B in enumerate(books)])
    return tables[np.arange(len(books))[None, :], codes].sum(1)


def recall_table(
    n: int = 20_000,
    dim: int = 32,
    nlist: int = 128,
    pq_m: int = 4,
    rerank: int = 100,
    k: int = 10,
    n_queries: int = 200,
    probes: tuple[int, ...] = (1, 2, 4, 8, 16),
    seed: int = 0,
) -> list[tuple[int, float, float, float, float]]:
    """Rows (nprobe, recall@k IVF-Flat, recall@k IVF-PQ, recall@k IVF-PQ + re-rank, share scanned).

    PQ encodes each vector's residual from its list centroid in pq_m bytes (dim / pq_m dimensions
    per byte); re-ranking recomputes exact distances for the `rerank` best PQ candidates.
    """
    rng = np.random.default_rng(seed)
    data = clustered_data(n + n_queries, dim, n_modes=64, seed=seed)
    base, queries = data[:n], data[n:]
    centroids = train_coarse(base, nlist, iters=10, rng=rng)
    assignment = sq_dists(base, centroids).argmin(1)
    inverted_lists = [np.flatnonzero(assignment == j) for j in range(nlist)]
    books, codes = train_pq(base - centroids[assignment], pq_m, 256, iters=10, rng=rng)
    exact = np.argpartition(sq_dists(queries, base), k - 1, axis=1)[:, :k]  # true top k (as sets)
    to_centroids = sq_dists(queries, centroids)
    rows = []
    for nprobe in probes:
        hits, scanned = np.zeros(3), 0
        for q in range(n_queries):
            probe = np.argpartition(to_centroids[q], nprobe - 1)[:nprobe]
            cand = np.concatenate([inverted_lists[j] for j in probe])
            approx = np.concatenate([adc(queries[q] - centroids[j], books, codes[inverted_lists[j]]) for j in probe])
            exact_d = sq_dists(queries[q : q + 1], base[cand])[0]
            shortlist = np.argsort(approx, kind="stable")[:rerank]
            found = (
                cand[np.argsort(exact_d, kind="stable")[:k]],  # IVF-Flat: exact distances in the probed lists
                cand[shortlist[:k]],  # IVF-PQ: PQ distances only
                cand[shortlist[np.argsort(exact_d[shortlist], kind="stable")[:k]]],  # PQ, then exact re-rank
            )
            hits += [len(np.intersect1d(f, exact[q])) for f in found]
            scanned += len(cand)
        r_flat, r_pq, r_rerank = hits / (k * n_queries)
        rows.append((nprobe, float(r_flat), float(r_pq), float(r_rerank), scanned / (n * n_queries)))
    return rows


if __name__ == "__main__":
    for nprobe, flat, pq, rerank, share in recall_table():
        print(f"nprobe={nprobe:2d}  flat={flat:.3f}  pq={pq:.3f}  pq+rerank={rerank:.3f}  scanned={share:.1%}")
