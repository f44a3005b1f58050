"""Gradient descent versus heavy-ball momentum on an ill-conditioned quadratic, and a
strongly convex function (not a quadratic) on which heavy ball with Polyak's tuning cycles."""

import numpy as np

# f(x) = 0.5 * x^T A x with curvatures mu = 1 and L = 100 (condition number 100).
A = np.diag([1.0, 100.0])


def iterations_to_tol(lr, beta=0.0, x0=(1.0, 1.0), tol=1e-6, max_iter=100_000):
    """Steps of x <- x - lr * grad + beta * (x - x_prev) until ||x|| < tol * ||x0||."""
    x = np.array(x0, dtype=float)
    x_prev = x.copy()
    start = np.linalg.norm(x)
    for k in range(1, max_iter + 1):
        x, x_prev = x - lr * (A @ x) + beta * (x - x_prev), x
        if np.linalg.norm(x) < tol * start:
            return k
    raise RuntimeError("did not converge")


def tuned_settings(mu=1.0, L=100.0):
    """Classical optimal step sizes: GD uses 2/(L+mu); heavy ball uses Polyak's pair."""
    gd_lr = 2.0 / (L + mu)
    hb_lr = 4.0 / (np.sqrt(L) + np.sqrt(mu)) ** 2
    hb_beta = ((np.sqrt(L) - np.sqrt(mu)) / (np.sqrt(L) + np.sqrt(mu))) ** 2
    return gd_lr, hb_lr, hb_beta


def piecewise_gradient(x):
    """Gradient of a 1-D function with mu = 1 and L = 25 that is quadratic only piece by piece."""
    if x < 1:
        return 25.0 * x
    if x < 2:
        return x + 24.0
    return 25.0 * x - 24.0


def heavy_ball_1d(grad, lr, beta, x0, steps):
    xs, x_prev = [x0], x0
    for _ in range(steps):
        x = xs[-1]
        xs.append(x - lr * grad(x) + beta * (x - x_prev))
        x_prev = x
    return xs


def nesterov_1d(grad, lr, beta, x0, steps):
    """Nesterov's method: the gradient is taken at the look-ahead point x + beta * (x - x_prev)."""
    xs, x_prev = [x0], x0
    for _ in range(steps):
        x = xs[-1]
        y = x + beta * (x - x_prev)
        xs.append(y - lr * grad(y))
        x_prev = x
    return xs


if __name__ == "__main__":
    gd_lr, hb_lr, hb_beta = tuned_settings()
    print("GD, lr = 1/L:     ", iterations_to_tol(0.01))
    print("GD, lr = 2/(L+mu):", iterations_to_tol(gd_lr))
    print("heavy ball:       ", iterations_to_tol(hb_lr, hb_beta))
    _, lr, beta = tuned_settings(mu=1.0, L=25.0)
    print("heavy ball, piecewise f:", np.round(heavy_ball_1d(piecewise_gradient, lr, beta, 3.3, 300)[-3:], 2))
    print("Nesterov, piecewise f:  ", nesterov_1d(piecewise_gradient, 1 / 25, 2 / 3, 3.3, 300)[-1])
