"""Soft-margin SVM dual solved by SMO with maximal-violating-pair selection (NumPy only)."""

import numpy as np


def smo(K, y, C=1.0, tol=1e-9, max_iter=100_000):
    """Minimise 0.5 a'Qa - sum(a), Q = yy'*K, subject to 0 <= a <= C and y'a = 0.

    K is the n x n Gram matrix, y holds labels in {-1, +1}; C = np.inf gives the hard margin.
    Returns (alpha, b) with the decision function f(x) = sum_i alpha_i y_i k(x_i, x) + b.
    """
    y = np.asarray(y, dtype=float)
    Q = np.outer(y, y) * K
    alpha = np.zeros(len(y))
    grad = -np.ones(len(y))  # gradient of the dual objective, Q @ alpha - 1
    for _ in range(max_iter):
        score = -y * grad  # equals b at every free support vector
        up = ((y > 0) & (alpha < C)) | ((y < 0) & (alpha > 0))
        low = ((y > 0) & (alpha > 0)) | ((y < 0) & (alpha < C))
        i = np.flatnonzero(up)[np.argmax(score[up])]
        j = np.flatnonzero(low)[np.argmin(score[low])]
        if score[i] - score[j] < tol:  # KKT conditions hold to tol
            break
        curvature = max(K[i, i] + K[j, j] - 2 * K[i, j], 1e-12)
        step = (score[i] - score[j]) / curvature
        step = min(step, C - alpha[i] if y[i] > 0 else alpha[i], alpha[j] if y[j] > 0 else C - alpha[j])
        alpha[i] += y[i] * step  # moving along y_i e_i - y_j e_j keeps y'alpha = 0
        alpha[j] -= y[j] * step
        grad += step * (y[i] * Q[:, i] - y[j] * Q[:, j])
    free = (alpha > 1e-8) & (alpha < C - 1e-8)
    score = -y * grad
    b = score[free].mean() if free.any() else (score[i] + score[j]) / 2
    return alpha, b


def linear_svm(X, y, C=1.0):
    """Primal weights (w, b) and dual alpha of a linear soft-margin SVM."""
    X = np.asarray(X, dtype=float)
    alpha, b = smo(X @ X.T, y, C)
    w = (alpha * np.asarray(y, dtype=float)) @ X
    return w, b, alpha


# The page's toy data: two points per class, then one mislabelled-looking negative at (1.5, 0.5).
X_TOY = np.array([[1.0, 1.0], [2.0, 3.0], [-1.0, -1.0], [-2.0, -1.0]])
Y_TOY = np.array([1, 1, -1, -1])
X_OUT = np.vstack([X_TOY, [1.5, 0.5]])
Y_OUT = np.append(Y_TOY, -1)

if __name__ == "__main__":
    w, b, alpha = linear_svm(X_TOY, Y_TOY, C=np.inf)
    print("hard margin: w =", w.round(4), "b =", round(b, 4), "alpha =", alpha.round(4))
    for C in (np.inf, 1.0, 0.1):
        w, b, alpha = linear_svm(X_OUT, Y_OUT, C)
        errors = int((Y_OUT * (X_OUT @ w + b) < 0).sum())
        print(f"C={C}: margin {1 / np.linalg.norm(w):.3f}, {(alpha > 1e-8).sum()} SVs, {errors} errors")
