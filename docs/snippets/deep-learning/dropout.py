"""Inverted dropout, its exact effect on a linear model, and the ensemble of all masks (NumPy only)."""

import itertools

import numpy as np


def dropout(x, p, rng):
    """Inverted dropout with drop probability p: zero each unit with probability p, scale survivors by 1/(1-p).

    Returns (output, mask); the backward pass multiplies the incoming gradient by the same mask / (1 - p).
    At test time the layer is the identity: E[output] = x already holds during training.
    """
    mask = rng.random(np.shape(x)) >= p
    return x * mask / (1 - p), mask


def all_masks(d):
    return np.array(list(itertools.product([0.0, 1.0], repeat=d)))


def expected_dropout_loss(X, y, w, p):
    """Exact E_mask[ sum_i (y_i - sum_j X_ij m_ij w_j / (1-p))^2 ] for input dropout on a linear model."""
    q = 1 - p
    return float(np.sum((y - X @ w) ** 2) + (p / q) * np.sum(w**2 * np.sum(X**2, axis=0)))


def mask_ensemble(x, w, p):
    """Exact average over all 2^d input masks of a logistic unit, against the weight-scaled (test-time) unit.

    Returns (arithmetic mean of the probabilities, normalised geometric mean, sigmoid(w'x)).
    """
    q = 1 - p
    masks = all_masks(len(x))
    weights = np.prod(np.where(masks == 1, q, p), axis=1)  # probability of each mask
    logits = (masks * x) @ w / q
    prob = 1 / (1 + np.exp(-logits))
    geo_pos = np.exp(weights @ np.log(prob))
    geo_neg = np.exp(weights @ np.log(1 - prob))
    return float(weights @ prob), float(geo_pos / (geo_pos + geo_neg)), float(1 / (1 + np.exp(-x @ w)))


# The page's examples: a logistic unit with 10 inputs, and a linear regression with 3 features.
_rng = np.random.default_rng(0)
X_UNIT, W_UNIT = _rng.normal(size=10), _rng.normal(size=10)
X_REG, Y_REG, W_REG = _rng.normal(size=(50, 3)), _rng.normal(size=50), np.array([0.5, -1.0, 2.0])

if __name__ == "__main__":
    rng = np.random.default_rng(1)
    out, mask = dropout(np.ones(100_000), 0.5, rng)
    print("mean after inverted dropout:", out.mean().round(3), "kept:", mask.mean().round(3))
    print("all 1024 masks: arithmetic mean, geometric mean, weight-scaled =", mask_ensemble(X_UNIT, W_UNIT, 0.5))
    draws = [np.sum((Y_REG - dropout(X_REG, 0.5, rng)[0] @ W_REG) ** 2) for _ in range(20_000)]
    print(
        "input dropout on least squares: Monte Carlo",
        np.mean(draws),
        "exact",
        expected_dropout_loss(X_REG, Y_REG, W_REG, 0.5),
    )
