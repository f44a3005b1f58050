"""Mutual information of a discrete joint table, and the InfoNCE lower bound on a Gaussian pair."""

import numpy as np


def entropy_bits(p):
    p = np.asarray(p, dtype=float).ravel()
    p = p[p > 0]
    return float(-(p * np.log2(p)).sum())


def mutual_information_bits(joint):
    """I(X; Y) = H(X) + H(Y) - H(X, Y) for a joint probability table (rows X, columns Y)."""
    joint = np.asarray(joint, dtype=float)
    return entropy_bits(joint.sum(axis=1)) + entropy_bits(joint.sum(axis=0)) - entropy_bits(joint)


def mutual_information_as_kl(joint):
    """The same quantity as KL(p(x, y) || p(x) p(y)), in bits."""
    joint = np.asarray(joint, dtype=float)
    product = np.outer(joint.sum(axis=1), joint.sum(axis=0))
    mask = joint > 0
    return float((joint[mask] * np.log2(joint[mask] / product[mask])).sum())


def gaussian_mi_nats(rho):
    """I(X; Y) for a standard bivariate normal with correlation rho."""
    return -0.5 * np.log(1 - rho**2)


def infonce(rho, batch, n_batches=2000, seed=0):
    """Average InfoNCE bound with the optimal critic f(x, y) = log p(y | x) - log p(y), in nats.

    Each batch holds `batch` positive pairs; every other y in the batch is a negative for x_i.
    Row i contributes f(x_i, y_i) - log( mean_j exp f(x_i, y_j) ), which can never exceed log(batch).
    """
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n_batches, batch))
    y = rho * x + np.sqrt(1 - rho**2) * rng.standard_normal((n_batches, batch))
    resid = y[:, None, :] - rho * x[:, :, None]  # [batch index, i, j]: y_j - rho x_i
    f = -0.5 * resid**2 / (1 - rho**2) + 0.5 * y[:, None, :] ** 2 - 0.5 * np.log(1 - rho**2)
    top = f.max(axis=2, keepdims=True)
    log_mean = (top + np.log(np.exp(f - top).mean(axis=2, keepdims=True)))[..., 0]
    return float((np.diagonal(f, axis1=1, axis2=2) - log_mean).mean())


if __name__ == "__main__":
    table = [[0.4, 0.1], [0.2, 0.3]]
    print(f"I(X;Y) = {mutual_information_bits(table):.4f} bits = {mutual_information_as_kl(table):.4f} bits")
    for rho in (0.5, 0.99):
        for batch in (4, 64):
            print(
                f"rho {rho}: I = {gaussian_mi_nats(rho):.3f} nats, InfoNCE(N={batch}) = {infonce(rho, batch):.3f}"
                f" <= log N = {np.log(batch):.3f}"
            )
