"""Leave-one-out cross-validation for ridge regression (and least squares, lam = 0) from one fit."""

import numpy as np


def hat_matrix(X, lam=0.0):
    """H = X (X^T X + lam I)^-1 X^T, so the fitted values are H y: a linear smoother."""
    d = X.shape[1]
    return X @ np.linalg.solve(X.T @ X + lam * np.eye(d), X.T)


def loo_residuals(X, y, lam=0.0):
    """For every i, y_i minus the prediction of the model refitted without row i: e_i / (1 - h_ii)."""
    H = hat_matrix(X, lam)
    return (y - H @ y) / (1.0 - np.diag(H))


def loo_residuals_by_refitting(X, y, lam=0.0):
    """The same numbers the slow way: n separate fits, each leaving one row out."""
    n, d = X.shape
    out = np.empty(n)
    for i in range(n):
        keep = np.arange(n) != i
        w = np.linalg.solve(X[keep].T @ X[keep] + lam * np.eye(d), X[keep].T @ y[keep])
        out[i] = y[i] - X[i] @ w
    return out


def make_data(seed=0, n=30, d=5):
    rng = np.random.default_rng(seed)
    X = rng.standard_normal((n, d))
    y = X @ rng.standard_normal(d) + 0.5 * rng.standard_normal(n)
    return X, y


if __name__ == "__main__":
    X, y = make_data()
    fast, slow = loo_residuals(X, y, lam=1.0), loo_residuals_by_refitting(X, y, lam=1.0)
    print("LOO MSE from one fit:", round(float(np.mean(fast**2)), 4))
    print(f"LOO MSE from {len(y)} fits:", round(float(np.mean(slow**2)), 4))
