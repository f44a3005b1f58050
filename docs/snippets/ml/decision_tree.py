"""Impurities, information gain, and a small greedy CART classifier (NumPy only)."""

import numpy as np


def entropy(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return float(-(p * np.log2(p)).sum())


def gini(labels):
    _, counts = np.unique(labels, return_counts=True)
    p = counts / counts.sum()
    return float(1.0 - (p**2).sum())


def impurity_decrease(labels, feature, impurity=entropy):
    """Parent impurity minus the size-weighted impurity of the children (one child per feature value).

    With impurity=entropy this is the information gain.
    """
    labels, feature = np.asarray(labels), np.asarray(feature)
    children = sum(np.mean(feature == v) * impurity(labels[feature == v]) for v in np.unique(feature))
    return impurity(labels) - children


def best_threshold(X, y):
    """Greedy CART step: the (feature, threshold) whose binary split minimises weighted Gini impurity."""
    best = (np.inf, None, None)
    for j in range(X.shape[1]):
        values = np.unique(X[:, j])
        for t in (values[:-1] + values[1:]) / 2:  # midpoints between consecutive distinct values
            left = X[:, j] <= t
            score = left.mean() * gini(y[left]) + (~left).mean() * gini(y[~left])
            if score < best[0]:
                best = (score, j, t)
    return best[1], best[2]


def grow(X, y, max_depth, min_leaf=1, depth=0):
    """A nested-tuple tree: ("leaf", label) or ("split", feature, threshold, left, right)."""
    majority = np.bincount(y).argmax()
    if depth == max_depth or len(np.unique(y)) == 1 or len(y) < 2 * min_leaf:
        return ("leaf", majority)
    j, t = best_threshold(X, y)
    if j is None:  # all points identical: nothing to split on
        return ("leaf", majority)
    left = X[:, j] <= t
    children = [grow(X[side], y[side], max_depth, min_leaf, depth + 1) for side in (left, ~left)]
    return ("split", j, t, *children)


def predict(tree, x):
    while tree[0] == "split":
        _, j, t, left, right = tree
        tree = left if x[j] <= t else right
    return tree[1]


def accuracy(tree, X, y):
    return float(np.mean([predict(tree, x) == label for x, label in zip(X, y, strict=True)]))


def noisy_diagonal(n, flip=0.2, seed=0):
    """Label 1 above the line x1 + x2 = 0, with a fraction `flip` of labels flipped."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(-1, 1, size=(n, 2))
    y = (X.sum(axis=1) > 0).astype(int)
    return X, np.where(rng.random(n) < flip, 1 - y, y)


# The page's table: ten training runs, did each diverge?
RUNS = {
    "lr_high": np.array([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]),
    "warmup": np.array([0, 0, 0, 1, 1, 0, 1, 1, 1, 1]),
    "adam": np.array([1, 0, 1, 0, 1, 0, 1, 0, 1, 0]),
    "run_id": np.arange(10),
}
DIVERGED = np.array([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])

if __name__ == "__main__":
    for name, column in RUNS.items():
        gain, drop = impurity_decrease(DIVERGED, column), impurity_decrease(DIVERGED, column, gini)
        print(f"{name:8s} information gain {gain:.3f}, Gini decrease {drop:.3f}")
    X, y = noisy_diagonal(200, seed=1)
    X_test, y_test = noisy_diagonal(2000, seed=2)
    for depth in (1, 2, 4, 8, None):
        tree = grow(X, y, max_depth=depth if depth is not None else 10**9)
        print(depth, accuracy(tree, X, y), accuracy(tree, X_test, y_test))
