"""questions/ml/kernel-trick.md: the explicit feature map, the XOR solution and the cost figures."""

import itertools
from math import comb

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/kernel-trick.md"
KP = load_snippet("ml/kernel_perceptron.py")
POLY_D, POLY_P = 100, 3
N_TRAIN, N_TEST, NOISE, GAMMA, EPOCHS = 200, 1000, 0.3, 1.0, 50
GRAM_N = 100_000


def phi(x):
    """The page's explicit feature map of (x'z + 1)^2 in two dimensions."""
    r2 = np.sqrt(2)
    return np.array([1, r2 * x[0], r2 * x[1], x[0] ** 2, x[1] ** 2, r2 * x[0] * x[1]])


def test_the_polynomial_kernel_is_an_inner_product_of_the_feature_map():
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(5, 2)), rng.normal(size=(7, 2))
    explicit = np.array([[phi(a) @ phi(b) for b in B] for a in A])
    assert KP.polynomial_kernel(A, B) == pytest.approx(explicit, rel=1e-12)


def test_monomial_count_by_enumeration():
    # Count monomials of degree <= 3 in 6 variables by brute force, compare with the formula.
    count = sum(1 for powers in itertools.product(range(4), repeat=6) if sum(powers) <= 3)
    assert count == comb(6 + 3, 3)


def test_rbf_gram_matrix_is_positive_definite_and_sigmoid_is_not_psd():
    X = np.random.default_rng(1).normal(size=(30, 3))
    assert np.linalg.eigvalsh(KP.rbf_kernel(X, X)).min() > 0
    sigmoid = np.tanh(2.0 * X @ X.T - 1.0)
    assert np.linalg.eigvalsh(sigmoid).min() < -1e-6


def xor_run():
    K = KP.polynomial_kernel(KP.XOR_X, KP.XOR_X)
    return KP.kernel_perceptron(K, KP.XOR_Y)


def test_xor_decision_function_is_eight_x1_x2():
    alpha, _ = xor_run()
    grid = np.random.default_rng(2).uniform(-3, 3, size=(50, 2))
    f = KP.decision(alpha, KP.XOR_Y, KP.polynomial_kernel(KP.XOR_X, grid))
    assert f == pytest.approx(8 * grid[:, 0] * grid[:, 1], rel=1e-12, abs=1e-12)


def test_xor_is_not_linearly_separable():
    # The page's argument, checked numerically: no (w, b) on a grid classifies all four points.
    for w1, w2, b in itertools.product(np.linspace(-3, 3, 25), repeat=3):
        f = KP.XOR_X @ np.array([w1, w2]) + b
        assert not np.all(KP.XOR_Y * f > 0)


def noisy_results():
    X, y = KP.noisy_xor(N_TRAIN, noise=NOISE, seed=1)
    X_test, y_test = KP.noisy_xor(N_TEST, noise=NOISE, seed=2)
    out = {}
    for name, kernel in [("linear", KP.linear_kernel), ("rbf", lambda A, B: KP.rbf_kernel(A, B, GAMMA))]:
        alpha, epochs = KP.kernel_perceptron(kernel(X, X), y, epochs=EPOCHS)
        train_acc = np.mean(np.sign(KP.decision(alpha, y, kernel(X, X))) == y)
        test_acc = np.mean(np.sign(KP.decision(alpha, y, kernel(X, X_test))) == y_test)
        out[name] = (alpha, epochs, train_acc, test_acc)
    return out


def test_linear_perceptron_never_separates_noisy_xor():
    alpha, epochs, train_acc, _ = noisy_results()["linear"]
    assert epochs == EPOCHS and train_acc < 0.75


def expected_values() -> dict[str, str]:
    alpha, epochs = xor_run()
    results = noisy_results()
    coef = KP.decision(alpha, KP.XOR_Y, KP.polynomial_kernel(KP.XOR_X, np.array([[1.0, 1.0]])))[0]
    return {
        "poly-d": f"{POLY_D}",
        "poly-p": f"{POLY_P}",
        "poly-features": f"{comb(POLY_D + POLY_P, POLY_P):,}",
        "xor-mistakes": f"{int(alpha.sum())}",
        "xor-epochs": f"{epochs}",
        "xor-coef": f"{coef:.0f}",
        "n-train": f"{N_TRAIN}",
        "noise": f"{NOISE}",
        "linear-epochs": f"{results['linear'][1]}",
        "linear-acc": f"{results['linear'][3]:.3f}",
        "n-test": f"{N_TEST:,}",
        "gamma": f"{GAMMA:g}",
        "rbf-epochs": f"{results['rbf'][1]}",
        "rbf-mistakes": f"{int((results['rbf'][0] > 0).sum())}",
        "rbf-acc": f"{results['rbf'][3]:.3f}",
        "gram-n": f"{GRAM_N:,}",
        "gram-gb": f"{GRAM_N**2 * 8 / 1e9:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
