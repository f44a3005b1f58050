"""DDPM and DDIM on one-dimensional Gaussian data, where the optimal noise predictor is known exactly.

With x_0 ~ N(mean, std^2) every noisy marginal is Gaussian, so E[eps | x_t] has a closed form: it is
the best noise predictor any network could learn. Plugging it into the samplers isolates the error
of the sampler itself from the error of a learned model.
"""

import numpy as np


def linear_schedule(steps=1000, beta_start=1e-4, beta_end=0.02):
    """Ho et al. (2020): betas rising linearly; alpha_bar_t = prod_{s<=t} (1 - beta_s)."""
    betas = np.linspace(beta_start, beta_end, steps)
    return betas, np.cumprod(1.0 - betas)


def noise(x0, eps, alpha_bar):
    """The forward process in one jump: x_t = sqrt(alpha_bar) x_0 + sqrt(1 - alpha_bar) eps."""
    return np.sqrt(alpha_bar) * x0 + np.sqrt(1.0 - alpha_bar) * eps


def optimal_eps(x_t, alpha_bar, mean, std):
    """E[eps | x_t] for x_0 ~ N(mean, std^2): the minimiser of the simple loss."""
    var_t = alpha_bar * std**2 + 1.0 - alpha_bar  # Var[x_t]
    return np.sqrt(1.0 - alpha_bar) * (x_t - np.sqrt(alpha_bar) * mean) / var_t


def guided_eps(eps_cond, eps_uncond, scale):
    """Classifier-free guidance: scale 0 is unconditional, 1 conditional, > 1 extrapolates."""
    return eps_uncond + scale * (eps_cond - eps_uncond)


def ddpm_sample(x_T, eps_fn, betas, alpha_bars, rng):
    """Ancestral sampling, one step per t, with reverse variance sigma_t^2 = beta_t."""
    x = x_T
    for t in range(len(betas) - 1, -1, -1):
        eps = eps_fn(x, t)
        x = (x - betas[t] / np.sqrt(1.0 - alpha_bars[t]) * eps) / np.sqrt(1.0 - betas[t])
        if t > 0:
            x = x + np.sqrt(betas[t]) * rng.standard_normal(np.shape(x))
    return x


def ddim_sample(x_T, eps_fn, alpha_bars, timesteps):
    """Deterministic DDIM (eta = 0) over an increasing subsequence of timesteps."""
    x = x_T
    for k in range(len(timesteps) - 1, -1, -1):
        t = timesteps[k]
        a_t = alpha_bars[t]
        a_prev = alpha_bars[timesteps[k - 1]] if k > 0 else 1.0
        eps = eps_fn(x, t)
        x0_hat = (x - np.sqrt(1.0 - a_t) * eps) / np.sqrt(a_t)
        x = np.sqrt(a_prev) * x0_hat + np.sqrt(1.0 - a_prev) * eps
    return x


if __name__ == "__main__":
    betas, alpha_bars = linear_schedule()
    mean, std = 2.0, 0.5

    def eps_fn(x, t):
        return optimal_eps(x, alpha_bars[t], mean, std)

    rng = np.random.default_rng(0)
    x_T = rng.standard_normal(20_000)
    print(f"DDPM, 1000 steps: std {ddpm_sample(x_T, eps_fn, betas, alpha_bars, rng).std():.3f}")
    for n in (1000, 50, 10):
        steps = np.linspace(0, len(betas) - 1, n).round().astype(int)
        print(f"DDIM, {n} steps: std {ddim_sample(x_T, eps_fn, alpha_bars, steps).std():.3f} (data std {std})")
