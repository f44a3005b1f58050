"""questions/math/matrix-calculus.md: every identity against central finite differences, and the numbers."""

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/matrix-calculus.md"
MG = load_snippet("math/matrix_gradients.py")
FD_TOL = 1e-7
A_QUAD, X_QUAD = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([1.0, -1.0])
A_LD = np.array([[2.0, 1.0], [0.0, 3.0]])
A_LS, B_LS, X_LS = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([1.0, 2.0, 3.0]), np.ones(2)


def rel_error(a, b):
    return np.max(np.abs(a - b)) / max(np.max(np.abs(b)), 1e-12)


def random_cases(seed=0):
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(4, 4))
    spd = A @ A.T + 4 * np.eye(4)  # det > 0
    return rng, A, spd


def test_quadratic_form_gradient_and_the_symmetric_only_formula_fails():
    rng, A, _ = random_cases()
    x = rng.normal(size=4)
    numeric = MG.numerical_gradient(lambda v: v @ A @ v, x)
    assert rel_error(MG.grad_quadratic_form(A, x), numeric) < FD_TOL
    assert rel_error(2 * A @ x, numeric) > 0.1


def test_log_det_gradient_is_the_inverse_transpose_not_the_inverse():
    rng, A, spd = random_cases(1)
    M = spd + 0.5 * rng.normal(size=(4, 4))  # non-symmetric, still det > 0
    assert np.linalg.det(M) > 0
    numeric = MG.numerical_gradient(lambda X: np.log(np.linalg.det(X)), M)
    assert rel_error(MG.grad_log_det(M), numeric) < FD_TOL
    assert rel_error(np.linalg.inv(M), numeric) > 0.01


def test_least_squares_and_linear_layer_gradients():
    rng = np.random.default_rng(2)
    A, b, x = rng.normal(size=(6, 3)), rng.normal(size=6), rng.normal(size=3)
    numeric = MG.numerical_gradient(lambda v: np.sum((A @ v - b) ** 2), x)
    assert rel_error(MG.grad_least_squares(A, x, b), numeric) < FD_TOL
    W, X, Y = rng.normal(size=(3, 4)), rng.normal(size=(4, 5)), rng.normal(size=(3, 5))
    numeric = MG.numerical_gradient(lambda M: np.sum((M @ X - Y) ** 2), W)
    grad = MG.grad_linear_layer(W, X, Y)
    assert grad.shape == W.shape and rel_error(grad, numeric) < FD_TOL


def test_trace_identities_of_the_follow_ups():
    rng = np.random.default_rng(3)
    A, X = rng.normal(size=(3, 3)), rng.normal(size=(3, 3))
    assert rel_error(A.T, MG.numerical_gradient(lambda M: np.trace(A @ M), X)) < FD_TOL
    assert rel_error((A + A.T) @ X, MG.numerical_gradient(lambda M: np.trace(M.T @ A @ M), X)) < FD_TOL
    # d(X^-1) = -X^-1 dX X^-1, along a random direction
    X = X + 3 * np.eye(3)
    V, eps = rng.normal(size=(3, 3)), 1e-6
    numeric = (np.linalg.inv(X + eps * V) - np.linalg.inv(X - eps * V)) / (2 * eps)
    assert rel_error(-np.linalg.inv(X) @ V @ np.linalg.inv(X), numeric) < FD_TOL


def test_the_page_examples_by_finite_differences():
    assert MG.numerical_gradient(lambda v: v @ A_QUAD @ v, X_QUAD) == pytest.approx(
        MG.grad_quadratic_form(A_QUAD, X_QUAD)
    )
    assert MG.numerical_gradient(lambda X: np.log(np.linalg.det(X)), A_LD) == pytest.approx(
        MG.grad_log_det(A_LD), abs=1e-8
    )


def expected_values() -> dict[str, str]:
    quad = MG.grad_quadratic_form(A_QUAD, X_QUAD)
    wrong = 2 * A_QUAD @ X_QUAD
    ld = MG.grad_log_det(A_LD)
    ls = MG.grad_least_squares(A_LS, X_LS, B_LS)
    residual = A_LS @ X_LS - B_LS
    x_star = np.linalg.solve(A_LS.T @ A_LS, A_LS.T @ B_LS)
    clean = lambda v, d: f"{v + 0.0:.{d}f}"  # noqa: E731  (+ 0.0 turns -0.0 into 0.0)
    return {
        "quad-g1": clean(quad[0], 0),
        "quad-g2": clean(quad[1], 0),
        "wrong-g1": clean(wrong[0], 0),
        "wrong-g2": clean(wrong[1], 0),
        "det": clean(np.linalg.det(A_LD), 0),
        "ld-11": f"{ld[0, 0]:g}",
        "ld-12": clean(ld[0, 1], 0),
        "ld-21": clean(ld[1, 0], 4),
        "ld-22": clean(ld[1, 1], 4),
        "r1": clean(residual[0], 0),
        "r2": clean(residual[1], 0),
        "r3": clean(residual[2], 0),
        "ls-g1": clean(ls[0], 0),
        "ls-g2": clean(ls[1], 0),
        "ls-x1": clean(round(x_star[0], 12), 0),
        "ls-x2": f"{x_star[1]:.1f}",
        "fd-tol": f"{FD_TOL:.0e}".replace("e-0", "e-"),
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
