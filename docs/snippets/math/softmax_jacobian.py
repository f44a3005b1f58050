"""Softmax Jacobian and a two-layer network's gradients, checked against central differences."""

import numpy as np


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def softmax_jacobian(z):
    """J[i, j] = d s_i / d z_j = s_i * (delta_ij - s_j), i.e. diag(s) - s s^T."""
    s = softmax(z)
    return np.diag(s) - np.outer(s, s)


def numerical_jacobian(f, z, eps=1e-6):
    """Column j is (f(z + eps e_j) - f(z - eps e_j)) / (2 eps)."""
    columns = []
    for j in range(z.size):
        step = np.zeros_like(z)
        step[j] = eps
        columns.append((f(z + step) - f(z - step)) / (2 * eps))
    return np.stack(columns, axis=1)


# A tiny network: x -> h = tanh(W1 x) -> z = W2 h -> loss = -log softmax(z)[label].
X = np.array([1.0, -2.0])
W1 = np.array([[0.5, -0.3], [0.8, 0.2], [-0.4, 0.1]])
W2 = np.array([[0.3, -0.6, 0.9], [-0.7, 0.4, 0.2], [0.5, 0.1, -0.8]])
LABEL = 1


def loss(w1, w2, x=X, label=LABEL):
    z = w2 @ np.tanh(w1 @ x)
    return -np.log(softmax(z)[label])


def backprop(w1, w2, x=X, label=LABEL):
    """Chain rule by hand: returns (loss, dL/dW1, dL/dW2)."""
    h = np.tanh(w1 @ x)
    s = softmax(w2 @ h)
    dz = s - np.eye(s.size)[label]  # softmax + cross-entropy collapses to s - y
    dw2 = np.outer(dz, h)
    da = (w2.T @ dz) * (1 - h**2)  # tanh'(a) = 1 - tanh(a)^2
    dw1 = np.outer(da, x)
    return -np.log(s[label]), dw1, dw2


def max_gradient_error(eps=1e-6):
    """Largest |analytic - numerical| over all entries of dL/dW1 and dL/dW2."""
    _, dw1, dw2 = backprop(W1, W2)
    num_w1 = numerical_jacobian(lambda v: np.array([loss(v.reshape(W1.shape), W2)]), W1.ravel(), eps)
    num_w2 = numerical_jacobian(lambda v: np.array([loss(W1, v.reshape(W2.shape))]), W2.ravel(), eps)
    return max(np.abs(num_w1.ravel() - dw1.ravel()).max(), np.abs(num_w2.ravel() - dw2.ravel()).max())


if __name__ == "__main__":
    z = np.array([1.0, 2.0, 3.0])
    np.set_printoptions(precision=4, suppress=True)
    print("softmax:", softmax(z))
    print("Jacobian:\n", softmax_jacobian(z))
    print("max |J - J_num|:", np.abs(softmax_jacobian(z) - numerical_jacobian(softmax, z)).max())
    value, dw1, dw2 = backprop(W1, W2)
    print(f"loss {value:.4f}")
    print("dL/dW2:\n", dw2)
    print("max gradient error:", max_gradient_error())
