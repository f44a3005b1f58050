"""Ridge regression as MAP under a Gaussian prior, its SVD form, and the lasso's soft threshold."""

import numpy as np


def ridge(X, y, lam):
    """argmin ||y - X w||^2 + lam ||w||^2 = (X^T X + lam I)^{-1} X^T y (a solve, not an inverse)."""
    return np.linalg.solve(X.T @ X + lam * np.eye(X.shape[1]), X.T @ y)


def ridge_svd(X, y, lam):
    """Same solution in the SVD basis X = U diag(d) V^T: each direction is scaled by d / (d^2 + lam)."""
    u, d, vt = np.linalg.svd(X, full_matrices=False)
    return vt.T @ (d / (d**2 + lam) * (u.T @ y))


def shrinkage(d, lam):
    """Factor d^2 / (d^2 + lam) applied to the OLS fit along each principal direction."""
    d = np.asarray(d, float)
    return d**2 / (d**2 + lam)


def gaussian_posterior(X, y, noise_var, prior_var):
    """Posterior N(mean, cov) of w for y ~ N(X w, noise_var I) and w ~ N(0, prior_var I)."""
    lam = noise_var / prior_var
    a = X.T @ X + lam * np.eye(X.shape[1])
    return np.linalg.solve(a, X.T @ y), noise_var * np.linalg.inv(a)


def soft_threshold(z, t):
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0)


def lasso_cd(X, y, lam, sweeps=500):
    """argmin ||y - X w||^2 + lam ||w||_1 by cyclic coordinate descent (exact 1-D soft-threshold steps)."""
    w = np.zeros(X.shape[1])
    col_sq = (X**2).sum(axis=0)
    resid = y - X @ w
    for _ in range(sweeps):
        for j in range(X.shape[1]):
            resid += X[:, j] * w[j]
            w[j] = soft_threshold(X[:, j] @ resid, lam / 2) / col_sq[j]
            resid -= X[:, j] * w[j]
    return w


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((50, 5)), rng.standard_normal(50)
    print("closed form == SVD form:", np.allclose(ridge(X, y, 2.0), ridge_svd(X, y, 2.0)))
    print(
        "posterior mean == ridge with lam = noise/prior:",
        np.allclose(gaussian_posterior(X, y, 1.0, 0.25)[0], ridge(X, y, 4.0)),
    )
    d = np.array([10.0, 1.0, 0.1])
    print("shrinkage factors", shrinkage(d, 1.0).round(4), "effective df", shrinkage(d, 1.0).sum().round(4))
    beta_ols = np.array([3.0, 0.4])  # orthonormal design: ridge divides by 1 + lam, lasso soft-thresholds at lam / 2
    print("ridge", beta_ols / (1 + 1.0), "lasso", soft_threshold(beta_ols, 0.5))
