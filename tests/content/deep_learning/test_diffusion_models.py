"""questions/deep-learning/diffusion-models.md: the linear schedule, the ELBO weights, the optimal
noise predictor for Gaussian data, DDPM and DDIM with that predictor, and guidance on a Gaussian toy."""

import numpy as np

from tests.content.deep_learning.formatting import power_of_ten
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/diffusion-models.md"
STEPS, BETA_START, BETA_END = 1000, 1e-4, 0.02
MID = 500  # the page's t = 500 is index 499
EARLY = 2
MEAN, STD = 2.0, 0.5
DDIM_STEPS = (1000, 50, 10)
COND, SCALE = 1.0, 3.0


SNIPPET = load_snippet("deep-learning/diffusion.py")
SCHEDULE = SNIPPET.linear_schedule(STEPS, BETA_START, BETA_END)


def diffusion():
    return SNIPPET


def schedule():
    return SCHEDULE


def elbo_weight(t: int) -> float:
    """beta_t^2 / (2 sigma_t^2 alpha_t (1 - alpha_bar_t)) with sigma_t^2 = beta_t, t counted from 1."""
    betas, alpha_bars = schedule()
    i = t - 1
    return betas[i] / (2 * (1 - betas[i]) * (1 - alpha_bars[i]))


def gaussian_kl(m1, v1, m2, v2):
    return 0.5 * (np.log(v2 / v1) + (v1 + (m1 - m2) ** 2) / v2 - 1)


def ddim_affine(steps: int, eps_fn):
    """DDIM with a predictor that is affine in x is an affine map x_T -> x_0: (offset, slope)."""
    _, alpha_bars = schedule()
    timesteps = np.linspace(0, STEPS - 1, steps).round().astype(int)
    at0 = float(diffusion().ddim_sample(0.0, eps_fn, alpha_bars, timesteps))
    at1 = float(diffusion().ddim_sample(1.0, eps_fn, alpha_bars, timesteps))
    return at0, at1 - at0


def gaussian_eps(x, t):
    _, alpha_bars = schedule()
    return diffusion().optimal_eps(x, alpha_bars[t], MEAN, STD)


def ddpm_moments(reverse_variance: str):
    """Exact mean and std of DDPM's output from x_T ~ N(0, 1): every step is affine plus Gaussian noise."""
    betas, alpha_bars = schedule()
    mean, var = 0.0, 1.0
    for t in range(STEPS - 1, -1, -1):
        var_t = alpha_bars[t] * STD**2 + 1 - alpha_bars[t]
        k = betas[t] / var_t  # beta_t / sqrt(1 - abar) times eps_hat = sqrt(1 - abar) (x - sqrt(abar) mu) / var_t
        slope = (1 - k) / np.sqrt(1 - betas[t])
        offset = k * np.sqrt(alpha_bars[t]) * MEAN / np.sqrt(1 - betas[t])
        if t == 0:
            added = 0.0
        elif reverse_variance == "beta":
            added = betas[t]
        else:  # the posterior variance beta tilde
            added = betas[t] * (1 - alpha_bars[t - 1]) / (1 - alpha_bars[t])
        mean, var = slope * mean + offset, slope**2 * var + added
    return mean, np.sqrt(var)


def guided_eps_fn(scale):
    """x_0 = c + n with c, n ~ N(0, 1): x_t | c ~ N(sqrt(abar) c, 1) and x_t ~ N(0, 1 + abar)."""
    snippet = diffusion()
    _, alpha_bars = schedule()

    def eps_fn(x, t):
        a = alpha_bars[t]
        cond = np.sqrt(1 - a) * (x - np.sqrt(a) * COND)
        uncond = np.sqrt(1 - a) * x / (1 + a)
        return snippet.guided_eps(cond, uncond, scale)

    return eps_fn


def expected_values() -> dict[str, str]:
    betas, alpha_bars = schedule()
    d = diffusion()
    mid = alpha_bars[MID - 1]
    var_mid = mid * STD**2 + 1 - mid
    out = {
        "steps": f"{STEPS:,}",
        "beta-start": power_of_ten(BETA_START, 1),
        "beta-end": f"{BETA_END}",
        "alpha-bar-last": power_of_ten(alpha_bars[-1], 3),
        "signal-last": f"{np.sqrt(alpha_bars[-1]):.4f}",
        "t-early": str(EARLY),
        "weight-early": f"{elbo_weight(EARLY):.2f}",
        "t-mid": str(MID),
        "weight-mid": f"{elbo_weight(MID):.4f}",
        "weight-ratio": f"{elbo_weight(EARLY) / elbo_weight(MID):.0f}",
        "data-mean": f"{MEAN:g}",
        "data-std": f"{STD}",
        "t-mid-2": str(MID),
        "alpha-bar-mid": f"{mid:.3f}",
        "min-loss": f"{mid * STD**2 / var_mid:.3f}",
    }
    assert np.isclose(float(d.optimal_eps(0.0, mid, MEAN, STD)), -np.sqrt(1 - mid) * np.sqrt(mid) * MEAN / var_mid)
    out["ddpm-std-beta"] = f"{ddpm_moments('beta')[1]:.3f}"
    out["ddpm-std-tilde"] = f"{ddpm_moments('tilde')[1]:.3f}"
    for n in DDIM_STEPS:
        out[f"ddim-steps-{n}"] = f"{n:,}"
        out[f"ddim-std-{n}"] = f"{abs(ddim_affine(n, gaussian_eps)[1]):.3f}"
    offset, slope = ddim_affine(STEPS, guided_eps_fn(SCALE))
    out |= {
        "cond": f"{COND:g}",
        "scale": f"{SCALE:g}",
        "w": f"{SCALE - 1:g}",
        "tilted-mean": f"{2 * SCALE * COND / (1 + SCALE):.1f}",
        "tilted-std": f"{np.sqrt(2 / (1 + SCALE)):.2f}",
        "guided-mean": f"{offset:.2f}",
        "guided-std": f"{abs(slope):.2f}",
    }
    return out


def test_the_schedule_is_the_running_product():
    betas, alpha_bars = schedule()
    product = 1.0
    for t in range(STEPS):
        product *= 1 - betas[t]
        assert np.isclose(alpha_bars[t], product, rtol=1e-12)
    assert np.isclose(betas[0], BETA_START) and np.isclose(betas[-1], BETA_END)


def test_one_jump_matches_the_chain_of_small_steps():
    """x_t from t single-step noisings has the moments of the closed form sqrt(abar) x0 + sqrt(1 - abar) eps."""
    betas, alpha_bars = schedule()
    rng = np.random.default_rng(3)
    x = np.full(100_000, MEAN)
    for t in range(MID):
        x = np.sqrt(1 - betas[t]) * x + np.sqrt(betas[t]) * rng.standard_normal(x.size)
    jump = diffusion().noise(MEAN, rng.standard_normal(x.size), alpha_bars[MID - 1])
    assert abs(x.mean() - jump.mean()) < 0.01 and abs(x.std() - jump.std()) < 0.01


def step_kl(t: int, x0: float, eps: float, eps_hat: float) -> float:
    """KL(q(x_{t-1} | x_t, x_0) || p(x_{t-1} | x_t)) with the eps-parameterised mean and sigma_t^2 = beta_t."""
    betas, alpha_bars = schedule()
    i = t - 1
    x_t = diffusion().noise(x0, eps, alpha_bars[i])
    post_mean = np.sqrt(alpha_bars[i - 1]) * betas[i] * x0 + np.sqrt(1 - betas[i]) * (1 - alpha_bars[i - 1]) * x_t
    post_mean /= 1 - alpha_bars[i]
    post_var = betas[i] * (1 - alpha_bars[i - 1]) / (1 - alpha_bars[i])
    model_mean = (x_t - betas[i] / np.sqrt(1 - alpha_bars[i]) * eps_hat) / np.sqrt(1 - betas[i])
    return gaussian_kl(post_mean, post_var, model_mean, betas[i])


def test_the_elbo_term_is_the_weighted_noise_error():
    """Differences of the per-step KL equal lambda_t times differences of squared eps errors."""
    rng = np.random.default_rng(4)
    for t in (2, 10, MID, STEPS):
        x0, eps = rng.normal(), rng.normal()
        e1, e2 = eps + 0.3, eps - 1.1
        gap = step_kl(t, x0, eps, e1) - step_kl(t, x0, eps, e2)
        assert np.isclose(gap, elbo_weight(t) * ((eps - e1) ** 2 - (eps - e2) ** 2), rtol=1e-7)
        assert step_kl(t, x0, eps, eps) < step_kl(t, x0, eps, e1)


def test_the_optimal_predictor_is_the_scaled_score_and_beats_perturbations():
    _, alpha_bars = schedule()
    a = alpha_bars[MID - 1]
    var_t = a * STD**2 + 1 - a
    h = 1e-5
    for x in (-1.0, 0.3, 2.5):
        log_p = lambda y: -0.5 * (y - np.sqrt(a) * MEAN) ** 2 / var_t  # noqa: E731
        score = (log_p(x + h) - log_p(x - h)) / (2 * h)
        assert np.isclose(diffusion().optimal_eps(x, a, MEAN, STD), -np.sqrt(1 - a) * score, rtol=1e-6)
    rng = np.random.default_rng(5)
    x0 = rng.normal(MEAN, STD, 400_000)
    eps = rng.standard_normal(x0.size)
    x_t = diffusion().noise(x0, eps, a)
    best = diffusion().optimal_eps(x_t, a, MEAN, STD)
    loss = np.mean((eps - best) ** 2)
    assert abs(loss - a * STD**2 / var_t) < 5 * np.sqrt(2 / x0.size) * loss + 1e-4
    for bend in (0.9, 1.1):
        assert np.mean((eps - bend * best) ** 2) > loss


def test_samplers_reproduce_their_exact_moments():
    betas, alpha_bars = schedule()
    rng = np.random.default_rng(6)
    x_T = rng.standard_normal(40_000)
    samples = diffusion().ddpm_sample(x_T, gaussian_eps, betas, alpha_bars, rng)
    mean, std = ddpm_moments("beta")
    assert abs(samples.mean() - mean) < 5 * std / np.sqrt(x_T.size)
    assert abs(samples.std() - std) < 5 * std / np.sqrt(2 * x_T.size)
    for n in DDIM_STEPS:
        steps = np.linspace(0, STEPS - 1, n).round().astype(int)
        out = diffusion().ddim_sample(x_T, gaussian_eps, alpha_bars, steps)
        offset, slope = ddim_affine(n, gaussian_eps)
        np.testing.assert_allclose(out, offset + slope * x_T, atol=1e-9)
    # fewer DDIM steps, narrower samples; the 1000-step sampler is within 1 % of the data's spread
    stds = [abs(ddim_affine(n, gaussian_eps)[1]) for n in DDIM_STEPS]
    assert stds[0] > stds[1] > stds[2] and abs(stds[0] - STD) < 0.01 * STD


def test_guidance_scale_one_is_the_conditional_and_three_overshoots_the_tilt():
    offset, slope = ddim_affine(STEPS, guided_eps_fn(1.0))
    assert abs(offset - COND) < 0.01 and abs(abs(slope) - 1.0) < 0.01
    offset, slope = ddim_affine(STEPS, guided_eps_fn(SCALE))
    assert offset > 2 * SCALE * COND / (1 + SCALE) + 0.3 and abs(slope) < np.sqrt(2 / (1 + SCALE)) - 0.1
    assert diffusion().guided_eps(1.0, 0.0, 0.0) == 0.0 and diffusion().guided_eps(1.0, 0.0, 1.0) == 1.0


def test_stated_values():
    assert_values(PAGE, expected_values())
