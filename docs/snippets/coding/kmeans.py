"""Lloyd's k-means with k-means++ seeding (numpy only)."""

import numpy as np
from numpy.typing import ArrayLike, NDArray

Array = NDArray[np.float64]


def _sq_dists(X: Array, C: Array) -> Array:
    """(n, k) matrix of squared Euclidean distances, via ||x||^2 - 2 x.c + ||c||^2."""
    d = (X * X).sum(1)[:, None] - 2.0 * X @ C.T + (C * C).sum(1)[None, :]
    return np.maximum(d, 0.0)  # clip tiny negatives from rounding


def kmeans_pp_init(X: Array, k: int, rng: np.random.Generator) -> Array:
    """First centre uniformly at random, each next one with probability proportional to D(x)^2."""
    centres = [X[rng.integers(len(X))]]
    closest = _sq_dists(X, centres[0][None, :])[:, 0]
    for _ in range(1, k):
        total = closest.sum()
        if total == 0.0:  # fewer distinct points than k: any point will do
            idx = int(rng.integers(len(X)))
        else:
            idx = int(rng.choice(len(X), p=closest / total))
        centres.append(X[idx])
        closest = np.minimum(closest, _sq_dists(X, X[idx][None, :])[:, 0])
    return np.array(centres)


def kmeans(X: ArrayLike, k: int, seed: int = 0, max_iter: int = 100) -> tuple[Array, NDArray[np.int64], float, int]:
    """Return (centres, labels, inertia, iterations). Each iteration costs O(n k d).

    X may hold integers: it is converted to float64 first, so that the means stored in the
    centre array are not truncated to integers.
    """
    X = np.asarray(X, dtype=np.float64)
    if not 1 <= k <= len(X):
        raise ValueError("need 1 <= k <= number of points")
    rng = np.random.default_rng(seed)
    centres = kmeans_pp_init(X, k, rng)
    labels = np.full(len(X), -1)
    for iteration in range(1, max_iter + 1):
        d = _sq_dists(X, centres)
        new_labels = d.argmin(1)
        if np.array_equal(new_labels, labels):  # assignments stable: converged
            break
        labels = new_labels
        for j in range(k):
            members = X[labels == j]
            if len(members):
                centres[j] = members.mean(0)
            else:  # empty cluster: restart it at the point worst served right now
                far = int(d[np.arange(len(X)), labels].argmax())
                centres[j] = X[far]
    inertia = float(_sq_dists(X, centres)[np.arange(len(X)), labels].sum())
    return centres, labels, inertia, iteration


def three_blobs(seed: int = 0) -> tuple[Array, Array]:
    """150 points: 50 around each of (0, 0), (5, 0), (0, 5), standard deviation 0.5."""
    rng = np.random.default_rng(seed)
    truth = np.array([[0.0, 0.0], [5.0, 0.0], [0.0, 5.0]])
    X = np.vstack([c + 0.5 * rng.standard_normal((50, 2)) for c in truth])
    return X, truth


if __name__ == "__main__":
    square = np.array([[0, 0], [0, 1], [10, 0], [10, 1]])  # integers are fine
    c, lab, inertia, it = kmeans(square, 2)
    print(c[np.argsort(c[:, 0])], inertia)  # [[0, 0.5], [10, 0.5]] 1.0
    X, truth = three_blobs()
    c, lab, inertia, it = kmeans(X, 3)
    print(np.round(c[np.lexsort(c.T[::-1])], 2), round(inertia, 1), it)
