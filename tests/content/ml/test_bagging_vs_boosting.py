"""questions/ml/bagging-vs-boosting.md: the stump fit, boosting's descent, AdaBoost's weights, the table."""

import math
from functools import cache

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/bagging-vs-boosting.md"
GB = load_snippet("ml/gradient_boosting.py")
RF_D, N_BOOT, EPS = 100, 1000, 0.3
NOISE, N_TRAIN, N_TEST, BAG_B = 0.3, 200, 5000, 100
ROUNDS = (10, 300, 3000)


def test_stump_is_the_least_squares_stump():
    rng = np.random.default_rng(0)
    x, r = rng.uniform(0, 1, 60), rng.normal(size=60)
    threshold, _, _ = GB.fit_stump(x, r)

    def sse(t):
        left = x <= t
        return ((r[left] - r[left].mean()) ** 2).sum() + ((r[~left] - r[~left].mean()) ** 2).sum()

    xs = np.sort(x)
    assert sse(threshold) == pytest.approx(min(sse(t) for t in (xs[:-1] + xs[1:]) / 2))


def test_pseudo_residuals_are_negative_gradients():
    """The page's list: y - F (squared), sign(y - F) (absolute), y - sigmoid(F) (log loss), by finite differences."""
    h = 1e-6
    losses = {
        "squared": (lambda y, F: 0.5 * (y - F) ** 2, lambda y, F: y - F),
        "absolute": (lambda y, F: abs(y - F), lambda y, F: math.copysign(1.0, y - F)),
        "log": (
            lambda y, F: -(y * math.log(1 / (1 + math.exp(-F))) + (1 - y) * math.log(1 - 1 / (1 + math.exp(-F)))),
            lambda y, F: y - 1 / (1 + math.exp(-F)),
        ),
    }
    for y, F in [(1.0, 0.3), (0.0, -1.2), (1.0, 2.5)]:
        for loss, residual in losses.values():
            numeric = -(loss(y, F + h) - loss(y, F - h)) / (2 * h)
            assert numeric == pytest.approx(residual(y, F), abs=1e-6)


@cache
def models():
    x, y = GB.toy_data(N_TRAIN, noise=NOISE, seed=1)
    x_test, y_test = GB.toy_data(N_TEST, noise=NOISE, seed=2)
    return x, y, x_test, y_test, {lr: GB.gradient_boost(x, y, max(ROUNDS), lr) for lr in (0.1, 1.0)}


def test_boosting_training_loss_never_increases():
    for model in models()[4].values():
        history = np.array(model[2])
        assert np.all(np.diff(history) <= 1e-12)


def adaboost_misclassified_share(n=10, seed=0):
    """One AdaBoost reweighting with random weights and a weighted error of EPS: the new weight of the mistakes."""
    rng = np.random.default_rng(seed)
    w = rng.uniform(0.5, 1.5, n)
    wrong = np.zeros(n, dtype=bool)
    wrong[:3] = True
    w[wrong] *= EPS / w[wrong].sum()  # scale so that the weighted error is exactly EPS
    w[~wrong] *= (1 - EPS) / w[~wrong].sum()
    alpha = 0.5 * math.log((1 - EPS) / EPS)
    w = w * np.where(wrong, math.exp(alpha), math.exp(-alpha))
    return w[wrong].sum() / w.sum()


def test_adaboost_reweighting_gives_the_misclassified_half_the_weight():
    assert adaboost_misclassified_share() == pytest.approx(0.5)


def test_bootstrap_in_bag_fraction_by_simulation():
    rng = np.random.default_rng(0)
    fractions = [len(np.unique(rng.integers(0, N_BOOT, N_BOOT))) / N_BOOT for _ in range(2000)]
    assert np.mean(fractions) == pytest.approx(1 - (1 - 1 / N_BOOT) ** N_BOOT, abs=0.002)


def expected_values() -> dict[str, str]:
    x, y, x_test, y_test, boosted = models()

    def mse(predict):
        return np.mean((y - predict(x)) ** 2), np.mean((y_test - predict(x_test)) ** 2)

    stump = GB.fit_stump(x, y)
    bag = GB.bagged_stumps(x, y, BAG_B)
    table = {"stump": mse(lambda t: GB.stump_predict(stump, t)), "bag": mse(lambda t: GB.bag_predict(bag, t))}
    for rounds in ROUNDS:
        table[f"b01-{rounds}"] = mse(lambda t, r=rounds: GB.boost_predict(boosted[0.1], t, 0.1, r))
    table["b1-3000"] = mse(lambda t: GB.boost_predict(boosted[1.0], t, 1.0, 3000))
    alpha = 0.5 * math.log((1 - EPS) / EPS)
    in_bag = 1 - (1 - 1 / N_BOOT) ** N_BOOT
    values = {
        "rf-d": f"{RF_D}",
        "rf-m": f"{math.isqrt(RF_D)}",
        "in-bag": f"{in_bag:.3f}",
        "n-boot": f"{N_BOOT:,}",
        "oob-pct": f"{(1 - in_bag) * 100:.1f} %",
        "eps": f"{EPS}",
        "ada-alpha": f"{alpha:.3f}",
        "up": f"{math.exp(alpha):.3f}",
        "down": f"{math.exp(-alpha):.3f}",
        "share": f"{adaboost_misclassified_share() * 100:.0f} %",
        "noise": f"{NOISE}",
        "floor": f"{NOISE**2:.3f}",
        "n-train": f"{N_TRAIN}",
        "n-test": f"{N_TEST:,}",
        "bag-b": f"{BAG_B}",
        "r-few": f"{ROUNDS[0]}",
        "r-mid": f"{ROUNDS[1]}",
        "r-many": f"{ROUNDS[2]:,}",
        "r-many-2": f"{ROUNDS[2]:,}",
    }
    for name, (train, test) in table.items():
        values[f"{name}-train"] = f"{train:.3f}"
        values[f"{name}-test"] = f"{test:.3f}"
    return values


def test_bagging_leaves_the_stump_bias_and_boosting_removes_it():
    values = {k: float(v) for k, v in expected_values().items() if k.endswith("-test") and k != "n-test"}
    assert values["bag-test"] > 0.9 * values["stump-test"]
    assert values["b01-300-test"] < 1.2 * NOISE**2 < values["bag-test"]
    assert values["b1-3000-test"] > values["b01-300-test"]  # overfitting without shrinkage


def test_stated_values():
    assert_values(PAGE, expected_values())
