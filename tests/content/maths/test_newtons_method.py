"""questions/math/newtons-method.md: Heron's iterates for sqrt(2), Newton for minimisation and its failures."""

import math
from fractions import Fraction as F

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/newtons-method.md"
A, X0 = 2, 1
TABLE_ROWS = 5
LNX_X0, BAD_X0 = F(1, 2), 3
CYCLE = (2, 2, 0.0)  # f(x) = x^3 - b x + c from x0
RECIPROCAL_A, RECIPROCAL_X0 = 4, 0.2
SADDLE_START = np.array([0.0, 1.0])
SADDLE_HESSIAN = np.diag([1.0, -1.0])  # f(x, y) = (x^2 - y^2) / 2


def newton_snippet():
    return load_snippet("math/newton.py")


def sci(x: float, digits: int) -> str:
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def heron_fractions(steps: int) -> list[F]:
    xs = [F(X0)]
    for _ in range(steps):
        xs.append((xs[-1] + A / xs[-1]) / 2)
    return xs


def lnx_errors(steps: int = 3) -> list[F]:
    """Newton on f'(x) = 1 - 1/x with f''(x) = 1/x^2, run by the snippet in exact arithmetic."""
    xs = newton_snippet().newton(lambda x: 1 - 1 / x, lambda x: 1 / x**2, LNX_X0, max_iter=steps)
    return [1 - x for x in xs]


def converges_for_lnx(x0: float) -> bool:
    try:
        xs = newton_snippet().newton(lambda x: 1 - 1 / x, lambda x: 1 / x**2, x0, max_iter=200)
    except (ZeroDivisionError, OverflowError):
        return False
    return abs(xs[-1] - 1) < 1e-9


def saddle_step():
    gradient = SADDLE_HESSIAN @ SADDLE_START
    x1 = SADDLE_START - np.linalg.solve(SADDLE_HESSIAN, gradient)

    def f(p):
        return 0.5 * p @ SADDLE_HESSIAN @ p

    return x1, f(SADDLE_START), f(x1)


def secant_order() -> float:
    """Estimate the order p from the secant iterates on x^2 - 2: e_{n+1} ~ C e_n^p."""
    xs = [F(1), F(2)]
    for _ in range(7):
        x0, x1 = xs[-2], xs[-1]
        f0, f1 = x0 * x0 - A, x1 * x1 - A
        xs.append(x1 - f1 * (x1 - x0) / (f1 - f0))
    root = math.sqrt(A)
    # exact rationals keep the errors meaningful far below float precision; use decimal logs
    errs = [abs(float(x) - root) if abs(float(x) - root) > 1e-14 else None for x in xs]
    logs = [math.log(e) for e in errs if e]
    return (logs[-1] - logs[-2]) / (logs[-2] - logs[-3])


def expected_values() -> dict[str, str]:
    xs = newton_snippet().sqrt_iterates(float(A), float(X0))
    root = math.sqrt(A)
    fractions = heron_fractions(TABLE_ROWS - 1)
    c = 1 / (2 * math.sqrt(A))
    e2 = abs(xs[2] - root)
    e2_rounded = float(f"{e2:.2e}")
    errors = [float(e) for e in lnx_errors()]
    bad = newton_snippet().newton(lambda x: 1 - 1 / x, lambda x: 1 / x**2, float(BAD_X0), max_iter=1)
    b, cc, cyc_x0 = CYCLE
    cycle = newton_snippet().newton(lambda x: x**3 - b * x + cc, lambda x: 3 * x**2 - b, cyc_x0, max_iter=4)
    halves = newton_snippet().newton(lambda x: x * x, lambda x: 2 * x, 1.0, max_iter=3)
    reciprocal = newton_snippet().newton(lambda x: 1 / x - RECIPROCAL_A, lambda x: -1 / x**2, RECIPROCAL_X0)
    x1, f0, f1 = saddle_step()
    scan = np.round(np.arange(-1.0, 3.01, 0.05), 2)
    inside = [x for x in scan if converges_for_lnx(float(x))]
    values = {
        "q-a": str(A),
        "short-x0": str(X0),
        "short-a": str(A),
        "short-steps": str(TABLE_ROWS - 1),
        "short-err": sci(abs(xs[TABLE_ROWS - 1] - root), 1),
        "a": str(A),
        "a-heron": str(A),
        "x0": str(X0),
        "c": f"{c:.3f}",
        "c-again": f"{c:.3f}",
        "e2": sci(e2, 2),
        "e3-pred": sci(float(f"{c:.3f}") * e2_rounded**2, 1),
        "n-iterates": str(len(xs)),
        "last-index": str(len(xs) - 1),
        "table-rows": str(TABLE_ROWS),
        "extra": str(len(xs) - TABLE_ROWS),
        "tol": f"10^{{{round(math.log10(newton_snippet().newton.__defaults__[0]))}}}",
        "saddle-x0": f"{SADDLE_START[0]:g}",
        "saddle-y0": f"{SADDLE_START[1]:g}",
        "saddle-f0": f"{f0:g}",
        "saddle-x1": f"{abs(x1[0]):g}",
        "saddle-y1": f"{abs(x1[1]):g}",
        "saddle-f1": f"{abs(f1):g}",
        "lnx-min": f"{newton_snippet().newton(lambda x: 1 - 1 / x, lambda x: 1 / x**2, 0.5)[-1]:g}",
        "lnx-x0": f"{float(LNX_X0)}",
        "lnx-e0": f"{errors[0]:g}",
        "lnx-e1": f"{errors[1]:g}",
        "lnx-e2": f"{errors[2]:g}",
        "lnx-e3": f"{errors[3]:g}",
        "bad-x0": str(BAD_X0),
        "bad-x1": f"{bad[1]:g}",
        "conv-lo": f"{min(inside) - 0.05:g}",
        "conv-hi": f"{max(inside) + 0.05:g}",
        "cyc-b": f"{b}",
        "cyc-c": f"{cc}",
        "cyc-x0": f"{cyc_x0:g}",
        "cyc-path": r" \to ".join(f"{x:g}" for x in cycle[:3]),
        "rep-factor": f"{halves[0] / halves[1]:g}",
        "golden": f"{(1 + math.sqrt(5)) / 2:.3f}",
        "rec-a": str(RECIPROCAL_A),
        "rec-x0": f"{RECIPROCAL_X0}",
        "rec-x1": f"{reciprocal[1]:.2f}",
        "rec-x2": f"{reciprocal[2]:.4f}",
        "rec-x3": f"{reciprocal[3]:.8f}",
    }
    for k in range(TABLE_ROWS):
        values[f"x-{k}"] = f"{xs[k]:.10f}"
        values[f"frac-{k}"] = str(fractions[k])
        values[f"err-{k}"] = sci(abs(xs[k] - root), 1)
    return values


def test_the_float_iterates_are_the_exact_heron_fractions():
    xs = newton_snippet().sqrt_iterates()
    for x, q in zip(xs, heron_fractions(len(xs) - 1), strict=True):
        assert x == pytest.approx(float(q), abs=1e-15)
    assert abs(xs[-1] - xs[-2]) < 1e-12 and all(abs(x - math.sqrt(2)) <= 2.3e-16 for x in xs[5:])


def test_the_error_constant_predicts_the_next_error():
    xs = newton_snippet().sqrt_iterates()
    c = 1 / (2 * math.sqrt(2))
    for k in (1, 2, 3):
        e, e_next = abs(xs[k] - math.sqrt(2)), abs(xs[k + 1] - math.sqrt(2))
        assert e_next == pytest.approx(c * e * e, rel=0.15)


def test_the_lnx_errors_square_exactly():
    errors = lnx_errors()
    assert all(errors[k + 1] == errors[k] ** 2 for k in range(len(errors) - 1))


def test_one_step_minimises_a_positive_definite_quadratic_whatever_the_conditioning():
    rng = np.random.default_rng(0)
    q, _ = np.linalg.qr(rng.normal(size=(4, 4)))
    hessian = q @ np.diag([1e-3, 1.0, 10.0, 1e4]) @ q.T
    b = rng.normal(size=4)
    x0 = rng.normal(size=4)
    x1 = x0 - np.linalg.solve(hessian, hessian @ x0 - b)
    assert np.allclose(hessian @ x1, b)


def test_snippet_edge_cases():
    newton = newton_snippet()
    with pytest.raises(ZeroDivisionError):
        newton.newton(lambda x: x * x + 1, lambda x: 2 * x, 0.0)
    assert newton.newton(lambda x: x - 3, lambda x: 1.0, 3.0) == [3.0, 3.0]
    assert newton.sqrt_iterates(9.0, 1.0)[-1] == pytest.approx(3.0)


def test_the_secant_order_is_the_golden_ratio():
    assert secant_order() == pytest.approx((1 + math.sqrt(5)) / 2, abs=0.05)


def test_stated_values():
    assert_values(PAGE, expected_values())
