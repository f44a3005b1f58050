"""questions/ml/bias-variance.md: the k-NN variance dial and the ensemble's correlation floor."""

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/ml/bias-variance.md"
NOISE, K_SMALL, K_LARGE = 0.25, 1, 10
RHO, MODELS = 0.3, 100


def knn_prediction_variance(k: int, noise: float, trials: int = 20_000, seed: int = 0) -> float:
    """Variance over training sets of a k-NN regression prediction at x0 = 0, with fixed inputs.

    Each trial draws new noisy targets for the same 50 inputs and predicts with the mean target of
    the k inputs nearest to x0: the spread of that prediction is the page's variance term.
    """
    rng = np.random.default_rng(seed)
    inputs = np.linspace(-1.0, 1.0, 50)
    nearest = np.argsort(np.abs(inputs - 0.0), kind="stable")[:k]
    targets = np.sin(3 * inputs) + rng.normal(0.0, np.sqrt(noise), size=(trials, inputs.size))
    return float(targets[:, nearest].mean(axis=1).var())


def ensemble_error_variance(rho: float, models: int, trials: int = 100_000, seed: int = 1) -> float:
    """Variance of the mean of `models` unit-variance errors with pairwise correlation rho, simulated."""
    rng = np.random.default_rng(seed)
    shared = rng.standard_normal(trials)[:, None]
    errors = np.sqrt(rho) * shared + np.sqrt(1 - rho) * rng.standard_normal((trials, models))
    return float(errors.mean(axis=1).var())


def expected_values() -> dict[str, str]:
    return {
        "noise": f"{NOISE}",
        "k-small": f"{K_SMALL}",
        "k-large": f"{K_LARGE}",
        "variance-k1": f"{NOISE / K_SMALL:.2f}",
        "variance-k10": f"{NOISE / K_LARGE:.3f}",
        "rho": f"{RHO}",
        "models": f"{MODELS}",
        "floor": f"{RHO + (1 - RHO) / MODELS:.3f}",
    }


def test_knn_prediction_variance_is_noise_over_k():
    for k in (K_SMALL, K_LARGE):
        assert abs(knn_prediction_variance(k, NOISE) - NOISE / k) < 0.05 * NOISE / k


def test_the_ensemble_floor_matches_simulation():
    assert abs(ensemble_error_variance(RHO, MODELS) - (RHO + (1 - RHO) / MODELS)) < 0.01


def test_stated_values():
    assert_values(PAGE, expected_values())
