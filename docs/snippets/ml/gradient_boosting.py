"""Gradient-boosted stumps versus bagged stumps on a 1-D regression (NumPy only)."""

import numpy as np


def fit_stump(x, r):
    """Least-squares stump on 1-D inputs: (threshold, left value, right value) minimising squared error to r."""
    order = np.argsort(x)
    xs, rs = x[order], r[order]
    n = len(xs)
    left_sum = np.cumsum(rs)[:-1]  # sums of the first k targets, k = 1 .. n-1
    k = np.arange(1, n)
    right_sum = rs.sum() - left_sum
    # SSE = sum r^2 - (left_sum^2 / k + right_sum^2 / (n - k)): maximise the second term
    gain = left_sum**2 / k + right_sum**2 / (n - k)
    gain[xs[1:] == xs[:-1]] = -np.inf  # no threshold between equal inputs
    best = int(np.argmax(gain))
    threshold = (xs[best] + xs[best + 1]) / 2
    return threshold, left_sum[best] / k[best], right_sum[best] / (n - k[best])


def stump_predict(stump, x):
    threshold, left, right = stump
    return np.where(x <= threshold, left, right)


def gradient_boost(x, y, rounds, learning_rate=0.1):
    """Functional gradient descent on the squared loss 0.5 * (y - F)^2 with stumps as the base learner.

    The negative gradient with respect to F(x_i) is the residual y_i - F(x_i): each round fits a
    stump to the residuals and takes a shrunken step. Returns (f0, stumps, training MSE per round).
    """
    f0 = y.mean()
    F = np.full_like(y, f0)
    stumps, history = [], []
    for _ in range(rounds):
        residual = y - F  # pseudo-residuals = -dL/dF
        stump = fit_stump(x, residual)
        F = F + learning_rate * stump_predict(stump, x)
        stumps.append(stump)
        history.append(float(np.mean((y - F) ** 2)))
    return f0, stumps, history


def boost_predict(model, x, learning_rate=0.1, rounds=None):
    """The boosted prediction after the first `rounds` stumps (all of them by default)."""
    f0, stumps, _ = model
    return f0 + learning_rate * sum(stump_predict(s, x) for s in stumps[:rounds])


def bagged_stumps(x, y, n_models, seed=0):
    """Breiman's bagging: one stump per bootstrap sample."""
    rng = np.random.default_rng(seed)
    stumps = []
    for _ in range(n_models):
        idx = rng.integers(0, len(x), len(x))
        stumps.append(fit_stump(x[idx], y[idx]))
    return stumps


def bag_predict(stumps, x):
    return np.mean([stump_predict(s, x) for s in stumps], axis=0)


def toy_data(n, noise=0.3, seed=0):
    rng = np.random.default_rng(seed)
    x = rng.uniform(0, 2 * np.pi, n)
    return x, np.sin(x) + noise * rng.standard_normal(n)


if __name__ == "__main__":
    x, y = toy_data(200, seed=1)
    x_test, y_test = toy_data(5000, seed=2)

    def report(name, predict):
        train, test = np.mean((y - predict(x)) ** 2), np.mean((y_test - predict(x_test)) ** 2)
        print(f"{name:28s} train MSE {train:.3f}  test MSE {test:.3f}")

    stump = fit_stump(x, y)
    report("one stump", lambda t: stump_predict(stump, t))
    bag = bagged_stumps(x, y, 100)
    report("100 bagged stumps", lambda t: bag_predict(bag, t))
    for lr in (0.1, 1.0):
        model = gradient_boost(x, y, 3000, lr)
        for rounds in (10, 300, 3000):
            report(f"boosting lr={lr}, {rounds} rounds", lambda t, m=model, a=lr, r=rounds: boost_predict(m, t, a, r))
