"""Checks for docs/questions/ml.md: snippet behaviour and every number the page states."""

import math

import pytest

from tests.content.helpers import assert_stated, load_snippet

PAGE = "questions/ml.md"


# --- q-evaluation-metrics ---------------------------------------------------------------------


def test_confusion_matrix_metrics():
    mt = load_snippet("ml/metrics.py")
    m = mt.confusion_metrics(tp=45, fp=30, fn=15, tn=910)
    assert 45 + 30 == 75 and 45 + 15 == 60 and 45 + 30 + 15 + 910 == 1000
    assert m["precision"] == 0.6 and m["recall"] == 0.75
    assert f"{m['f1']:.3f}" == "0.667" and math.isclose(2 * 0.6 * 0.75, 0.9) and math.isclose(0.6 + 0.75, 1.35)
    assert m["accuracy"] == 0.955 and f"{m['fpr']:.4f}" == "0.0319"
    assert f"{910 / 940:.3f}" == "0.968"
    base = mt.confusion_metrics(tp=0, fp=0, fn=60, tn=940)
    assert base["accuracy"] == 0.94 and base["precision"] == 0.0 and base["f1"] == 0.0
    assert f"{30 / 75:.0%}" == "40%" and 60 / 1000 == 0.06
    assert_stated(
        PAGE,
        "TP = 45",
        "FN = 15",
        "FP = 30",
        "TN = 910",
        "$= 45/75 = 0.6$",
        "$= 45/60 = 0.75$",
        "0.9/1.35 \\approx 0.667",
        "$= 955/1000 = 0.955$",
        "0.94",
        "30/940 \\approx 0.0319",
        "0.968",
        "40 %",
        "(0.06",
        "95.5 %",
        "94 %",
    )


def test_roc_auc_example():
    mt = load_snippet("ml/metrics.py")
    pos = sum(mt.LABELS)
    neg = len(mt.LABELS) - pos
    assert (pos, neg) == (4, 6) and len(mt.SCORES) == 10
    auc = mt.roc_auc(mt.SCORES, mt.LABELS)
    assert auc * pos * neg == 20.5 and f"{auc:.3f}" == "0.854"
    assert mt.roc_auc([0.9, 0.1], [1, 0]) == 1.0 and mt.roc_auc([0.5, 0.5], [1, 0]) == 0.5
    with pytest.raises(ValueError):
        mt.roc_auc([0.3, 0.4], [1, 1])
    # invariant to monotone transforms of the scores
    assert mt.roc_auc([s**3 for s in mt.SCORES], mt.LABELS) == auc
    assert_stated(PAGE, "20.5", "24", "$= 20.5/24 \\approx 0.854$")


def test_f1_edge_cases():
    mt = load_snippet("ml/metrics.py")
    assert mt.confusion_metrics(0, 0, 0, 10)["f1"] == 0.0
    assert mt.confusion_metrics(5, 0, 0, 5)["f1"] == 1.0


# --- q-class-imbalance ------------------------------------------------------------------------


def test_imbalance_numbers():
    n, pos = 100_000, 1000
    neg = n - pos
    assert pos / n == 0.01 and neg / n == 0.99
    assert pos // 5 == 200
    assert n / (2 * pos) == 50 and f"{n / (2 * neg):.3f}" == "0.505"
    assert f"{1 / (1 + 20):.3f}" == "0.048"
    assert_stated(
        PAGE,
        "1 %",
        "100 000",
        "0.99",
        "0.01",
        "200",
        "$100\\,000/(2 \\times 1000) = 50$",
        "$100\\,000/(2 \\times 99\\,000) \\approx 0.505$",
        "$1/21 \\approx 0.048$",
    )


def test_downsampling_correction():
    beta, pos, neg = 0.1, 1000, 99_000
    kept = round(beta * neg)
    assert kept == 9900 and f"{pos / (pos + kept):.4f}" == "0.0917"

    def correct(ps):
        return beta * ps / (beta * ps - ps + 1)

    assert f"{correct(0.5):.4f}" == "0.0909"
    # consistency: correcting the training-set prevalence gives back the true prevalence
    assert math.isclose(correct(pos / (pos + kept)), pos / (pos + neg))
    assert_stated(PAGE, "$\\beta = 0.1$", "9900", "0.0917", "$p_s = 0.5$", "0.0909")
