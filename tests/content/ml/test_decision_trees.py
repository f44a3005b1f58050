"""questions/ml/decision-trees.md: impurities and gains by hand formulas, and the depth experiment."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/decision-trees.md"
DT = load_snippet("ml/decision_tree.py")
FLIP, N_TRAIN, N_TEST = 0.2, 200, 2000
DEPTHS = {"d1": 1, "d2": 2, "d4": 4, "d8": 8, "full": 10**9}


def h2(p):
    """Binary entropy in bits, written out independently of the snippet."""
    return 0.0 if p in (0, 1) else -p * math.log2(p) - (1 - p) * math.log2(1 - p)


def misclassification(labels):
    return 1 - np.bincount(labels).max() / len(labels)


SMALL_Y = np.array([1] * 8 + [0] * 2)
SMALL_SPLIT = np.array([0] * 4 + [1] * 6)  # children (4 positives, 0 negatives) and (4, 2)


def test_snippet_impurities_match_the_formulas():
    for labels in ([1, 1, 0, 0], [1, 1, 1, 0], [0, 0, 0], [0, 1, 2, 2]):
        counts = np.bincount(labels) / len(labels)
        counts = counts[counts > 0]
        assert DT.entropy(np.array(labels)) == pytest.approx(-(counts * np.log2(counts)).sum())
        assert DT.gini(np.array(labels)) == pytest.approx(1 - (counts**2).sum())


def test_the_learning_rate_gain_by_hand():
    by_hand = h2(0.4) - 0.5 * h2(0.8) - 0.5 * h2(0.0)
    assert DT.impurity_decrease(DT.DIVERGED, DT.RUNS["lr_high"]) == pytest.approx(by_hand)


def test_the_run_number_gain_equals_the_root_entropy():
    assert DT.impurity_decrease(DT.DIVERGED, DT.RUNS["run_id"]) == pytest.approx(DT.entropy(DT.DIVERGED))


def test_best_threshold_is_an_exhaustive_search():
    rng = np.random.default_rng(3)
    X, y = rng.normal(size=(40, 3)), rng.integers(0, 2, 40)
    j, t = DT.best_threshold(X, y)

    def score(j, t):
        left = X[:, j] <= t
        return left.mean() * DT.gini(y[left]) + (~left).mean() * DT.gini(y[~left])

    brute = min(score(k, s) for k in range(3) for s in X[:, k] if (X[:, k] > s).any())
    assert score(j, t) == pytest.approx(brute)


def test_a_fully_grown_tree_fits_distinct_points_exactly():
    X, y = DT.noisy_diagonal(N_TRAIN, flip=FLIP, seed=1)
    assert DT.accuracy(DT.grow(X, y, max_depth=10**9), X, y) == 1.0


def depth_table():
    X, y = DT.noisy_diagonal(N_TRAIN, flip=FLIP, seed=1)
    X_test, y_test = DT.noisy_diagonal(N_TEST, flip=FLIP, seed=2)
    table = {}
    for name, depth in DEPTHS.items():
        tree = DT.grow(X, y, max_depth=depth)
        table[name] = (DT.accuracy(tree, X, y), DT.accuracy(tree, X_test, y_test))
    return table


def expected_values() -> dict[str, str]:
    gains = {k: DT.impurity_decrease(DT.DIVERGED, v) for k, v in DT.RUNS.items()}
    ginis = {k: DT.impurity_decrease(DT.DIVERGED, v, DT.gini) for k, v in DT.RUNS.items()}
    split_info = DT.entropy(DT.RUNS["run_id"])
    table = depth_table()
    values = {
        "max-gini": f"{DT.gini(np.array([0, 1])):.1f}",
        "max-entropy": f"{DT.entropy(np.array([0, 1])):.0f}",
        "parent-misclass": f"{misclassification(SMALL_Y):.1f}",
        "misclass-drop": f"{abs(DT.impurity_decrease(SMALL_Y, SMALL_SPLIT, misclassification)):.3f}",
        "small-gain": f"{DT.impurity_decrease(SMALL_Y, SMALL_SPLIT):.3f}",
        "small-gini": f"{DT.impurity_decrease(SMALL_Y, SMALL_SPLIT, DT.gini):.3f}",
        "root-entropy": f"{DT.entropy(DT.DIVERGED):.3f}",
        "root-gini": f"{DT.gini(DT.DIVERGED):.2f}",
        "high-entropy": f"{DT.entropy(DT.DIVERGED[DT.RUNS['lr_high'] == 1]):.3f}",
        "f-root": f"{DT.entropy(DT.DIVERGED):.3f}",
        "f-high": f"{DT.entropy(DT.DIVERGED[DT.RUNS['lr_high'] == 1]):.3f}",
        "gain-lr": f"{gains['lr_high']:.3f}",
        "gain-lr-table": f"{gains['lr_high']:.3f}",
        "gini-lr": f"{ginis['lr_high']:.3f}",
        "gain-warmup": f"{gains['warmup']:.3f}",
        "gini-warmup": f"{ginis['warmup']:.3f}",
        "gain-opt": f"{abs(gains['adam']):.3f}",
        "gini-opt": f"{abs(ginis['adam']):.3f}",
        "gain-id": f"{gains['run_id']:.3f}",
        "gini-id": f"{ginis['run_id']:.3f}",
        "r-id": f"{gains['run_id']:.3f}",
        "ratio-id": f"{gains['run_id'] / split_info:.3f}",
        "r-lr": f"{gains['lr_high']:.3f}",
        "ratio-lr": f"{gains['lr_high'] / DT.entropy(DT.RUNS['lr_high']):.3f}",
        "flip-pct": f"{FLIP * 100:.0f} %",
        "bayes-acc": f"{1 - FLIP:.1f}",
        "n-train": f"{N_TRAIN}",
        "n-test": f"{N_TEST:,}",
    }
    for name, (train, test) in table.items():
        values[f"train-{name}"] = f"{train:.3f}"
        values[f"test-{name}"] = f"{test:.3f}"
    return values


def test_test_accuracy_peaks_at_an_intermediate_depth():
    table = depth_table()
    assert table["d4"][1] > table["full"][1] and table["d4"][1] > table["d1"][1]
    assert table["full"][0] == 1.0


def test_stated_values():
    assert_values(PAGE, expected_values())
