"""Importance sampling: a Gaussian tail probability, effective sample size, and the self-normalised estimator."""

import math

import numpy as np


def normal_tail(t):
    """P(Z > t) for Z ~ N(0, 1)."""
    return 0.5 * math.erfc(t / math.sqrt(2))


def naive_tail(t, n, rng):
    return float((rng.standard_normal(n) > t).mean())


def shifted_tail(t, shift, n, rng):
    """Estimate P(Z > t) with draws from q = N(shift, 1); weight w = p/q = exp(-shift x + shift^2 / 2)."""
    x = rng.normal(shift, 1.0, n)
    w = np.exp(-shift * x + 0.5 * shift**2)
    return float(np.mean(w * (x > t)))


def shifted_tail_relative_variance(t, shift):
    """Per-draw Var / mu^2 of the shifted estimator: E_q[w^2 1{x > t}] = e^{shift^2} P(Z > t + shift)."""
    mu = normal_tail(t)
    return math.exp(shift**2) * normal_tail(t + shift) / mu**2 - 1


def effective_sample_size(w):
    """Kish's ESS = (sum w)^2 / sum w^2: the number of equally weighted draws with the same variance."""
    w = np.asarray(w, float)
    return float(w.sum() ** 2 / (w**2).sum())


def ess_fraction_exact(sigma):
    """Limit of ESS / n for target N(0, 1) and proposal N(0, sigma^2): 1 / E_q[w^2] (infinite below 1/sqrt 2)."""
    if sigma**2 <= 0.5:
        return 0.0
    return math.sqrt(2 * sigma**2 - 1) / sigma**2


def self_normalised(f, log_p_unnormalised, proposal_draw, log_q, n, rng):
    """sum w f / sum w with w = p~/q: needs the target only up to its normalising constant."""
    x = proposal_draw(rng, n)
    log_w = log_p_unnormalised(x) - log_q(x)
    w = np.exp(log_w - log_w.max())  # rescaling cancels in the ratio
    return float((w * f(x)).sum() / w.sum()), w


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    t, n = 4.0, 10_000
    print(
        f"P(Z > 4) = {normal_tail(t):.4e}; naive {naive_tail(t, n, rng):.4e}; shifted {shifted_tail(t, t, n, rng):.4e}"
    )
    print(f"relative error per draw, shifted: {math.sqrt(shifted_tail_relative_variance(t, t)):.2f}")
    x = rng.normal(0.0, 2.0, n)
    w = np.exp(-0.5 * x**2) / (np.exp(-0.5 * (x / 2) ** 2) / 2)
    print(f"ESS/n with sigma = 2: {effective_sample_size(w) / n:.3f} (limit {ess_fraction_exact(2.0):.3f})")
    est, _ = self_normalised(
        lambda v: v**2, lambda v: -0.5 * v**2, lambda r, k: r.normal(0, 2, k), lambda v: -0.5 * (v / 2) ** 2, n, rng
    )
    print(f"self-normalised E[x^2] under N(0,1), target known up to a constant: {est:.3f}")
