"""Binary logistic regression trained by full-batch gradient descent (numpy only)."""

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]


def sigmoid(z: Array) -> Array:
    """Numerically stable logistic function: never exponentiates a large positive number."""
    out = np.empty_like(z, dtype=np.float64)
    pos = z >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-z[pos]))
    ez = np.exp(z[~pos])
    out[~pos] = ez / (1.0 + ez)
    return out


def loss_and_grad(w: Array, b: float, X: Array, y: Array, l2: float) -> tuple[float, Array, float]:
    """Mean binary cross-entropy (+ l2/2 * ||w||^2) and its gradient with respect to (w, b)."""
    z = X @ w + b
    # log(1 + e^z) - y z, computed stably with logaddexp.
    loss = float(np.mean(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * w @ w)
    residual = sigmoid(z) - y  # dLoss/dz for each example
    grad_w = X.T @ residual / len(y) + l2 * w
    grad_b = float(residual.mean())
    return loss, grad_w, grad_b


def fit(X: Array, y: Array, lr: float = 0.5, epochs: int = 500, l2: float = 0.0) -> tuple[Array, float, list[float]]:
    """Gradient descent from zero weights. Time O(epochs * n * d), memory O(n + d)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    history: list[float] = []
    for _ in range(epochs):
        loss, grad_w, grad_b = loss_and_grad(w, b, X, y, l2)
        history.append(loss)
        w -= lr * grad_w
        b -= lr * grad_b
    return w, b, history


def predict(X: Array, w: Array, b: float) -> NDArray[np.int64]:
    return (X @ w + b >= 0.0).astype(np.int64)


def make_blobs(n_per_class: int = 200, seed: int = 0) -> tuple[Array, Array]:
    """Two overlapping 2-D Gaussian classes centred at (-1, -1) and (1, 1), unit variance."""
    rng = np.random.default_rng(seed)
    X = np.vstack([rng.normal(-1.0, 1.0, (n_per_class, 2)), rng.normal(1.0, 1.0, (n_per_class, 2))])
    y = np.repeat([0.0, 1.0], n_per_class)
    order = rng.permutation(len(y))
    return X[order], y[order]


def demo(seed: int = 0) -> tuple[float, float, float]:
    """Train on the first 300 of 400 points, return (first loss, last loss, test accuracy)."""
    X, y = make_blobs(seed=seed)
    X_train, y_train, X_test, y_test = X[:300], y[:300], X[300:], y[300:]
    w, b, history = fit(X_train, y_train)
    accuracy = float(np.mean(predict(X_test, w, b) == y_test))
    return history[0], history[-1], accuracy


if __name__ == "__main__":
    first, last, acc = demo()
    print(f"loss {first:.4f} -> {last:.4f}, test accuracy {acc:.2f}")
