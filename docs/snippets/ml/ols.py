"""Ordinary least squares: the fit, the hat matrix, classical and robust standard errors."""

import numpy as np


def design(x):
    """Column of ones (intercept) next to the feature(s)."""
    x = np.asarray(x, float)
    return np.column_stack([np.ones(len(x)), x])


def fit_ols(X, y):
    """Least-squares coefficients via a QR-based solver (never invert X^T X explicitly)."""
    beta, *_ = np.linalg.lstsq(X, y, rcond=None)
    return beta


def hat_matrix(X):
    """H = X (X^T X)^{-1} X^T = Q Q^T for the thin QR factor Q: the orthogonal projection onto col(X)."""
    q, _ = np.linalg.qr(X)
    return q @ q.T


def ols_summary(X, y):
    """Coefficients, residuals, unbiased noise variance RSS / (n - p), standard errors and R^2."""
    n, p = X.shape
    beta = fit_ols(X, y)
    resid = y - X @ beta
    rss = float(resid @ resid)
    sigma2 = rss / (n - p)
    _, r = np.linalg.qr(X)
    r_inv = np.linalg.inv(r)  # (X^T X)^{-1} = R^{-1} R^{-T}
    cov = sigma2 * r_inv @ r_inv.T
    tss = float(((y - y.mean()) ** 2).sum())
    return {
        "beta": beta,
        "resid": resid,
        "rss": rss,
        "sigma2": sigma2,
        "se": np.sqrt(np.diag(cov)),
        "r2": 1 - rss / tss,
    }


def robust_se(X, y):
    """White's heteroscedasticity-consistent (HC0) standard errors: (X^T X)^{-1} X^T diag(e^2) X (X^T X)^{-1}."""
    beta = fit_ols(X, y)
    e = y - X @ beta
    bread = np.linalg.inv(X.T @ X)
    meat = X.T @ (X * e[:, None] ** 2)
    return np.sqrt(np.diag(bread @ meat @ bread))


def slope_ci_coverage(heteroscedastic, n=200, reps=4000, seed=0):
    """Share of nominal 95 % intervals for the slope that contain the truth: (classical, robust)."""
    rng = np.random.default_rng(seed)
    hits = np.zeros(2)
    for _ in range(reps):
        x = rng.uniform(0, 1, n)
        noise_sd = 0.1 + 2.0 * x**2 if heteroscedastic else np.full(n, 0.5)
        y = 1.0 + 2.0 * x + noise_sd * rng.standard_normal(n)
        X = design(x)
        slope = fit_ols(X, y)[1]
        for i, se in enumerate((ols_summary(X, y)["se"][1], robust_se(X, y)[1])):
            hits[i] += abs(slope - 2.0) <= 1.96 * se
    return tuple(hits / reps)


def attenuated_slope(var_x=1.0, var_u=0.5, n=200_000, seed=0):
    """Regress y on a noisy copy of x (true slope 1): the slope shrinks by var_x / (var_x + var_u)."""
    rng = np.random.default_rng(seed)
    x = rng.normal(0, np.sqrt(var_x), n)
    y = x + rng.normal(0, 1, n)
    x_obs = x + rng.normal(0, np.sqrt(var_u), n)
    return fit_ols(design(x_obs), y)[1]


if __name__ == "__main__":
    x, y = np.array([0, 1, 2, 3, 4.0]), np.array([1, 3, 2, 5, 6.0])
    s = ols_summary(design(x), y)
    print("beta", s["beta"], "residuals", s["resid"].round(3), "RSS", round(s["rss"], 3), "R^2", round(s["r2"], 3))
    print("leverages", np.diag(hat_matrix(design(x))).round(3))
    print("coverage, classical vs robust, heteroscedastic:", slope_ci_coverage(True, reps=1000))
    print("attenuated slope:", round(attenuated_slope(), 3))
