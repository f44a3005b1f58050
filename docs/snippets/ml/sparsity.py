"""Why L1 gives exact zeros: the proximal (soft-thresholding) step versus ridge and subgradients."""

import numpy as np


def soft_threshold(v, t):
    """Proximal operator of t*|w|: shrink towards 0 by t, and snap |v| <= t to exactly 0."""
    v = np.asarray(v, dtype=float)
    return np.where(np.abs(v) > t, v - t * np.sign(v), 0.0)


def lasso_ista(X, y, lam, steps=500):
    """Minimise (1/2n)||y - Xw||^2 + lam*||w||_1 by proximal gradient descent (ISTA)."""
    n, d = X.shape
    lipschitz = np.linalg.norm(X, 2) ** 2 / n  # largest curvature of the squared loss
    w = np.zeros(d)
    for _ in range(steps):
        grad = X.T @ (X @ w - y) / n
        w = soft_threshold(w - grad / lipschitz, lam / lipschitz)
    return w


def lasso_subgradient(X, y, lam, steps=500):
    """Same objective, but a plain step along the subgradient lam*sign(w): no exact zeros."""
    n, d = X.shape
    lr = n / np.linalg.norm(X, 2) ** 2
    w = np.zeros(d)
    for _ in range(steps):
        w = w - lr * (X.T @ (X @ w - y) / n + lam * np.sign(w))
    return w


def ridge(X, y, lam):
    """Minimise (1/2n)||y - Xw||^2 + (lam/2)||w||^2 in closed form."""
    n, d = X.shape
    return np.linalg.solve(X.T @ X / n + lam * np.eye(d), X.T @ y / n)


def make_data(seed=0, n=100, d=10):
    """Only the first three features matter; the other seven are pure noise."""
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    w_true = np.zeros(d)
    w_true[:3] = [3.0, -2.0, 1.5]
    y = X @ w_true + 0.5 * rng.standard_normal(n)
    return X, y


def count_zeros(w):
    return int(np.sum(w == 0.0))


if __name__ == "__main__":
    print(soft_threshold([3.0, -0.4, 1.2, 0.05], 0.5))  # [2.5 0.  0.7 0. ]
    X, y = make_data()
    for name, w in [
        ("lasso (ISTA)", lasso_ista(X, y, lam=0.1)),
        ("lasso (subgradient)", lasso_subgradient(X, y, lam=0.1)),
        ("ridge", ridge(X, y, lam=0.1)),
    ]:
        print(f"{name:20s} exact zeros: {count_zeros(w)}  smallest |w|: {np.abs(w).min():.2g}")
