"""Every number on questions/math.md, recomputed from the inputs the page shows."""

import math
from fractions import Fraction as F

import numpy as np
import pytest

from tests.content.helpers import assert_stated, load_snippet

PAGE = "questions/math.md"


def r(x, digits):
    return f"{float(x):.{digits}f}"


# --- Newton's method --------------------------------------------------------------------------


def test_newton_sqrt2_iterates():
    newton = load_snippet("math/newton.py")
    xs = newton.sqrt_iterates()
    # exact rational iterates of Heron's rule
    exact = [F(1)]
    for _ in range(4):
        exact.append((exact[-1] + 2 / exact[-1]) / 2)
    assert exact[1:] == [F(3, 2), F(17, 12), F(577, 408), F(665857, 470832)]
    root = math.sqrt(2)
    for k, q in enumerate(exact):
        assert xs[k] == pytest.approx(float(q), abs=1e-15)
        error = abs(float(q) - root)
        row = f"| {k} | {xs[k]:.10f} | {q} | {error:.1e} |"
        assert_stated(PAGE, row)
    # stopping rule and convergence
    assert abs(xs[-1] - xs[-2]) < 1e-12
    assert abs(xs[-1] - root) < 1e-15
    c = 1 / (2 * math.sqrt(2))
    e2 = abs(xs[2] - root)
    assert f"{e2:.2e}" == "2.45e-03"
    predicted = float(r(c, 3)) * float(f"{e2:.2e}") ** 2
    assert f"{predicted:.1e}" == f"{abs(xs[3] - root):.1e}" == "2.1e-06"
    assert_stated(
        PAGE, f"\\approx {r(c, 3)}\\, e_n^2", f"{r(c, 3)} \\cdot (2.45\\text{{e-}}03)^2 \\approx 2.1\\text{{e-}}06"
    )
    assert len(xs) == 7 and all(abs(x - root) <= 4.5e-16 for x in xs[5:])
    assert_stated(PAGE, "10^{-12}", "$x_0, \\dots, x_6$")


def test_newton_edge_cases():
    newton = load_snippet("math/newton.py")
    # zero derivative is reported, not divided by
    with pytest.raises(ZeroDivisionError):
        newton.newton(lambda x: x * x + 1, lambda x: 2 * x, 0.0)
    # starting at the root stops after one step
    assert newton.newton(lambda x: x - 3, lambda x: 1.0, 3.0) == [3.0, 3.0]
    # other square roots
    assert newton.sqrt_iterates(9.0, 1.0)[-1] == pytest.approx(3.0)


def test_newton_optimisation_and_failures():
    newton = load_snippet("math/newton.py")
    # minimise x - ln x: Newton on f'(x) = 1 - 1/x with f''(x) = 1/x^2 -> x <- 2x - x^2
    xs = newton.newton(lambda x: 1 - 1 / x, lambda x: 1 / x**2, F(1, 2), max_iter=3)
    errors = [1 - x for x in xs]
    assert errors == [F(1, 2), F(1, 4), F(1, 16), F(1, 256)]
    assert [float(e) for e in errors] == [0.5, 0.25, 0.0625, 0.00390625]
    assert 2 * 3 - 3**2 == -3
    # convergence region 0 < x0 < 2: |1 - x0| < 1
    assert abs(1 - (2 * 1.99 - 1.99**2)) < abs(1 - 1.99)
    assert_stated(PAGE, "0.5, 0.25, 0.0625, 0.00390625", "$x_0 = 3 \\mapsto x_1 = -3$", "$0 < x_0 < 2$")
    # cycle of x^3 - 2x + 2 from 0
    cyc = newton.newton(lambda x: x**3 - 2 * x + 2, lambda x: 3 * x**2 - 2, 0.0, max_iter=4)
    assert cyc == [0.0, 1.0, 0.0, 1.0, 0.0]
    assert_stated(PAGE, "f(x) = x^3 - 2x + 2", "$0 \\to 1 \\to 0 \\to \\dots$")
    # repeated root: x <- x - x^2 / (2x) = x / 2
    halves = newton.newton(lambda x: x * x, lambda x: 2 * x, 1.0, max_iter=3)
    assert halves == [1.0, 0.5, 0.25, 0.125]
    # secant order and reciprocal iteration
    golden = (1 + math.sqrt(5)) / 2
    assert_stated(PAGE, r(golden, 3))
    recip = newton.newton(lambda x: 1 / x - 4, lambda x: -1 / x**2, 0.2)
    assert recip[-1] == pytest.approx(0.25)
    assert recip[1] == pytest.approx(0.2 * (2 - 4 * 0.2))


# --- gradient descent variants ---------------------------------------------------------------


def test_momentum_iteration_counts():
    mom = load_snippet("math/momentum.py")
    gd_lr, hb_lr, hb_beta = mom.tuned_settings()
    assert gd_lr == pytest.approx(2 / 101)
    assert hb_lr == pytest.approx(4 / 121) and hb_beta == pytest.approx(81 / 121)
    n_gd_slow = mom.iterations_to_tol(0.01)
    n_gd = mom.iterations_to_tol(gd_lr)
    n_hb = mom.iterations_to_tol(hb_lr, hb_beta)
    assert n_hb < n_gd < n_gd_slow
    rates = [1 - 1 / 100, F(99, 101), F(9, 11)]
    kappa = 100
    assert F(kappa - 1, kappa + 1) == F(99, 101)
    assert F(int(math.sqrt(kappa)) - 1, int(math.sqrt(kappa)) + 1) == F(9, 11)
    assert F(9, 11) ** 2 == F(81, 121)
    predicted = [round(math.log(1e6) / -math.log(float(q))) for q in rates]
    assert predicted == [1375, 691, 69]
    assert_stated(
        PAGE,
        f"$\\eta = 1/L = 0.01$ | 0.99 | {n_gd_slow} |",
        f"$\\eta = 2/(L+\\mu) = 2/101$ | $99/101 \\approx {r(F(99, 101), 3)}$ | {n_gd} |",
        f"$\\eta = 4/121$, $\\beta = 81/121 \\approx {r(hb_beta, 3)}$ | $9/11 \\approx {r(F(9, 11), 3)}$ | {n_hb} |",
        "1375",
        "691",
        " 69 ",
        "10^{-6}",
        "\\kappa = 100",
    )


def test_momentum_edge_cases():
    mom = load_snippet("math/momentum.py")
    # starting at the optimum's neighbourhood converges at once; a divergent step raises
    assert mom.iterations_to_tol(0.01, x0=(0.0, 1e-9), tol=1.0) == 1
    with pytest.raises(RuntimeError):
        mom.iterations_to_tol(0.03, max_iter=200)  # lr > 2/L diverges along the steep axis


def test_heavy_ball_double_root():
    # characteristic polynomial r^2 - (1 + beta - eta*lam) r + beta has a double root at lam = mu, L
    eta, beta = F(4, 121), F(81, 121)
    for lam in (1, 100):
        b = 1 + beta - eta * lam
        assert b * b == 4 * beta


def test_adam_facts():
    assert_stated(PAGE, "\\beta_1 = 0.9", "\\beta_2 = 0.999", "\\epsilon = 10^{-8}")
    # one Adam step: m_hat / sqrt(v_hat) = g / |g|
    g = np.array([0.003, -250.0])
    b1, b2 = 0.9, 0.999
    m_hat = (1 - b1) * g / (1 - b1)
    v_hat = (1 - b2) * g**2 / (1 - b2)
    assert np.allclose(m_hat / np.sqrt(v_hat), np.sign(g))
    params = 10**9
    weights_gb = params * 4 / 1e9
    adam_gb = 2 * params * 4 / 1e9
    assert (weights_gb, adam_gb) == (4, 8)
    assert_stated(PAGE, "$10^9$", f"{int(adam_gb)} GB", f"{int(weights_gb)} GB")


# --- convexity --------------------------------------------------------------------------------


def test_convexity_examples():
    h1 = np.array([[2.0, 1.0], [1.0, 2.0]])
    h2 = np.array([[2.0, 3.0], [3.0, 2.0]])
    assert np.allclose(np.linalg.eigvalsh(h1), [1, 3])
    assert np.allclose(np.linalg.eigvalsh(h2), [-1, 5])

    def loss(a, b):
        return (a * b - 1) ** 2

    assert (loss(1, 1), loss(-1, -1), loss(0, 0)) == (0, 0, 1)
    z = np.linspace(-10, 10, 2001)
    s = 1 / (1 + np.exp(-z))
    assert (s * (1 - s)).max() == pytest.approx(0.25)
    assert_stated(
        PAGE,
        "$\\{1, 3\\}$",
        "$\\{-1, 5\\}$",
        "$L(1,1) = 0$",
        "$L(-1,-1) = 0$",
        "$L(0, 0) = 1$",
        "\\sigma(1-\\sigma) \\le 1/4",
    )


# --- SVD --------------------------------------------------------------------------------------


def test_svd_worked_example():
    a = np.array([[3.0, 0.0], [4.0, 5.0]])
    ata = a.T @ a
    assert np.array_equal(ata, [[25, 20], [20, 25]])
    assert np.allclose(np.linalg.eigvalsh(ata), [5, 45])
    u, s, vt = np.linalg.svd(a)
    assert np.allclose(s, [3 * math.sqrt(5), math.sqrt(5)])
    v1, v2 = np.array([1, 1]) / math.sqrt(2), np.array([1, -1]) / math.sqrt(2)
    u1, u2 = np.array([1, 3]) / math.sqrt(10), np.array([3, -1]) / math.sqrt(10)
    assert np.allclose(a @ v1 / s[0], u1) and np.allclose(a @ v2 / s[1], u2)
    assert np.allclose(s[0] * np.outer(u1, v1) + s[1] * np.outer(u2, v2), a)
    assert s[0] * s[1] == pytest.approx(abs(np.linalg.det(a))) == pytest.approx(15)
    assert (s**2).sum() == pytest.approx(50) == pytest.approx((a**2).sum())
    assert sorted(np.linalg.eigvals(a).real) == pytest.approx([3, 5])
    assert np.allclose(a @ [1, -2], 3 * np.array([1, -2]))
    assert np.allclose(a @ [0, 1], 5 * np.array([0, 1]))
    rank1 = s[0] * np.outer(u1, v1)
    assert np.allclose(rank1, [[1.5, 1.5], [4.5, 4.5]])
    assert np.linalg.norm(a - rank1, 2) == pytest.approx(s[1])
    assert F(45, 50) == F(9, 10)
    assert_stated(
        PAGE,
        "\\begin{pmatrix} 25 & 20 \\\\ 20 & 25 \\end{pmatrix}",
        "$\\lambda_1 = 45$",
        "$\\lambda_2 = 5$",
        f"3\\sqrt5 \\approx {r(s[0], 3)}",
        f"\\sqrt5 \\approx {r(s[1], 3)}",
        "u_1 = (1, 3)/\\sqrt{10}",
        "u_2 = (3, -1)/\\sqrt{10}",
        "\\sigma_1 \\sigma_2 = 15",
        "\\sigma_1^2 + \\sigma_2^2 = 50",
        "$(1, -2)$",
        "$(0, 1)$",
        f"{r(s[0], 3)})",
        "$\\sigma_1/\\sigma_2 = 3$",
        "\\begin{pmatrix} 1.5 & 1.5 \\\\ 4.5 & 4.5 \\end{pmatrix}",
        "$45/50 = 90\\,\\%$",
        f"\\sigma_2 \\approx {r(s[1], 3)}",
    )


# --- Jacobians ----------------------------------------------------------------------------------


def test_softmax_jacobian():
    sj = load_snippet("math/softmax_jacobian.py")
    z = np.array([1.0, 2.0, 3.0])
    s = sj.softmax(z)
    jac = sj.softmax_jacobian(z)
    assert np.abs(jac - sj.numerical_jacobian(sj.softmax, z)).max() < 1e-9
    assert np.allclose(jac, jac.T) and np.allclose(jac.sum(axis=1), 0)
    assert np.linalg.matrix_rank(jac) == 2
    assert_stated(
        PAGE,
        "s \\approx ({}, {}, {})".format(*(r(v, 4) for v in s)),
        "({}, {}, {})".format(*(r(jac[i, i], 4) for i in range(3))),
        *(f"${r(v, 4)}$" for v in (jac[0, 1], jac[0, 2], jac[1, 2])),
        "z = (1, 2, 3)",
    )
    # edge cases: one logit, huge logits (no overflow), shift invariance
    assert sj.softmax(np.array([5.0]))[0] == 1.0
    assert np.allclose(sj.softmax(np.array([1000.0, 1000.0])), [0.5, 0.5])
    assert np.allclose(sj.softmax(z + 7.0), s)


def test_network_gradients():
    sj = load_snippet("math/softmax_jacobian.py")
    value, dw1, dw2 = sj.backprop(sj.W1, sj.W2)
    assert value == pytest.approx(sj.loss(sj.W1, sj.W2))
    err = sj.max_gradient_error()
    assert err < 1e-9
    h = np.tanh(sj.W1 @ sj.X)
    s = sj.softmax(sj.W2 @ h)
    assert np.allclose(dw2[sj.LABEL], (s[sj.LABEL] - 1) * h)
    row = "(" + ", ".join(r(v, 3) for v in dw2[sj.LABEL]) + ")"
    assert_stated(PAGE, r(value, 4), row, "1e-9", "x = (1, -2)", "\\varepsilon = 10^{-6}")
    assert sj.X.tolist() == [1.0, -2.0] and sj.LABEL == 1


# --- Lagrange multipliers ------------------------------------------------------------------------


def test_constrained_quadratic():
    lam = F(5) / (F(1, 2) + 2)
    x, y = lam / 2, lam
    assert (lam, x, y) == (2, 1, 2) and x + 2 * y == 5
    assert x**2 + y**2 == 5
    c = F(5)
    assert c**2 / 5 == 5 and 2 * c / 5 == lam
    # brute-force check along the line x = 5 - 2y
    ys = np.linspace(-5, 5, 100001)
    vals = (5 - 2 * ys) ** 2 + ys**2
    assert ys[vals.argmin()] == pytest.approx(2, abs=1e-3) and vals.min() == pytest.approx(5)
    assert_stated(
        PAGE,
        "$\\lambda = 2$",
        "$(x, y) = (1, 2)$",
        "$f = 5$",
        "f^*(c) = c^2/5",
        "2c/5 = 2 = \\lambda",
        "\\lambda/2 + 2\\lambda = 5",
    )


def test_max_entropy():
    me = load_snippet("math/max_entropy.py")
    lam_u, p_u = me.max_entropy_with_mean(3.5)
    assert abs(lam_u) < 1e-9 and np.allclose(p_u, 1 / 6)
    assert me.entropy(p_u) == pytest.approx(math.log(6))
    lam, p = me.max_entropy_with_mean(4.5)
    faces = np.arange(1, 7)
    assert p @ faces == pytest.approx(4.5) and p.sum() == pytest.approx(1)
    # the Gibbs form p_i ∝ exp(lam * i)
    w = np.exp(lam * faces)
    assert np.allclose(p, w / w.sum())
    # any other distribution with mean 4.5 has lower entropy
    rng = np.random.default_rng(0)
    for _ in range(200):
        d = rng.normal(size=6)
        d -= d.mean()
        d -= (d @ (faces - faces.mean())) / ((faces - faces.mean()) @ (faces - faces.mean())) * (faces - faces.mean())
        q = p + 0.01 * d
        if (q > 0).all():
            assert me.entropy(q) < me.entropy(p)
    with pytest.raises(ValueError):
        me.max_entropy_with_mean(6.0)
    assert_stated(
        PAGE,
        f"H = \\ln 6 \\approx {r(math.log(6), 4)}",
        f"\\lambda \\approx {r(lam, 4)}",
        "p \\approx (" + ", ".join(r(v, 4) for v in p) + ")",
        f"H \\approx {r(me.entropy(p), 4)}",
        "$m = 4.5$",
        "$m = 3.5$",
        "$\\lambda = 0$",
    )


def test_rayleigh_quotient():
    a = np.array([[2.0, 1.0], [1.0, 2.0]])
    vals, vecs = np.linalg.eigh(a)
    assert vals[-1] == pytest.approx(3)
    assert np.allclose(np.abs(vecs[:, -1]), np.array([1, 1]) / math.sqrt(2))
    assert_stated(PAGE, f"$\\lambda_{{\\max}} = {vals[-1]:.0f}$", "$(1, 1)/\\sqrt2$")
