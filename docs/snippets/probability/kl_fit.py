"""Forward vs reverse KL: fit one Gaussian q = N(mu, s^2) to a two-component mixture p.

KL(p || q) = -H(p) - E_p[log q], and for a Gaussian q the last term needs only the mean and
variance of p (taken once on a fine grid). KL(q || p) = E_q[log q - log p] is a sum over a grid
of standard-normal points mapped through q, so it stays accurate however narrow q is. Each
divergence is minimised by a coarse grid search refined around its best point.
"""

import numpy as np

GRID = np.linspace(-20.0, 20.0, 8001)
NODES = np.linspace(-10.0, 10.0, 2001)  # E[f(Z)] for Z ~ N(0, 1) as a weighted sum
WEIGHTS = np.exp(-0.5 * NODES**2)
WEIGHTS = WEIGHTS / WEIGHTS.sum()


def log_normal(x, mu, s):
    return -0.5 * ((x - mu) / s) ** 2 - np.log(s) - 0.5 * np.log(2 * np.pi)


def log_mixture(x, means=(-3.0, 3.0), s=1.0):
    """log p(x) for an equal-weight mixture of N(m, s^2), computed stably."""
    parts = np.stack([log_normal(x, m, s) for m in means]) + np.log(1.0 / len(means))
    top = parts.max(axis=0)
    return top + np.log(np.exp(parts - top).sum(axis=0))


def kl_gaussians(mu1, s1, mu2, s2):
    """Closed form KL(N(mu1, s1^2) || N(mu2, s2^2)) in nats."""
    return np.log(s2 / s1) + (s1**2 + (mu1 - mu2) ** 2) / (2 * s2**2) - 0.5


def grid_moments(log_p=log_mixture):
    """Entropy, mean and variance of p, by a Riemann sum on GRID."""
    lp = log_p(GRID)
    p = np.exp(lp) * (GRID[1] - GRID[0])
    mean = (p * GRID).sum()
    return -(p * lp).sum(), mean, (p * (GRID - mean) ** 2).sum()


def forward_kl(mu, s, log_p=log_mixture):
    """KL(p || q) for q = N(mu, s^2): only p's mean and variance enter E_p[log q]."""
    entropy, mean, var = grid_moments(log_p)
    expected_log_q = -np.log(s) - 0.5 * np.log(2 * np.pi) - (var + (mean - mu) ** 2) / (2 * s**2)
    return -entropy - expected_log_q


def reverse_kl(mu, s, log_p=log_mixture):
    """KL(q || p) = E_q[log q - log p] for q = N(mu, s^2); mu and s may be arrays."""
    mu, s = np.asarray(mu)[..., None], np.asarray(s)[..., None]
    x = mu + s * NODES
    return ((log_normal(x, mu, s) - log_p(x)) * WEIGHTS).sum(axis=-1)


def grid_min(kl, mus, sigmas):
    m, s = np.meshgrid(mus, sigmas, indexing="ij")
    values = kl(m, s)
    i, j = np.unravel_index(np.argmin(values), values.shape)
    return float(mus[i]), float(sigmas[j]), float(values[i, j])


def best_fit(kl):
    """(mu, s, KL) minimising kl(mu, s): steps of 0.1 over mu in [-5, 5], s in [0.5, 5], then 0.01."""
    mu, s, _ = grid_min(kl, np.linspace(-5, 5, 101), np.linspace(0.5, 5, 46))
    return grid_min(kl, mu + np.linspace(-0.2, 0.2, 41), s + np.linspace(-0.2, 0.2, 41))


if __name__ == "__main__":
    for name, kl in (("forward KL(p||q)", forward_kl), ("reverse KL(q||p)", reverse_kl)):
        mu, s, value = best_fit(kl)
        print(f"{name}: mu = {mu:+.2f}, s = {s:.2f}, KL = {value:.3f} nats")
