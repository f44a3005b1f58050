"""questions/ml/svm-margin-hinge.md: the SMO solver against geometry, KKT conditions and duality."""

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/svm-margin-hinge.md"
SVM = load_snippet("ml/svm_smo.py")
C_MID, C_SMALL = 1.0, 0.1


def primal_objective(w, b, X, y, C):
    hinge = np.maximum(0.0, 1.0 - y * (X @ w + b))
    return 0.5 * w @ w + (0.0 if np.isinf(C) else C * hinge.sum())


def dual_objective(alpha, X, y):
    v = alpha * y
    return alpha.sum() - 0.5 * v @ (X @ X.T) @ v


def fit(X, y, C):
    w, b, alpha = SVM.linear_svm(X, y, C)
    margins = y * (X @ w + b)
    return {
        "w": w,
        "b": b,
        "alpha": alpha,
        "margin": 1 / np.linalg.norm(w),
        "support": int((alpha > 1e-8).sum()),
        "errors": int((margins < 0).sum()),
        "primal": primal_objective(w, b, X, y, C),
        "dual": dual_objective(alpha, X, y),
    }


def test_hard_margin_is_the_perpendicular_bisector_of_the_closest_pair():
    result = fit(SVM.X_TOY, SVM.Y_TOY, np.inf)
    # Geometry, independent of the solver: the bisector of (1, 1) and (-1, -1) is x1 + x2 = 0,
    # scaled so that the closest points have functional margin exactly 1.
    closest_pos, closest_neg = np.array([1.0, 1.0]), np.array([-1.0, -1.0])
    w_geom = 2 * (closest_pos - closest_neg) / np.sum((closest_pos - closest_neg) ** 2)
    assert result["w"] == pytest.approx(w_geom, abs=1e-9)
    assert result["b"] == pytest.approx(0.0, abs=1e-9)
    assert np.all(SVM.Y_TOY * (SVM.X_TOY @ w_geom) >= 1 - 1e-12)  # the other points are feasible
    assert result["alpha"] == pytest.approx([0.25, 0.0, 0.25, 0.0], abs=1e-9)


@pytest.mark.parametrize("C", [np.inf, C_MID, C_SMALL])
def test_kkt_conditions_and_zero_duality_gap(C):
    X, y = SVM.X_OUT, SVM.Y_OUT
    result = fit(X, y, C)
    alpha, margins = result["alpha"], y * (X @ result["w"] + result["b"])
    assert abs(alpha @ y) < 1e-9 and np.all(alpha >= -1e-12) and np.all(alpha <= C + 1e-9)
    assert np.all(margins[alpha < 1e-8] >= 1 - 1e-6)  # non-support vectors are outside the street
    free = (alpha > 1e-8) & (alpha < C - 1e-8)
    assert margins[free] == pytest.approx(1.0, abs=1e-6)  # free support vectors sit on the margin
    assert np.all(margins[alpha >= C - 1e-8] <= 1 + 1e-6)
    # Weak duality makes any dual value a lower bound on any primal value: equality certifies optimality.
    assert result["primal"] == pytest.approx(result["dual"], rel=1e-6)


def test_no_random_feasible_primal_point_beats_the_solver():
    X, y = SVM.X_OUT, SVM.Y_OUT
    best = fit(X, y, C_MID)["primal"]
    rng = np.random.default_rng(0)
    candidates = rng.normal(0, 2, size=(20_000, 3))
    values = [primal_objective(c[:2], c[2], X, y, C_MID) for c in candidates]
    assert min(values) >= best - 1e-9


def expected_values() -> dict[str, str]:
    hard = fit(SVM.X_TOY, SVM.Y_TOY, np.inf)
    out = {C: fit(SVM.X_OUT, SVM.Y_OUT, C) for C in (np.inf, C_MID, C_SMALL)}
    return {
        "w1": f"{hard['w'][0]:.1f}",
        "w2": f"{hard['w'][1]:.1f}",
        "b": f"{abs(hard['b']):.0f}",
        "margin": f"{hard['margin']:.3f}",
        "street": f"{2 * hard['margin']:.3f}",
        "alpha": f"{hard['alpha'][0]:.2f}",
        "alpha-sum": f"{hard['alpha'].sum():.1f}",
        "margin-hard": f"{out[np.inf]['margin']:.3f}",
        "sv-hard": f"{out[np.inf]['support']}",
        "err-hard": f"{out[np.inf]['errors']}",
        "c-mid": f"{C_MID:g}",
        "margin-mid": f"{out[C_MID]['margin']:.3f}",
        "sv-mid": f"{out[C_MID]['support']}",
        "err-mid": f"{out[C_MID]['errors']}",
        "c-small": f"{C_SMALL:g}",
        "margin-small": f"{out[C_SMALL]['margin']:.3f}",
        "sv-small": f"{out[C_SMALL]['support']}",
        "err-small": f"{out[C_SMALL]['errors']}",
        "widening": f"{out[C_MID]['margin'] / out[np.inf]['margin']:.1f}",
        "objective-mid": f"{out[C_MID]['primal']:.4f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
