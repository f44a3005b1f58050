"""questions/probability/mle-vs-map.md: MLE and MAP on a coin, and ridge regression as a Gaussian-prior MAP."""

from fractions import Fraction as F

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/probability/mle-vs-map.md"
HEADS, TOSSES, ALPHA, BETA = 3, 3, 2, 2
BIG_HEADS, BIG_TOSSES = 70, 100
UNIFORM = (1, 1)
SIGMA2, TAU2 = 1.0, 0.25


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def grid_argmax(heads: int, tosses: int, alpha: float, beta: float, points: int = 1_000_001) -> float:
    """The posterior mode by brute force: maximise the log posterior over a fine grid of theta."""
    theta = np.linspace(1e-9, 1 - 1e-9, points)
    log_post = (heads + alpha - 1) * np.log(theta) + (tosses - heads + beta - 1) * np.log1p(-theta)
    return float(theta[log_post.argmax()])


def map_estimate(heads: int, tosses: int, alpha: int, beta: int) -> F:
    return F(heads + alpha - 1, tosses + alpha + beta - 2)


def map_by_gradient_descent(x, y, sigma2, tau2, steps=20_000, lr=1e-3):
    """Minimise the negative log posterior of Bayesian linear regression directly."""
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        w -= lr * (x.T @ (x @ w - y) / sigma2 + w / tau2)
    return w


def expected_values() -> dict[str, str]:
    mle = F(HEADS, TOSSES)
    map_coin = map_estimate(HEADS, TOSSES, ALPHA, BETA)
    post_a, post_b = ALPHA + HEADS, BETA + TOSSES - HEADS
    big_map = map_estimate(BIG_HEADS, BIG_TOSSES, ALPHA, BETA)
    return {
        "short-heads": str(HEADS),
        "short-tosses": str(TOSSES),
        "short-mle": str(mle),
        "short-alpha": str(ALPHA),
        "short-beta": str(BETA),
        "short-map": f"{float(map_coin):.1f}",
        "tosses": str(TOSSES),
        "heads": str(HEADS),
        "mle": str(mle),
        "alpha": str(ALPHA),
        "beta": str(BETA),
        "post-a": str(post_a),
        "post-b": str(post_b),
        "map-num": f"{HEADS} + {ALPHA - 1}",
        "map-den": f"{TOSSES} + {ALPHA + BETA - 2}",
        "map-frac": rf"\frac{{{map_coin.numerator}}}{{{map_coin.denominator}}}",
        "map": f"{float(map_coin):.1f}",
        "post-mean-frac": frac(F(post_a, post_a + post_b)),
        "post-mean": f"{post_a / (post_a + post_b):.3f}",
        "big-heads": str(BIG_HEADS),
        "big-tosses": str(BIG_TOSSES),
        "big-mle": f"{BIG_HEADS / BIG_TOSSES:.1f}",
        "big-map-frac": frac(big_map),
        "big-map": f"{float(big_map):.3f}",
        "unif-a": str(UNIFORM[0]),
        "unif-b": str(UNIFORM[1]),
        "sigma2": f"{SIGMA2:g}",
        "tau2": f"{TAU2:g}",
        "lambda": f"{SIGMA2 / TAU2:g}",
    }


def test_the_closed_form_maps_are_the_posterior_modes():
    for heads, tosses, (alpha, beta) in ((HEADS, TOSSES, (ALPHA, BETA)), (BIG_HEADS, BIG_TOSSES, (ALPHA, BETA))):
        assert abs(grid_argmax(heads, tosses, alpha, beta) - float(map_estimate(heads, tosses, alpha, beta))) < 1e-5


def test_a_uniform_prior_gives_the_mle_and_the_prior_fades_with_data():
    assert abs(grid_argmax(7, 10, *UNIFORM) - 0.7) < 1e-5
    gap_small = abs(float(map_estimate(HEADS, TOSSES, ALPHA, BETA)) - HEADS / TOSSES)
    gap_big = abs(float(map_estimate(BIG_HEADS, BIG_TOSSES, ALPHA, BETA)) - BIG_HEADS / BIG_TOSSES)
    assert gap_big < gap_small / 10


def test_ridge_with_lambda_sigma2_over_tau2_is_the_gaussian_prior_map():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(30, 4))
    y = x @ np.array([1.0, -2.0, 0.5, 0.0]) + rng.normal(scale=np.sqrt(SIGMA2), size=30)
    lam = SIGMA2 / TAU2
    ridge = np.linalg.solve(x.T @ x + lam * np.eye(4), x.T @ y)
    assert np.allclose(map_by_gradient_descent(x, y, SIGMA2, TAU2), ridge, atol=1e-6)
    # a wrong lambda (the page's 4 replaced by 1/4) gives a different estimate
    assert not np.allclose(np.linalg.solve(x.T @ x + (TAU2 / SIGMA2) * np.eye(4), x.T @ y), ridge, atol=1e-3)


def test_stated_values():
    assert_values(PAGE, expected_values())
