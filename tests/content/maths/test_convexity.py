"""questions/math/convexity.md: Hessian checks, the two-weight "network", and a convex problem without KKT."""

from fractions import Fraction as F

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/math/convexity.md"
CROSS_TERMS = (1, 3)  # f(x, y) = x^2 + c xy + y^2
NET_TARGET = 1
NET_POINTS = ((1, 1), (-1, -1), (0, 0))
DUAL_LAMBDA = 100


def hessian(f, point=(0.3, -0.7), h=1e-4):
    """Central finite-difference Hessian of a function of two variables."""
    p = np.array(point, dtype=float)
    out = np.zeros((2, 2))
    for i in range(2):
        for j in range(2):
            e_i, e_j = np.eye(2)[i] * h, np.eye(2)[j] * h
            out[i, j] = (f(p + e_i + e_j) - f(p + e_i - e_j) - f(p - e_i + e_j) + f(p - e_i - e_j)) / (4 * h * h)
    return out


def quadratic(c):
    return lambda p: p[0] ** 2 + c * p[0] * p[1] + p[1] ** 2


def net_loss(a, b):
    return (a * b - NET_TARGET) ** 2


DUAL_GRID = np.linspace(-1.0, 1.0, 2_000_001)


def dual_function(lam):
    """g(lambda) = inf_x x + lambda x^2, by brute force over a grid wide enough to hold the minimiser."""
    return float((DUAL_GRID + lam * DUAL_GRID**2).min())


def expected_values() -> dict[str, str]:
    values = {}
    for k, c in enumerate(CROSS_TERMS, start=1):
        h = np.rint(hessian(quadratic(c))).astype(int)
        low, high = np.linalg.eigvalsh(h)
        values |= {
            f"h{k}-11": str(h[0, 0]),
            f"h{k}-12": str(h[0, 1]),
            f"h{k}-21": str(h[1, 0]),
            f"h{k}-22": str(h[1, 1]),
            f"h{k}-low": f"{low:g}",
            f"h{k}-high": f"{high:g}",
        }
    values["h1-mu"] = values["h1-low"]
    values["f2-coef"] = str(CROSS_TERMS[1])
    values["net-target"] = str(NET_TARGET)
    values["net-target-again"] = str(NET_TARGET)
    for k, (a, b) in enumerate(NET_POINTS, start=1):
        values |= {f"net-a{k}": str(a), f"net-b{k}": str(b), f"net-l{k}": str(net_loss(a, b))}
    z = np.linspace(-20, 20, 400_001)
    s = 1 / (1 + np.exp(-z))
    values["sig-max"] = str(F((s * (1 - s)).max()).limit_denominator(10))
    grid = np.linspace(-1, 1, 200_001)
    values["cx-pstar"] = f"{abs(grid[grid**2 <= 0].min()):g}"  # min of x over the feasible set
    values["cx-lam"] = str(DUAL_LAMBDA)
    values["cx-dual"] = f"{dual_function(DUAL_LAMBDA):.4f}"
    xs = np.linspace(-3, 3, 60_001)
    envelope = np.minimum((xs - 1) ** 2, (xs + 1) ** 2)
    values["min-ends"] = f"{envelope[np.isclose(np.abs(xs), 1)].max():g}"
    values["min-mid"] = f"{envelope[np.isclose(xs, 0)][0]:g}"
    return values


def test_the_midpoint_violates_the_convexity_inequality():
    (a1, b1), (a2, b2), (a3, b3) = NET_POINTS
    assert (a3, b3) == ((a1 + a2) / 2, (b1 + b2) / 2)
    assert net_loss(a3, b3) > (net_loss(a1, b1) + net_loss(a2, b2)) / 2


def test_the_feasible_set_is_a_single_point_and_no_kkt_multiplier_exists():
    xs = np.linspace(-1, 1, 200_001)
    feasible = xs[xs**2 <= 0]
    assert np.array_equal(feasible, [0.0])  # Slater fails: nothing is strictly feasible
    # KKT stationarity at x* = 0 would make 0 a minimiser of the Lagrangian x + lam x^2 for some lam >= 0;
    # it never is: the minimiser is -1/(2 lam), left of 0 for every lam (and unbounded below at lam = 0)
    for lam in (0.5, 10.0, 1e3, 1e5):
        grid = np.linspace(-2, 2, 4_000_001)
        argmin = grid[(grid + lam * grid**2).argmin()]
        assert argmin < 0 and abs(argmin + 1 / (2 * lam)) < 1e-6


def test_the_dual_function_is_minus_one_over_four_lambda_and_creeps_up_to_zero():
    bounds = [dual_function(lam) for lam in (1, 10, 100, 1000)]
    assert np.allclose(bounds, [-1 / (4 * lam) for lam in (1, 10, 100, 1000)], atol=1e-9)
    assert all(b < 0 for b in bounds) and bounds == sorted(bounds)  # below p* = 0, rising, never reaching it


def test_stated_values():
    assert_values(PAGE, expected_values())
