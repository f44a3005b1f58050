"""questions/ml/logistic-regression-mle.md: gradient and Hessian, Newton on overlapping data, separable data."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/logistic-regression-mle.md"
LR = load_snippet("ml/logistic_mle.py")
X_OVERLAP, Y_OVERLAP = LR.with_intercept([-2, -1, 0, 1, 2, 3]), np.array([0, 0, 1, 0, 1, 1.0])
X_SEP, Y_SEP = LR.with_intercept([-2, -1, 1, 2]), np.array([0, 0, 1, 1.0])
CHECKPOINTS, L2 = (10, 100, 1_000, 10_000), 1.0


def test_gradient_and_hessian_match_finite_differences():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((25, 3)), (rng.random(25) < 0.5).astype(float)
    w, h = rng.standard_normal(3), 1e-6
    num_grad = [(LR.nll(w + h * e, X, y) - LR.nll(w - h * e, X, y)) / (2 * h) for e in np.eye(3)]
    assert np.allclose(LR.gradient(w, X, y), num_grad, atol=1e-5)
    num_hess = np.array([(LR.gradient(w + h * e, X, y) - LR.gradient(w - h * e, X, y)) / (2 * h) for e in np.eye(3)])
    assert np.allclose(LR.hessian(w, X), num_hess, atol=1e-5)
    assert np.linalg.eigvalsh(LR.hessian(w, X)).min() > 0


def test_newton_reaches_a_stationary_point_that_gradient_descent_agrees_with():
    w, _ = LR.newton(X_OVERLAP, Y_OVERLAP)
    assert np.linalg.norm(LR.gradient(w, X_OVERLAP, Y_OVERLAP)) < 1e-9
    v = np.zeros(2)
    for _ in range(20_000):
        v -= 0.2 * LR.gradient(v, X_OVERLAP, Y_OVERLAP)
    assert np.allclose(v, w, atol=1e-6)


def test_standard_errors_match_a_parametric_bootstrap():
    w, _ = LR.newton(X_OVERLAP, Y_OVERLAP)
    se = np.sqrt(np.diag(np.linalg.inv(LR.hessian(w, X_OVERLAP))))
    # Simulate datasets of 200 copies of the design from the fitted model: the inverse-Hessian SE scales as
    # 1/sqrt(200). The sd of 400 refits is itself uncertain by about 3.5 %, hence the 12 % tolerance.
    rng = np.random.default_rng(1)
    X_big = np.repeat(X_OVERLAP, 200, axis=0)
    p = LR.sigmoid(X_big @ w)
    fits = np.array([LR.newton(X_big, (rng.random(p.size) < p).astype(float))[0] for _ in range(400)])
    assert np.allclose(fits.std(axis=0) * math.sqrt(200), se, rtol=0.12)


def test_separable_data_has_no_finite_minimiser_but_a_stable_direction():
    runs = LR.gradient_descent_norms(X_SEP, Y_SEP, checkpoints=CHECKPOINTS)
    norms = [n for _, n, _ in runs]
    losses = [loss for _, _, loss in runs]
    assert all(b > a for a, b in zip(norms, norms[1:], strict=False))
    assert all(b < a / 5 for a, b in zip(losses, losses[1:], strict=False))
    steps = np.diff(norms)  # roughly constant growth per decade: logarithmic
    assert steps.max() / steps.min() < 1.2


def test_l2_gives_a_finite_unique_solution_on_separable_data():
    w, _ = LR.newton(X_SEP, Y_SEP, l2=L2)
    assert np.linalg.norm(LR.gradient(w, X_SEP, Y_SEP, l2=L2)) < 1e-9


def expected_values():
    w, iters = LR.newton(X_OVERLAP, Y_OVERLAP)
    se = np.sqrt(np.diag(np.linalg.inv(LR.hessian(w, X_OVERLAP))))
    runs = LR.gradient_descent_norms(X_SEP, Y_SEP, checkpoints=CHECKPOINTS)
    w_l2, _ = LR.newton(X_SEP, Y_SEP, l2=L2)
    values = {
        "newton-iters": f"{iters}",
        "intercept": f"{w[0]:.3f}",
        "slope": f"{w[1]:.3f}",
        "se-intercept": f"{se[0]:.3f}",
        "se-slope": f"{se[1]:.3f}",
        "odds-ratio": f"{math.exp(w[1]):.2f}",
        "sum-p": f"{LR.sigmoid(X_OVERLAP @ w).sum():.3f}",
        "lr": "1",
        "l2-lam": f"{L2:.0f}",
        "l2-slope": f"{w_l2[1]:.3f}",
        "l2-intercept": f"{abs(w_l2[0]):.0f}",
    }
    loss_digits = (3, 4, 5, 5)
    for i, ((t, norm, loss), digits) in enumerate(zip(runs, loss_digits, strict=True), start=1):
        values |= {f"t{i}": f"{t:,}", f"norm{i}": f"{norm:.2f}", f"loss{i}": f"{loss:.{digits}f}"}
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
