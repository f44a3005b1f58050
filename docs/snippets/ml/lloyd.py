"""Lloyd's algorithm for k-means, with random and k-means++ initialisation."""

import numpy as np


def lloyd(points, centroids, max_iter=100):
    """Alternate assignment and mean update until nothing changes.

    Returns (centroids, labels, inertia, iterations). An empty cluster keeps its old centroid.
    """
    X = np.asarray(points, dtype=float).reshape(len(points), -1)
    C = np.asarray(centroids, dtype=float).reshape(-1, X.shape[1]).copy()
    labels = None
    for it in range(1, max_iter + 1):
        d2 = ((X[:, None, :] - C[None, :, :]) ** 2).sum(axis=2)
        new_labels = d2.argmin(axis=1)
        if labels is not None and np.array_equal(new_labels, labels):
            break
        labels = new_labels
        for j in range(len(C)):
            if np.any(labels == j):
                C[j] = X[labels == j].mean(axis=0)
    inertia = float(((X - C[labels]) ** 2).sum())
    return C, labels, inertia, it


def random_init(points, k, rng):
    """k distinct data points chosen uniformly at random."""
    X = np.asarray(points, dtype=float).reshape(len(points), -1)
    return X[rng.choice(len(X), size=k, replace=False)]


def kmeans_pp_init(points, k, rng):
    """k-means++: each next centre is a point drawn with probability proportional to D(x)^2."""
    X = np.asarray(points, dtype=float).reshape(len(points), -1)
    centres = [X[rng.integers(len(X))]]
    for _ in range(k - 1):
        d2 = ((X[:, None, :] - np.array(centres)[None, :, :]) ** 2).sum(axis=2).min(axis=1)
        centres.append(X[rng.choice(len(X), p=d2 / d2.sum())])
    return np.array(centres)


POINTS = [0.0, 1.0, 10.0, 11.0, 20.0, 21.0]  # three obvious pairs on a line


def success_rate(init, k=3, runs=100, optimum=1.5):
    """Fraction of seeds 0..runs-1 whose Lloyd run reaches the optimal inertia."""
    hits = 0
    for seed in range(runs):
        rng = np.random.default_rng(seed)
        _, _, inertia, _ = lloyd(POINTS, init(POINTS, k, rng))
        hits += abs(inertia - optimum) < 1e-9
    return hits / runs


if __name__ == "__main__":
    print(lloyd(POINTS, [0.0, 1.0, 15.0])[2:])  # bad start: stuck at inertia 101.0
    print(lloyd(POINTS, [0.0, 10.0, 20.0])[2:])  # good start: inertia 1.5
    print("random init:", success_rate(random_init), " k-means++:", success_rate(kmeans_pp_init))
