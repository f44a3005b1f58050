"""PCA through the SVD of the centred data matrix (NumPy only)."""

import numpy as np


def pca(X, k):
    """Top-k principal directions (rows), their variances, the explained-variance ratios and the scores."""
    X = np.asarray(X, dtype=float)
    Xc = X - X.mean(axis=0)
    U, s, Vt = np.linalg.svd(Xc, full_matrices=False)  # Xc = U diag(s) Vt
    variances = s**2 / (len(X) - 1)  # eigenvalues of the sample covariance
    return Vt[:k], variances[:k], variances[:k] / variances.sum(), Xc @ Vt[:k].T


def reconstruct(X, k):
    """Best rank-k approximation of the centred data (Eckart-Young), shifted back by the mean."""
    X = np.asarray(X, dtype=float)
    mean = X.mean(axis=0)
    components, _, _, scores = pca(X, k)
    return mean + scores @ components


EXAMPLE = np.array([[-2.0, -1.0], [-1.0, -1.0], [0.0, 0.0], [1.0, 1.0], [2.0, 1.0]])

if __name__ == "__main__":
    components, variances, ratios, scores = pca(EXAMPLE, 2)
    print("directions", components.round(3), "variances", variances.round(3), "ratios", ratios.round(3))
    error = ((EXAMPLE - reconstruct(EXAMPLE, 1)) ** 2).sum()
    print("rank-1 squared reconstruction error", round(error, 3), "= (n - 1) * lambda_2")
