"""questions/math/gradient-descent-variants.md: GD against heavy ball on a quadratic, heavy ball cycling on a
strongly convex function that is not quadratic, Nesterov converging there, and Adam's first step."""

import math
from fractions import Fraction as F

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/gradient-descent-variants.md"
MU, L = 1, 100
START = (1, 1)
TOL_EXPONENT = -6
# The piecewise example: mu = 1, L = 25; gradient 25x (x < 1), x + 24 (1 <= x < 2), 25x - 24 (x >= 2).
CX_MU, CX_L, CX_BREAKS, CX_X0 = 1, 25, (1, 2), 3.3
ADAM = (0.9, 0.999, 1e-8)  # Kingma and Ba (2015), section 2: the suggested defaults
PARAMS, FP32_BYTES = 10**9, 4


def momentum():
    return load_snippet("math/momentum.py")


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def piecewise_gradient_from_page(x: float) -> float:
    """The page's formula, built from mu, L and the break points (continuous at both breaks)."""
    b1, b2 = CX_BREAKS
    if x < b1:
        return CX_L * x
    if x < b2:
        return CX_MU * x + (CX_L - CX_MU) * b1
    return CX_L * x - (CX_L - CX_MU) * (b2 - b1)


def polyak(mu, big_l) -> tuple[F, F]:
    """Polyak's heavy-ball step and momentum for curvatures in [mu, L], exact when sqrt(L/mu) is rational."""
    root = F(math.isqrt(big_l * mu)) / mu  # sqrt(kappa) for the perfect squares used here
    assert root * root * mu == big_l
    lr = F(4, mu) / (root + 1) ** 2
    beta = ((root - 1) / (root + 1)) ** 2
    return lr, beta


def cycle_points():
    lr, beta = polyak(CX_MU, CX_L)
    xs = momentum().heavy_ball_1d(momentum().piecewise_gradient, float(lr), float(beta), CX_X0, 600)
    tail = xs[-3:]
    start = int(np.argmin(tail))  # report the cycle from its negative point
    return [tail[(start + k) % 3] for k in range(3)], xs


def nesterov_steps(tol=1e-6):
    kappa = CX_L / CX_MU
    beta = (math.sqrt(kappa) - 1) / (math.sqrt(kappa) + 1)
    xs = momentum().nesterov_1d(momentum().piecewise_gradient, 1 / CX_L, beta, CX_X0, 200)
    return next(k for k in range(len(xs)) if all(abs(x) < tol for x in xs[k:])), beta


def expected_values() -> dict[str, str]:
    m = momentum()
    gd_lr, hb_lr, hb_beta = m.tuned_settings(float(MU), float(L))
    lr_hb, beta_hb = polyak(MU, L)
    kappa = F(L, MU)
    root = F(math.isqrt(L // MU))
    rate_gd = (kappa - 1) / (kappa + 1)
    rate_hb = (root - 1) / (root + 1)
    rate_slow = 1 - F(MU, L)
    tol = 10.0**TOL_EXPONENT
    steps = {
        "slow": m.iterations_to_tol(1 / L, x0=START, tol=tol),
        "gd": m.iterations_to_tol(gd_lr, x0=START, tol=tol),
        "hb": m.iterations_to_tol(hb_lr, hb_beta, x0=START, tol=tol),
    }

    def predicted(rate) -> str:
        return str(round(math.log(tol) / math.log(float(rate))))

    cycle, _ = cycle_points()
    cx_lr, cx_beta = polyak(CX_MU, CX_L)
    nag_steps, nag_beta = nesterov_steps()
    nag_final = abs(momentum().nesterov_1d(momentum().piecewise_gradient, 1 / CX_L, nag_beta, CX_X0, 50)[-1])
    b1, b2 = CX_BREAKS
    return {
        "short-gd-steps": str(steps["gd"]),
        "short-hb-steps": str(steps["hb"]),
        "short-kappa": str(kappa),
        "beta1": f"{ADAM[0]}",
        "beta2": f"{ADAM[1]}",
        "eps": f"10^{{{round(math.log10(ADAM[2]))}}}",
        "mu-val": str(MU),
        "l-val": str(L),
        "kappa": str(kappa),
        "start-x": str(START[0]),
        "start-y": str(START[1]),
        "tol": f"10^{{{TOL_EXPONENT}}}",
        "lr-slow": f"{1 / L:g}",
        "rate-slow": f"{float(rate_slow):g}",
        "steps-slow": str(steps["slow"]),
        "lr-gd-frac": frac(F(2) / (L + MU)),
        "rate-gd-frac": frac(rate_gd),
        "rate-gd": f"{float(rate_gd):.3f}",
        "steps-gd": str(steps["gd"]),
        "lr-hb-frac": frac(lr_hb),
        "beta-hb-frac": frac(beta_hb),
        "beta-hb": f"{float(beta_hb):.3f}",
        "rate-hb-frac": frac(rate_hb),
        "rate-hb": f"{float(rate_hb):.3f}",
        "steps-hb": str(steps["hb"]),
        "pred-slow": predicted(rate_slow),
        "pred-gd": predicted(rate_gd),
        "pred-hb": predicted(rate_hb),
        "pred-hb-again": predicted(rate_hb),
        "rate-hb-power": frac(rate_hb),
        "cx-mu": str(CX_MU),
        "cx-l": str(CX_L),
        "cx-g1": str(CX_L),
        "cx-b1": str(b1),
        "cx-g2": str((CX_L - CX_MU) * b1),
        "cx-b1-again": str(b1),
        "cx-b2": str(b2),
        "cx-g3": str(CX_L),
        "cx-g4": str((CX_L - CX_MU) * (b2 - b1)),
        "cx-b2-again": str(b2),
        "cx-lr": frac(cx_lr),
        "cx-beta": frac(cx_beta),
        "cx-x0": f"{CX_X0}",
        "cx-c1": f"{cycle[0]:.2f}",
        "cx-c2": f"{cycle[1]:.2f}",
        "cx-c3": f"{cycle[2]:.2f}",
        "cx-nag-beta": frac((F(math.isqrt(CX_L // CX_MU)) - 1) / (F(math.isqrt(CX_L // CX_MU)) + 1)),
        "cx-nag-steps": str(nag_steps),
        "cx-min": f"{nag_final:g}",
        "cx-b1-third": str(b1),
        "cx-min-again": f"{nag_final:g}",
        "params": f"10^{round(math.log10(PARAMS))}",
        "adam-gb": f"{2 * PARAMS * FP32_BYTES / 1e9:g}",
        "weights-gb": f"{PARAMS * FP32_BYTES / 1e9:g}",
    }


def test_the_snippet_settings_are_polyaks_and_the_quadratic_rates_hold():
    m = momentum()
    gd_lr, hb_lr, hb_beta = m.tuned_settings()
    lr, beta = polyak(MU, L)
    assert (
        gd_lr == pytest.approx(2 / (L + MU))
        and hb_lr == pytest.approx(float(lr))
        and hb_beta == pytest.approx(float(beta))
    )
    # the spectral radius of the heavy-ball iteration matrix is sqrt(beta) = (sqrt(kappa) - 1)/(sqrt(kappa) + 1)
    for lam in (MU, L):
        matrix = np.array([[1 + hb_beta - hb_lr * lam, -hb_beta], [1.0, 0.0]])
        assert max(abs(np.linalg.eigvals(matrix))) == pytest.approx(math.sqrt(hb_beta), rel=1e-6)


def test_heavy_ball_has_a_repeated_eigenvalue_at_both_ends_of_the_spectrum():
    lr, beta = polyak(MU, L)
    for lam in (MU, L):
        b = 1 + beta - lr * lam
        assert b * b == 4 * beta  # the characteristic polynomial r^2 - b r + beta has a double root


def test_a_too_large_step_diverges_and_a_near_optimum_start_stops_at_once():
    m = momentum()
    assert m.iterations_to_tol(0.01, x0=(0.0, 1e-9), tol=1.0) == 1
    with pytest.raises(RuntimeError):
        m.iterations_to_tol(0.03, max_iter=200)  # lr > 2/L diverges along the steep axis


def test_the_piecewise_function_is_strongly_convex_and_smooth_with_the_page_constants():
    m = momentum()
    xs = np.linspace(-5, 5, 2001)
    grads = np.array([m.piecewise_gradient(x) for x in xs])
    assert np.allclose(grads, [piecewise_gradient_from_page(x) for x in xs])
    slopes = np.diff(grads) / np.diff(xs)
    assert slopes.min() >= CX_MU - 1e-9 and slopes.max() <= CX_L + 1e-9
    assert m.piecewise_gradient(0.0) == 0.0  # the minimiser is 0


def test_heavy_ball_cycles_and_nesterov_converges_on_the_piecewise_function():
    cycle, xs = cycle_points()
    tail = np.array(xs[-30:])
    assert np.abs(tail).min() > 0.5  # it stays away from the minimiser 0
    assert np.allclose(tail[3:], tail[:-3], atol=1e-9)  # period three
    assert nesterov_steps()[0] < 10


def test_heavy_ball_converges_on_the_quadratic_with_the_same_curvature_bounds():
    """The failure is due to non-quadratic shape, not to the constants: f = 25 x^2 / 2 converges."""
    lr, beta = polyak(CX_MU, CX_L)
    xs = momentum().heavy_ball_1d(lambda x: CX_L * x, float(lr), float(beta), CX_X0, 300)
    assert abs(xs[-1]) < 1e-9


def test_adams_first_step_has_unit_size_per_coordinate():
    b1, b2, eps = ADAM
    g = np.array([0.003, -250.0, 1e4])
    m_hat = (1 - b1) * g / (1 - b1)
    v_hat = (1 - b2) * g**2 / (1 - b2)
    step = m_hat / (np.sqrt(v_hat) + eps)
    assert np.allclose(step, np.sign(g), atol=1e-5)


def test_stated_values():
    assert_values(PAGE, expected_values())
