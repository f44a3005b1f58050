"""The kernel trick on XOR: a kernel perceptron that never builds the feature vectors (NumPy only)."""

import numpy as np


def polynomial_kernel(A, B, degree=2, c=1.0):
    return (A @ B.T + c) ** degree


def rbf_kernel(A, B, gamma=1.0):
    sq = (A**2).sum(1)[:, None] + (B**2).sum(1)[None, :] - 2 * A @ B.T
    return np.exp(-gamma * np.maximum(sq, 0.0))


def linear_kernel(A, B):
    return A @ B.T


def kernel_perceptron(K, y, epochs=100):
    """Dual perceptron: alpha_i counts the mistakes made on example i; f(x) = sum_i alpha_i y_i k(x_i, x).

    Returns (alpha, epochs_run); stops after the first epoch without a mistake.
    """
    alpha = np.zeros(len(y))
    for epoch in range(1, epochs + 1):
        mistakes = 0
        for i in range(len(y)):
            if y[i] * ((alpha * y) @ K[:, i]) <= 0:  # f(x_i) has the wrong sign (or is 0)
                alpha[i] += 1
                mistakes += 1
        if mistakes == 0:
            break
    return alpha, epoch


def decision(alpha, y, K_train_test):
    """f at the test points, from the kernel between training points (rows) and test points (columns)."""
    return (alpha * y) @ K_train_test


def noisy_xor(n, noise=0.3, seed=0):
    """n points around the four corners (+-1, +-1); the label is the sign of x1 * x2."""
    rng = np.random.default_rng(seed)
    corners = rng.choice([-1.0, 1.0], size=(n, 2))
    return corners + noise * rng.standard_normal((n, 2)), corners[:, 0] * corners[:, 1]


XOR_X = np.array([[1.0, 1.0], [1.0, -1.0], [-1.0, 1.0], [-1.0, -1.0]])
XOR_Y = np.array([1.0, -1.0, -1.0, 1.0])

if __name__ == "__main__":
    alpha, epochs = kernel_perceptron(polynomial_kernel(XOR_X, XOR_X), XOR_Y)
    print("XOR, (x'z + 1)^2: alpha =", alpha, "epochs =", epochs)
    grid = np.array([[0.5, 0.5], [0.5, -2.0]])
    print("f on", grid.tolist(), "=", decision(alpha, XOR_Y, polynomial_kernel(XOR_X, grid)))  # = 8 x1 x2
    X, y = noisy_xor(200, seed=1)
    X_test, y_test = noisy_xor(1000, seed=2)
    for name, kernel in [("linear", linear_kernel), ("rbf", rbf_kernel)]:
        alpha, _ = kernel_perceptron(kernel(X, X), y, epochs=50)
        accuracy = np.mean(np.sign(decision(alpha, y, kernel(X, X_test))) == y_test)
        print(f"{name}: test accuracy {accuracy:.3f}")
