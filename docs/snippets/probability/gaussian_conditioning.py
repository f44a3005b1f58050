"""Conditioning a multivariate Gaussian two ways: the Schur complement of the covariance, and the precision."""

import numpy as np


def condition(mu, cov, a, b, x_b):
    """Mean and covariance of x_a given x_b = x_b, for x ~ N(mu, cov); a, b are index lists.

    gain = cov_ab cov_bb^{-1};  mean = mu_a + gain (x_b - mu_b);  cov = cov_aa - gain cov_ba.
    Solve linear systems instead of forming an inverse.
    """
    mu, cov = np.asarray(mu, float), np.asarray(cov, float)
    cov_ab, cov_bb = cov[np.ix_(a, b)], cov[np.ix_(b, b)]
    gain = np.linalg.solve(cov_bb, cov_ab.T).T
    mean = mu[a] + gain @ (np.asarray(x_b, float) - mu[b])
    return mean, cov[np.ix_(a, a)] - gain @ cov_ab.T


def condition_via_precision(mu, cov, a, b, x_b):
    """Same result from the precision matrix: cov = inv(P_aa), mean = mu_a - inv(P_aa) P_ab (x_b - mu_b)."""
    mu = np.asarray(mu, float)
    precision = np.linalg.inv(np.asarray(cov, float))
    p_aa, p_ab = precision[np.ix_(a, a)], precision[np.ix_(a, b)]
    cond_cov = np.linalg.inv(p_aa)
    return mu[a] - cond_cov @ p_ab @ (np.asarray(x_b, float) - mu[b]), cond_cov


def sample(mu, cov, n, rng):
    """x = mu + L z with cov = L L^T (Cholesky) and z standard normal."""
    chol = np.linalg.cholesky(np.asarray(cov, float))
    return np.asarray(mu, float) + rng.standard_normal((n, len(mu))) @ chol.T


MU = np.array([1.0, 2.0, 0.0])
COV = np.array([[4.0, 2.0, 1.0], [2.0, 3.0, 1.0], [1.0, 1.0, 2.0]])

if __name__ == "__main__":
    mean, cov = condition(MU, COV, [0], [1, 2], [3.0, -1.0])
    print("x1 | x2 = 3, x3 = -1:", mean, cov)
    print("via precision:      ", *condition_via_precision(MU, COV, [0], [1, 2], [3.0, -1.0]))
    a = np.array([1.0, -1.0, 0.0])  # y = x1 - x2
    print("y = x1 - x2:", a @ MU, a @ COV @ a)
