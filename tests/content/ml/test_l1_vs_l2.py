"""questions/ml/l1-vs-l2.md: the one-dimensional solutions, the soft threshold, the demo's table and
weights, and the orthonormal-design condition under which the lasso shrinks by exactly lambda."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/l1-vs-l2.md"
Z, LAM = 0.3, 0.5
ST_INPUT, ST_LAM = [3.0, -0.4, 1.2, 0.05], 0.5
DEMO_LAM, SEED = 0.1, 0


def sparsity():
    return load_snippet("ml/sparsity.py")


def grid_minimiser(objective) -> float:
    w = np.linspace(-1, 1, 200_001)
    return float(w[objective(w).argmin()])


def signed(x: float, fmt: str) -> str:
    """A number as the page prints it, with a true minus sign."""
    return format(x, fmt).replace("-", "−")


def demo_true_weights() -> np.ndarray:
    """The weights make_data plants, recovered by replaying its random draws and removing the noise."""
    sp = sparsity()
    X, y = sp.make_data(seed=SEED)
    rng = np.random.default_rng(SEED)
    assert np.array_equal(rng.standard_normal(X.shape), X)
    noise = 0.5 * rng.standard_normal(len(y))
    return np.round(np.linalg.lstsq(X, y - noise, rcond=None)[0], 9) + 0.0


def expected_values() -> dict[str, str]:
    sp = sparsity()
    l1 = grid_minimiser(lambda w: 0.5 * (w - Z) ** 2 + LAM * np.abs(w))
    l2 = grid_minimiser(lambda w: 0.5 * (w - Z) ** 2 + LAM / 2 * w**2)
    X, y = sp.make_data(seed=SEED)
    n, d = X.shape
    fits = {
        "ista": sp.lasso_ista(X, y, lam=DEMO_LAM),
        "subgradient": sp.lasso_subgradient(X, y, lam=DEMO_LAM),
        "ridge": sp.ridge(X, y, lam=DEMO_LAM),
    }
    true_weights = demo_true_weights()
    signal = int(np.count_nonzero(true_weights))
    assert np.all(true_weights[signal:] == 0)  # the signal features come first
    least_squares = np.linalg.lstsq(X, y, rcond=None)[0]
    shift = np.abs(least_squares[:signal]) - np.abs(fits["ista"][:signal])
    values = {
        "z": f"{Z}",
        "lam": f"{LAM}",
        "lam-again": f"{LAM}",
        "l1-solution": f"{abs(l1):.0f}",
        "l2-solution": f"{l2:.1f}",
        "st-input": ", ".join(map(str, ST_INPUT)),
        "st-lam": f"{ST_LAM}",
        "st-output": ", ".join(map(str, sp.soft_threshold(ST_INPUT, ST_LAM).tolist())),
        "samples": f"{n}",
        "features": f"{d}",
        "features-again": f"{d}",
        "signal-features": f"{signal}",
        "seed": f"{SEED}",
        "demo-lam": f"{DEMO_LAM}",
        "demo-lam-again": f"{DEMO_LAM}",
        "noise-features": f"{sp.count_zeros(fits['ista'])}",
    }
    for name, w in fits.items():
        values |= {f"{name}-zeros": f"{sp.count_zeros(w)}", f"{name}-smallest": f"{np.abs(w).min():.2g}"}
    for i in range(signal):
        values |= {
            f"true-w{i + 1}": signed(float(true_weights[i]), "g"),
            f"ista-w{i + 1}": signed(fits["ista"][i], ".4g"),
            f"shift-{i + 1}": f"{shift[i]:.3f}",
        }
    return values


def test_soft_threshold_zeroes_the_whole_band_and_never_returns_negative_zero():
    sp = sparsity()
    for z in np.linspace(-LAM, LAM, 11):
        assert float(sp.soft_threshold(z, LAM)) == 0.0
    out = sp.soft_threshold(ST_INPUT, ST_LAM)
    assert not np.signbit(out).any()
    assert sp.soft_threshold([], 1.0).size == 0


def test_soft_threshold_is_the_l1_proximal_operator():
    sp = sparsity()
    for z in (-1.3, -0.2, 0.0, 0.45, 0.8):
        best = grid_minimiser(lambda w, z=z: 0.5 * (w - z) ** 2 + LAM * np.abs(w))
        assert abs(best - sp.soft_threshold(z, LAM)) < 1e-5


def test_ista_satisfies_the_lasso_kkt_conditions():
    sp = sparsity()
    X, y = sp.make_data()
    w = sp.lasso_ista(X, y, lam=DEMO_LAM, steps=3000)
    grad = X.T @ (X @ w - y) / len(y)
    zero = w == 0.0
    assert np.all(np.abs(grad[zero]) <= DEMO_LAM + 1e-8)
    assert np.allclose(grad[~zero], -DEMO_LAM * np.sign(w[~zero]), atol=1e-6)


def test_with_an_orthonormal_design_the_lasso_is_the_soft_threshold_of_least_squares():
    sp = sparsity()
    rng = np.random.default_rng(3)
    n, d = 100, 10
    Q, _ = np.linalg.qr(rng.standard_normal((n, d)))
    X = np.sqrt(n) * Q  # X^T X = n I, the condition for the snippet's 1/(2n) loss
    y = X @ np.r_[3.0, -2.0, 1.5, np.zeros(d - 3)] + 0.5 * rng.standard_normal(n)
    least_squares = X.T @ y / n
    assert np.allclose(sp.lasso_ista(X, y, lam=DEMO_LAM), sp.soft_threshold(least_squares, DEMO_LAM), atol=1e-10)
    # ... and on the demo's correlated design it is not
    X, y = sp.make_data()
    least_squares = np.linalg.lstsq(X, y, rcond=None)[0]
    assert not np.allclose(sp.lasso_ista(X, y, lam=DEMO_LAM), sp.soft_threshold(least_squares, DEMO_LAM), atol=1e-3)


def test_stated_values():
    assert_values(PAGE, expected_values())
