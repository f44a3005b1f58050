"""Logistic regression by maximum likelihood: loss, gradient, Hessian, Newton (IRLS), and separable data."""

import numpy as np


def sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))  # stable for large |z|


def nll(w, X, y, l2=0.0):
    """Negative log-likelihood sum_i log(1 + e^{z_i}) - y_i z_i with z = X w, plus (l2 / 2) ||w||^2."""
    z = X @ w
    return float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w)


def gradient(w, X, y, l2=0.0):
    return X.T @ (sigmoid(X @ w) - y) + l2 * w


def hessian(w, X, l2=0.0):
    """X^T S X with S = diag(p (1 - p)): positive semi-definite, so the loss is convex."""
    p = sigmoid(X @ w)
    return X.T @ (X * (p * (1 - p))[:, None]) + l2 * np.eye(X.shape[1])


def newton(X, y, l2=0.0, tol=1e-10, max_iter=100):
    """Newton's method (= iteratively reweighted least squares). Returns (w, iterations used)."""
    w = np.zeros(X.shape[1])
    for it in range(1, max_iter + 1):
        step = np.linalg.solve(hessian(w, X, l2), gradient(w, X, y, l2))
        w -= step
        if np.linalg.norm(step) < tol:
            return w, it
    return w, max_iter


def gradient_descent_norms(X, y, lr=1.0, checkpoints=(10, 100, 1_000, 10_000)):
    """Plain gradient descent on the mean loss from zero; ||w|| and the mean loss at each checkpoint."""
    w = np.zeros(X.shape[1])
    out, t = [], 0
    for stop in checkpoints:
        while t < stop:
            w -= lr * gradient(w, X, y) / len(y)
            t += 1
        out.append((stop, float(np.linalg.norm(w)), nll(w, X, y) / len(y)))
    return out


def with_intercept(x):
    return np.column_stack([np.ones(len(x)), np.asarray(x, float)])


if __name__ == "__main__":
    X, y = with_intercept([-2, -1, 0, 1, 2, 3]), np.array([0, 0, 1, 0, 1, 1.0])
    w, iters = newton(X, y)
    se = np.sqrt(np.diag(np.linalg.inv(hessian(w, X))))
    print(f"overlapping data: b = {w[0]:.3f}, w = {w[1]:.3f} after {iters} Newton steps; se {se.round(3)}")
    X_sep, y_sep = with_intercept([-2, -1, 1, 2]), np.array([0, 0, 1, 1.0])
    for t, norm, loss in gradient_descent_norms(X_sep, y_sep):
        print(f"separable data, {t:6d} GD steps: ||w|| = {norm:.2f}, mean loss = {loss:.2e}")
    print("with l2 = 1: w =", newton(X_sep, y_sep, l2=1.0)[0].round(3))
