"""MLE of an exponential rate: Fisher information, the Cramer-Rao bound, and the variance approaching 1/(n I).

For X ~ Exp(rate lam): log f = log lam - lam x, score = 1/lam - x, I(lam) = Var(score) = 1/lam^2.
The MLE is 1/mean(x). Since the sum of n draws is Gamma(n, lam), 1/mean is a scaled inverse gamma with
E = n lam / (n - 1) and Var = n^2 lam^2 / ((n - 1)^2 (n - 2)), so n Var / lam^2 -> 1 = 1 / I scaled.
"""

import numpy as np


def mle_rate(x):
    return 1.0 / np.mean(x, axis=-1)


def fisher_information(lam):
    return 1.0 / lam**2


def exact_scaled_variance(n):
    """n Var(MLE) / lam^2 = Var(MLE) / (1 / (n I)), from the inverse-gamma moments (needs n > 2)."""
    return n**3 / ((n - 1) ** 2 * (n - 2))


def simulate_mle(lam, n, reps=20_000, seed=0):
    """`reps` independent MLEs, each from n exponential draws."""
    rng = np.random.default_rng(seed)
    return mle_rate(rng.exponential(1.0 / lam, size=(reps, n)))


if __name__ == "__main__":
    lam = 2.0
    for n in (10, 100, 1000):
        est = simulate_mle(lam, n)
        crb = 1.0 / (n * fisher_information(lam))
        print(
            f"n = {n:4d}: mean {est.mean():.4f} (exact {n * lam / (n - 1):.4f}), "
            f"Var / CRB = {est.var() / crb:.3f} (exact {exact_scaled_variance(n):.3f})"
        )
