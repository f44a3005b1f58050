"""EM for a one-dimensional Gaussian mixture (NumPy only)."""

import numpy as np


def log_normal(x, mu, var):
    """log N(x | mu, var) for every point (rows) and component (columns)."""
    return -0.5 * (np.log(2 * np.pi * var) + (x[:, None] - mu) ** 2 / var)


def log_likelihood(x, pi, mu, var):
    """sum_i log sum_k pi_k N(x_i | mu_k, var_k), computed with the log-sum-exp shift."""
    a = np.log(pi) + log_normal(x, mu, var)
    m = a.max(axis=1, keepdims=True)
    return float((m[:, 0] + np.log(np.exp(a - m).sum(axis=1))).sum())


def e_step(x, pi, mu, var):
    """Responsibilities gamma_ik = p(z_i = k | x_i), the posterior over the latent component."""
    a = np.log(pi) + log_normal(x, mu, var)
    a -= a.max(axis=1, keepdims=True)
    gamma = np.exp(a)
    return gamma / gamma.sum(axis=1, keepdims=True)


def m_step(x, gamma, var_floor=1e-6):
    """Weighted maximum likelihood: closed-form mixing weights, means and variances."""
    nk = gamma.sum(axis=0)
    pi = nk / len(x)
    mu = gamma.T @ x / nk
    var = (gamma * (x[:, None] - mu) ** 2).sum(axis=0) / nk
    return pi, mu, np.maximum(var, var_floor)  # the floor stops a component collapsing onto one point


def fit(x, pi, mu, var, max_iter=1000, tol=1e-10):
    """Alternate E and M steps; returns the parameters and the log-likelihood before each step."""
    pi, mu, var = (np.asarray(p, dtype=float) for p in (pi, mu, var))
    history = [log_likelihood(x, pi, mu, var)]
    for _ in range(max_iter):
        pi, mu, var = m_step(x, e_step(x, pi, mu, var))
        history.append(log_likelihood(x, pi, mu, var))
        if history[-1] - history[-2] < tol:
            break
    return pi, mu, var, history


def sample(n, pi, mu, sd, seed=0):
    rng = np.random.default_rng(seed)
    z = rng.choice(len(pi), size=n, p=pi)
    return np.asarray(mu)[z] + np.asarray(sd)[z] * rng.standard_normal(n)


if __name__ == "__main__":
    x = np.array([0.0, 1.0, 3.0, 4.0])
    pi, mu, var = m_step(x, e_step(x, np.array([0.5, 0.5]), np.array([0.0, 4.0]), np.array([1.0, 1.0])))
    print("one step on (0, 1, 3, 4):", pi, mu.round(4), var.round(4))
    data = sample(1000, [0.3, 0.7], [-2.0, 1.5], [0.5, 1.0], seed=0)
    pi, mu, var, history = fit(data, [0.5, 0.5], [-1.0, 1.0], [1.0, 1.0])
    print(f"{len(history) - 1} steps: pi {pi.round(3)}, mu {mu.round(3)}, sd {np.sqrt(var).round(3)}")
    print("log-likelihood", round(history[0], 1), "->", round(history[-1], 1))
