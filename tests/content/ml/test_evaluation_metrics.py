"""questions/ml/evaluation-metrics.md: the confusion-matrix metrics from the question's counts, and
ROC-AUC as a pair count checked against the area under the ROC curve."""

import itertools
import random

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/evaluation-metrics.md"
TRANSACTIONS, FLAGGED, CAUGHT, FRAUDS = 1000, 75, 45, 60


def metrics():
    return load_snippet("ml/metrics.py")


def percent(x: float, digits: int = 0) -> str:
    return f"{x:.{digits}%}".replace("%", " %")


def trapezoid_auc(scores, labels) -> float:
    """Area under the ROC curve: sweep the threshold over the distinct scores, sum trapezoids."""
    scores, labels = np.asarray(scores, float), np.asarray(labels)
    pos, neg = labels.sum(), (1 - labels).sum()
    tpr, fpr = [0.0], [0.0]
    for threshold in sorted(set(scores), reverse=True):
        flagged = scores >= threshold
        tpr.append((flagged & (labels == 1)).sum() / pos)
        fpr.append((flagged & (labels == 0)).sum() / neg)
    return float(sum((f1 - f0) * (t1 + t0) / 2 for f0, f1, t0, t1 in zip(fpr, fpr[1:], tpr, tpr[1:], strict=False)))


def expected_values() -> dict[str, str]:
    mt = metrics()
    tp, fp, fn = CAUGHT, FLAGGED - CAUGHT, FRAUDS - CAUGHT
    tn = TRANSACTIONS - tp - fp - fn
    m = mt.confusion_metrics(tp=tp, fp=fp, fn=fn, tn=tn)
    baseline = mt.confusion_metrics(tp=0, fp=0, fn=tp + fn, tn=fp + tn)
    p, r = m["precision"], m["recall"]
    labels, scores = mt.LABELS, mt.SCORES
    pairs = sum(labels) * (len(labels) - sum(labels))
    auc = mt.roc_auc(scores, labels)
    return {
        "transactions": f"{TRANSACTIONS}",
        "flagged": f"{FLAGGED}",
        "caught": f"{CAUGHT}",
        "frauds": f"{FRAUDS}",
        "weak-accuracy": percent(m["accuracy"], 1),
        "weak-baseline": percent(baseline["accuracy"]),
        "tp": f"{tp}",
        "fn": f"{fn}",
        "fp": f"{fp}",
        "tn": f"{tn}",
        "precision-num": f"{tp}",
        "precision-den": f"{tp + fp}",
        "precision": f"{p:g}",
        "recall-num": f"{tp}",
        "recall-den": f"{tp + fn}",
        "recall": f"{r:g}",
        "f1-num": f"{2 * p * r:.2g}",
        "f1-den": f"{p + r:.3g}",
        "f1": f"{m['f1']:.3f}",
        "accuracy-num": f"{tp + tn}",
        "accuracy-den": f"{TRANSACTIONS}",
        "accuracy": f"{m['accuracy']:g}",
        "baseline-accuracy": f"{baseline['accuracy']:g}",
        "fpr-num": f"{fp}",
        "fpr-den": f"{fp + tn}",
        "fpr": f"{m['fpr']:.4f}",
        "specificity": f"{1 - m['fpr']:.3f}",
        "scores": f"{len(scores)}",
        "ordered": f"{auc * pairs:g}",
        "pairs": f"{pairs}",
        "ordered-again": f"{auc * pairs:g}",
        "pairs-again": f"{pairs}",
        "auc": f"{auc:.3f}",
        "false-alarms": f"{fp}",
        "fpr-again": f"{m['fpr']:.4f}",
        "alert-share": percent(fp / (tp + fp)),
        "prevalence": f"{(tp + fn) / TRANSACTIONS:g}",
        "random-auc": f"{mt.roc_auc([0.5] * len(labels), labels):g}",
    }


def test_roc_auc_equals_the_trapezoid_area_and_the_pair_count():
    mt = metrics()
    rng = random.Random(0)
    cases = [(mt.SCORES, mt.LABELS)]
    for _ in range(200):
        n = rng.randint(2, 12)
        labels = [rng.randint(0, 1) for _ in range(n)]
        if 0 < sum(labels) < n:
            cases.append(([rng.choice([0.1, 0.2, 0.3, 0.5, 0.8]) for _ in range(n)], labels))  # many ties
    for scores, labels in cases:
        pairs = [(s, t) for (s, y), (t, z) in itertools.product(zip(scores, labels, strict=True), repeat=2) if y > z]
        by_pairs = sum(1.0 if s > t else 0.5 if s == t else 0.0 for s, t in pairs) / len(pairs)
        assert mt.roc_auc(scores, labels) == pytest.approx(trapezoid_auc(scores, labels)) == pytest.approx(by_pairs)


def test_roc_auc_is_invariant_to_monotone_transforms():
    mt = metrics()
    assert mt.roc_auc([s**3 for s in mt.SCORES], mt.LABELS) == mt.roc_auc(mt.SCORES, mt.LABELS)


def test_roc_auc_rejects_one_class_and_mismatched_lengths():
    mt = metrics()
    with pytest.raises(ValueError):
        mt.roc_auc([0.3, 0.4], [1, 1])
    with pytest.raises(ValueError):
        mt.roc_auc([0.9, 0.1, 0.5], [1, 0])  # zip(..., strict=True) refuses to drop the extra score


def test_f1_is_the_harmonic_mean_and_handles_empty_cases():
    mt = metrics()
    m = mt.confusion_metrics(tp=CAUGHT, fp=FLAGGED - CAUGHT, fn=FRAUDS - CAUGHT, tn=0)
    assert m["f1"] == pytest.approx(2 / (1 / m["precision"] + 1 / m["recall"]))
    assert mt.confusion_metrics(0, 0, 0, 10)["f1"] == 0.0
    assert mt.confusion_metrics(5, 0, 0, 5)["f1"] == 1.0


def test_stated_values():
    assert_values(PAGE, expected_values())
