"""Continuous control in one state: the actor's overestimation and TD3's clipped double Q, SAC's soft
value for a Gaussian policy, the tanh-squashed log-probability, and SAC's automatic temperature."""

import numpy as np


def actor_overestimation(actions, true_q, noise=0.1, trials=50_000, seed=0):
    """A deterministic actor picks argmax of a noisy critic Q1 (errors independent per action).

    Returns the mean error of the value the target uses: DDPG's Q1(a*) and TD3's min(Q1, Q2)(a*).
    """
    rng = np.random.default_rng(seed)
    q = true_q(actions)
    q1 = q + noise * rng.standard_normal((trials, len(actions)))
    q2 = q + noise * rng.standard_normal((trials, len(actions)))
    best = q1.argmax(axis=1)
    rows = np.arange(trials)
    ddpg = q1[rows, best] - q[best]
    td3 = np.minimum(q1[rows, best], q2[rows, best]) - q[best]
    return float(ddpg.mean()), float(td3.mean())


def smoothed_target_action(mu_next, rng, sigma=0.2, clip=0.5, low=-1.0, high=1.0):
    """TD3's target policy smoothing: a' = clip(mu(s') + clip(eps, -c, c), low, high)."""
    eps = np.clip(sigma * rng.standard_normal(np.shape(mu_next)), -clip, clip)
    return np.clip(mu_next + eps, low, high)


def soft_objective(mu, sigma, curvature, peak, alpha):
    """E_{a ~ N(mu, sigma^2)}[Q(a)] + alpha H for Q(a) = -curvature (a - peak)^2, in closed form."""
    expected_q = -curvature * ((mu - peak) ** 2 + sigma**2)
    entropy = 0.5 * np.log(2 * np.pi * np.e * sigma**2)
    return expected_q + alpha * entropy


def soft_optimum(curvature, peak, alpha):
    """pi* ∝ exp(Q / alpha) = N(peak, alpha / (2 curvature)); soft value alpha/2 log(pi alpha / curvature)."""
    sigma = np.sqrt(alpha / (2 * curvature))
    return peak, sigma, 0.5 * alpha * np.log(np.pi * alpha / curvature)


def gradient_estimators(mu, sigma, curvature, peak, samples=100_000, seed=0):
    """Per-sample estimates of d/dmu E[Q(a)], a ~ N(mu, sigma^2): reparameterised (SAC's actor)
    and score-function (REINFORCE, no baseline). Both are unbiased; returns (mean, variance) of each."""
    eps = np.random.default_rng(seed).standard_normal(samples)
    a = mu + sigma * eps
    reparam = -2 * curvature * (a - peak)  # dQ/da * da/dmu
    score = -curvature * (a - peak) ** 2 * (a - mu) / sigma**2  # Q(a) * d log pi / dmu
    return (float(reparam.mean()), float(reparam.var())), (float(score.mean()), float(score.var()))


def log_one_minus_tanh_sq(u):
    """log(1 - tanh(u)^2) = 2 (log 2 - u - softplus(-2u)), stable for large |u|."""
    return 2.0 * (np.log(2.0) - u - np.logaddexp(0.0, -2.0 * u))


def squashed_log_prob(u, mu, sigma):
    """log density of a = tanh(u), u ~ N(mu, sigma^2) (one dimension; sum over dimensions in general)."""
    log_normal = -0.5 * ((u - mu) / sigma) ** 2 - np.log(sigma) - 0.5 * np.log(2 * np.pi)
    return log_normal - log_one_minus_tanh_sq(u)


def tune_temperature(curvature, target_entropy, steps=2000, lr=0.05):
    """SAC's temperature loss -log_alpha (log pi + target), as implementations write it, with the policy
    kept optimal for the current alpha: log alpha falls while the entropy exceeds the target."""
    log_alpha = 0.0
    for _ in range(steps):
        _, sigma, _ = soft_optimum(curvature, 0.0, np.exp(log_alpha))
        entropy = 0.5 * np.log(2 * np.pi * np.e * sigma**2)  # = E[-log pi]
        log_alpha -= lr * (entropy - target_entropy)
    return float(np.exp(log_alpha))


if __name__ == "__main__":
    grid = np.linspace(-1, 1, 21)
    print("bias (DDPG, TD3):", actor_overestimation(grid, lambda a: -((a - 0.3) ** 2)))
    print("soft optimum (mu, sigma, V):", soft_optimum(1.0, 0.3, 0.2))
    with np.errstate(divide="ignore"):
        naive = np.log(1 - np.tanh(20.0) ** 2)  # tanh(20) rounds to 1.0: log(0)
    print("log(1 - tanh^2(20)):", log_one_minus_tanh_sq(20.0), "naive:", naive)
    print("alpha for target entropy -1:", tune_temperature(1.0, -1.0))
