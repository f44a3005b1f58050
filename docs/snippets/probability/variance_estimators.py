"""Divide by n or by n - 1? Simulate both sample-variance estimators on small Gaussian samples."""

import numpy as np


def compare_estimators(n=5, sigma2=1.0, n_repeats=200_000, seed=0):
    """Mean and mean squared error of the 1/n and 1/(n-1) variance estimators."""
    rng = np.random.default_rng(seed)
    samples = rng.normal(0.0, np.sqrt(sigma2), size=(n_repeats, n))
    squares = ((samples - samples.mean(axis=1, keepdims=True)) ** 2).sum(axis=1)
    result = {}
    for name, divisor in (("biased", n), ("unbiased", n - 1)):
        estimate = squares / divisor
        result[name] = (estimate.mean(), ((estimate - sigma2) ** 2).mean())
    return result


if __name__ == "__main__":
    for name, (mean, mse) in compare_estimators().items():
        print(f"{name:9s} mean {mean:.3f}  MSE {mse:.3f}")
