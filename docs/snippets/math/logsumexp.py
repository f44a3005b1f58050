"""Stable log-sum-exp, softmax and log-softmax, and the one-pass (online) log-sum-exp (NumPy only)."""

import numpy as np


def logsumexp_naive(x):
    return np.log(np.sum(np.exp(x)))


def logsumexp(x):
    """log sum_i exp(x_i) = m + log sum_i exp(x_i - m) with m = max x: every exponent is <= 0."""
    x = np.asarray(x, dtype=float)
    m = np.max(x)
    if np.isinf(m):  # all -inf (empty mass) or some +inf: the shift would give nan
        return m
    return m + np.log(np.sum(np.exp(x - m)))


def softmax(x):
    z = np.exp(np.asarray(x, dtype=float) - np.max(x))
    return z / z.sum()


def log_softmax(x):
    """x_i - logsumexp(x): never take the log of a softmax that may have underflowed to 0."""
    x = np.asarray(x, dtype=float)
    return x - logsumexp(x)


def online_logsumexp(stream):
    """One pass over a stream: keep the running max m and the sum s of exp(x - m), rescale s when m grows."""
    m, s = -np.inf, 0.0
    for x in stream:
        if x > m:
            s = s * np.exp(m - x) + 1.0  # old terms were relative to the old max
            m = x
        else:
            s += np.exp(x - m)
    return m + np.log(s)


if __name__ == "__main__":
    with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
        for x in ([1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0]):
            print(x, "naive:", logsumexp_naive(np.array(x)), "stable:", logsumexp(x))
        print("softmax", softmax([1000.0, 1001.0, 1002.0]).round(4))
        print("log of softmax:", np.log(softmax([0.0, 1000.0])), "log_softmax:", log_softmax([0.0, 1000.0]))
    print("online:", online_logsumexp([3.0, 1000.0, 1001.0, -5.0, 1002.0]))
