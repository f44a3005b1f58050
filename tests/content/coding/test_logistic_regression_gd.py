"""questions/coding/logistic-regression-gd.md: the demo is run for every stated number, the Bayes
ceiling and true log-odds come from the generating Gaussians, Newton's method confirms the fitted
weights are the training optimum, and the step-size bound is computed on the same data."""

import inspect
import math
import runpy
import statistics

import numpy as np
import pytest

from tests.content.helpers import SNIPPETS, assert_values, load_snippet

PAGE = "questions/coding/logistic-regression-gd.md"
TRAIN = 300
NEWTON_TOLERANCE = 1e-10


def lr_mod():
    return load_snippet("coding/logistic_regression_gd.py")


def with_bias(X):
    return np.hstack([X, np.ones((len(X), 1))])


def newton(X, y, tolerance=NEWTON_TOLERANCE, max_steps=50):
    """IRLS on (w, b): returns (parameters, number of steps until the gradient norm is below tolerance)."""
    sigmoid = lr_mod().sigmoid
    A = with_bias(X)
    theta = np.zeros(A.shape[1])
    for step in range(max_steps):
        p = sigmoid(A @ theta)
        grad = A.T @ (p - y) / len(y)
        if np.linalg.norm(grad) < tolerance:
            return theta, step
        hessian = A.T @ (A * (p * (1 - p))[:, None]) / len(y)
        theta = theta - np.linalg.solve(hessian, grad)
    raise AssertionError("Newton did not converge")


def class_centres():
    """The generating means, read off a large sample of the snippet's own data and rounded."""
    X, y = lr_mod().make_blobs(n_per_class=200_000, seed=1)
    return [np.round(X[y == label].mean(axis=0)).astype(int) for label in (0.0, 1.0)]


def fmt_point(p) -> str:
    return ",".join(str(int(v)) for v in p)


def expected_values() -> dict[str, str]:
    mod = lr_mod()
    defaults = inspect.signature(mod.fit).parameters
    lr, epochs = defaults["lr"].default, defaults["epochs"].default
    per_class = inspect.signature(mod.make_blobs).parameters["n_per_class"].default
    data_seed = inspect.signature(mod.make_blobs).parameters["seed"].default
    X, y = mod.make_blobs()
    w, b, history = mod.fit(X[:TRAIN], y[:TRAIN])
    first, last, accuracy = mod.demo()
    assert (first, last) == (history[0], history[-1])
    neg, pos = class_centres()
    true_w = pos - neg  # log N(x; pos, I) - log N(x; neg, I) = (pos - neg) . x + const
    bayes = statistics.NormalDist().cdf(np.linalg.norm(pos - neg) / 2)
    test_size = len(y) - TRAIN
    _, steps = newton(X[:TRAIN], y[:TRAIN])
    lipschitz = float(np.linalg.eigvalsh(with_bias(X[:TRAIN]).T @ with_bias(X[:TRAIN]) / TRAIN).max() / 4)
    return {
        "centre-neg": fmt_point(neg),
        "centre-pos": fmt_point(pos),
        "per-class": f"{per_class}",
        "data-seed": f"{data_seed}",
        "train-size": f"{TRAIN}",
        "test-size": f"{test_size}",
        "epochs": f"{epochs}",
        "lr": f"{lr}",
        "loss-start": f"{first:.4f}",
        "loss-end": f"{last:.4f}",
        "w1": f"{w[0]:.2f}",
        "w2": f"{w[1]:.2f}",
        "bias": f"{b:.2f}",
        "accuracy": f"{accuracy:.2f}",
        "true-w1": f"{true_w[0]}",
        "true-w2": f"{true_w[1]}",
        "bayes-accuracy": f"{bayes:.3f}",
        "accuracy-se": f"{math.sqrt(bayes * (1 - bayes) / test_size):.3f}",
        "newton-steps": f"{steps}",
        "newton-tolerance": f"10^{{{round(math.log10(NEWTON_TOLERANCE))}}}",
        "lipschitz": f"{lipschitz:.3f}",
        "max-lr": f"{2 / lipschitz:.2f}",
        "lr-again": f"{lr}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_first_loss_is_ln_2_and_the_script_prints_the_stated_numbers(capsys):
    first, _, _ = lr_mod().demo()
    assert first == pytest.approx(math.log(2))
    runpy.run_path(str(SNIPPETS / "coding/logistic_regression_gd.py"), run_name="__main__")
    values = expected_values()
    assert capsys.readouterr().out.strip() == (
        f"loss {values['loss-start']} -> {values['loss-end']}, test accuracy {values['accuracy']}"
    )


def test_gradient_descent_reaches_the_newton_optimum():
    mod = lr_mod()
    X, y = mod.make_blobs()
    w, b, _ = mod.fit(X[:TRAIN], y[:TRAIN])
    theta, _ = newton(X[:TRAIN], y[:TRAIN])
    assert np.allclose(np.append(w, b), theta, atol=5e-3)


def test_true_log_odds_are_linear_with_the_stated_coefficients():
    neg, pos = class_centres()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(10, 2))
    log_ratio = -0.5 * ((x - pos) ** 2).sum(1) + 0.5 * ((x - neg) ** 2).sum(1)
    assert np.allclose(log_ratio, x @ (pos - neg))


def test_bayes_accuracy_by_simulation():
    neg, pos = class_centres()
    rng = np.random.default_rng(2)
    n = 200_000
    x = rng.normal(size=(n, 2)) + pos  # class 1 points; by symmetry class 0 behaves the same
    correct = float(np.mean(x @ (pos - neg) > 0))
    bayes = statistics.NormalDist().cdf(np.linalg.norm(pos - neg) / 2)
    assert abs(correct - bayes) < 4 * math.sqrt(bayes * (1 - bayes) / n)


def test_a_step_just_below_two_over_l_still_decreases_the_loss_every_time():
    mod = lr_mod()
    X, y = mod.make_blobs()
    Xt, yt = X[:TRAIN], y[:TRAIN]
    lipschitz = float(np.linalg.eigvalsh(with_bias(Xt).T @ with_bias(Xt) / TRAIN).max() / 4)
    history = mod.fit(Xt, yt, lr=0.95 * 2 / lipschitz, epochs=300)[2]
    assert all(later <= earlier + 1e-12 for earlier, later in zip(history, history[1:], strict=False))


def test_analytic_gradient_matches_finite_differences():
    mod = lr_mod()
    rng = np.random.default_rng(0)
    X = rng.normal(size=(50, 3))
    y = (rng.random(50) < 0.5).astype(float)
    w, b, l2 = rng.normal(size=3), 0.3, 0.1
    _, gw, gb = mod.loss_and_grad(w, b, X, y, l2)
    eps = 1e-6
    for i in range(3):
        e = np.zeros(3)
        e[i] = eps
        num = (mod.loss_and_grad(w + e, b, X, y, l2)[0] - mod.loss_and_grad(w - e, b, X, y, l2)[0]) / (2 * eps)
        assert num == pytest.approx(gw[i], abs=1e-6)
    num_b = (mod.loss_and_grad(w, b + eps, X, y, l2)[0] - mod.loss_and_grad(w, b - eps, X, y, l2)[0]) / (2 * eps)
    assert num_b == pytest.approx(gb, abs=1e-6)


def test_the_default_run_never_increases_the_loss():
    mod = lr_mod()
    Xb, yb = mod.make_blobs()
    history = mod.fit(Xb, yb)[2]
    assert all(later <= earlier + 1e-12 for earlier, later in zip(history, history[1:], strict=False))


def test_sigmoid_and_loss_are_numerically_stable():
    mod = lr_mod()
    with np.errstate(over="raise", invalid="raise"):
        s = mod.sigmoid(np.array([-1000.0, 0.0, 1000.0]))
        loss, _, _ = mod.loss_and_grad(np.array([1000.0]), 0.0, np.array([[1.0], [-1.0]]), np.array([0.0, 1.0]), 0.0)
    assert s.tolist() == [0.0, 0.5, 1.0]
    assert math.isfinite(loss) and loss == pytest.approx(1000.0)


def test_separable_classes_make_the_weights_grow_without_l2_and_stay_bounded_with_it():
    mod = lr_mod()
    X = np.array([[-2.0, 0.0], [-1.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    y = np.array([0.0, 0.0, 1.0, 1.0])
    short = np.linalg.norm(mod.fit(X, y, epochs=200)[0])
    long = np.linalg.norm(mod.fit(X, y, epochs=2000)[0])
    regularised = np.linalg.norm(mod.fit(X, y, epochs=2000, l2=0.1)[0])
    assert long > short + 1.0 and regularised < short
