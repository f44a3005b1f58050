"""questions/deep-learning/dropout.md: inverted scaling, the ridge identity by exact enumeration, the mask ensemble."""

import math
from functools import cache

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/dropout.md"
DO = load_snippet("deep-learning/dropout.py")
P_HALF, P_SMALL, MC_DRAWS, UNITS = 0.5, 0.1, 20_000, 4096


def test_inverted_dropout_keeps_the_mean_and_has_the_stated_variance():
    rng = np.random.default_rng(0)
    h = 1.7
    for p in (P_HALF, P_SMALL):
        out, mask = DO.dropout(np.full(400_000, h), p, rng)
        se = h * math.sqrt(p / (1 - p) / out.size)
        assert abs(out.mean() - h) < 4 * se
        assert out.var() == pytest.approx(h**2 * p / (1 - p), rel=0.02)
        assert set(np.unique(out)) <= {0.0, h / (1 - p)} and mask.mean() == pytest.approx(1 - p, abs=0.005)


def test_the_ridge_identity_by_enumerating_every_mask():
    """Exact expectation over all masks of a small problem, weighting each mask by its probability."""
    rng = np.random.default_rng(1)
    X, y, w, p = rng.normal(size=(3, 4)), rng.normal(size=3), rng.normal(size=4), 0.3
    masks = list(DO.all_masks(X.size).reshape(-1, *X.shape))
    total = 0.0
    for m in masks:
        prob = np.prod(np.where(m == 1, 1 - p, p))
        total += prob * np.sum((y - (X * m / (1 - p)) @ w) ** 2)
    assert total == pytest.approx(DO.expected_dropout_loss(X, y, w, p))


def test_geometric_mean_equals_the_weight_scaled_unit_for_random_units():
    rng = np.random.default_rng(2)
    for _ in range(20):
        x, w, p = rng.normal(size=8), rng.normal(size=8), rng.uniform(0.1, 0.7)
        arith, geo, scaled = DO.mask_ensemble(x, w, p)
        assert geo == pytest.approx(scaled, rel=1e-10)


@cache
def monte_carlo():
    rng = np.random.default_rng(1)
    draws = [np.sum((DO.Y_REG - DO.dropout(DO.X_REG, P_HALF, rng)[0] @ DO.W_REG) ** 2) for _ in range(MC_DRAWS)]
    return float(np.mean(draws)), float(np.std(draws) / math.sqrt(MC_DRAWS))


def test_monte_carlo_agrees_with_the_exact_expected_loss():
    mean, se = monte_carlo()
    assert abs(mean - DO.expected_dropout_loss(DO.X_REG, DO.Y_REG, DO.W_REG, P_HALF)) < 4 * se


def expected_values() -> dict[str, str]:
    clean = float(np.sum((DO.Y_REG - DO.X_REG @ DO.W_REG) ** 2))
    exact = DO.expected_dropout_loss(DO.X_REG, DO.Y_REG, DO.W_REG, P_HALF)
    arith, geo, scaled = DO.mask_ensemble(DO.X_UNIT, DO.W_UNIT, P_HALF)
    return {
        "p-half": f"{P_HALF}",
        "scale-half": f"{1 / (1 - P_HALF):.0f}",
        "p-small": f"{P_SMALL}",
        "scale-small": f"{1 / (1 - P_SMALL):.3f}",
        "var-small": f"{P_SMALL / (1 - P_SMALL):.3f}",
        "reg-n": f"{DO.X_REG.shape[0]}",
        "reg-d": f"{DO.X_REG.shape[1]}",
        "clean": f"{clean:.1f}",
        "penalty": f"{exact - clean:.1f}",
        "exact": f"{exact:.1f}",
        "mc-draws": f"{MC_DRAWS:,}",
        "mc": f"{monte_carlo()[0]:.1f}",
        "units": f"{UNITS:,}",
        "exponent": f"{math.floor(UNITS * math.log10(2))}",
        "arith": f"{arith:.4f}",
        "geo": f"{geo:.4f}",
        "scaled": f"{scaled:.4f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
