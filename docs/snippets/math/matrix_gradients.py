"""Matrix-calculus identities next to a central finite-difference gradient that checks them."""

import numpy as np


def numerical_gradient(f, X, eps=1e-6):
    """d f / d X_ij by central differences, one entry at a time; same shape as X (gradient layout)."""
    X = np.asarray(X, dtype=float)
    grad = np.zeros_like(X)
    for idx in np.ndindex(X.shape):
        step = np.zeros_like(X)
        step[idx] = eps
        grad[idx] = (f(X + step) - f(X - step)) / (2 * eps)
    return grad


def grad_quadratic_form(A, x):
    """Gradient of x'Ax in x: (A + A')x, which is 2Ax only when A is symmetric."""
    return (A + A.T) @ x


def grad_log_det(A):
    """Gradient of log det A in A (det A > 0): the inverse transpose."""
    return np.linalg.inv(A).T


def grad_least_squares(A, x, b):
    """Gradient of ||Ax - b||^2 in x: 2A'(Ax - b)."""
    return 2 * A.T @ (A @ x - b)


def grad_linear_layer(W, X, Y):
    """Gradient of ||WX - Y||_F^2 in W (W: m x n, X: n x batch): 2(WX - Y)X', the shape of W."""
    return 2 * (W @ X - Y) @ X.T


if __name__ == "__main__":
    A = np.array([[1.0, 2.0], [3.0, 4.0]])
    x = np.array([1.0, -1.0])
    print("(A + A')x =", grad_quadratic_form(A, x), " numeric:", numerical_gradient(lambda v: v @ A @ v, x))
    B = np.array([[2.0, 1.0], [0.0, 3.0]])
    print(
        "inv(B)' =\n",
        grad_log_det(B).round(4),
        "\nnumeric:\n",
        numerical_gradient(lambda M: np.log(np.linalg.det(M)), B).round(4),
    )
    C, b = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([1.0, 2.0, 3.0])
    print("2C'(Cx - b) at x = (1, 1):", grad_least_squares(C, np.ones(2), b))
