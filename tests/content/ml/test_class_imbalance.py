"""questions/ml/class-imbalance.md: the evaluation numbers, class weights, the cost threshold and
the undersampling correction (algebra and a simulation of the sampling)."""

import math
import random

from tests.content.helpers import assert_values

PAGE = "questions/ml/class-imbalance.md"
EXAMPLES, PREVALENCE, FOLDS, CLASSES = 100_000, 0.01, 5, 2
COST_MISS, COST_ALARM, DEFAULT_THRESHOLD = 20, 1, 0.5
BETA, P_S = 0.1, 0.5


def correct(p_s: float, beta: float) -> float:
    """The page's formula: real probability from a score learned on negatives kept with probability beta."""
    return beta * p_s / (beta * p_s - p_s + 1)


def undersampled(p: float, beta: float) -> float:
    """Forward direction by Bayes: P(positive | x, kept) when negatives are kept with probability beta."""
    return p / (p + beta * (1 - p))


def cost_threshold(miss: float, alarm: float) -> float:
    """Smallest p on a fine grid where flagging (expected cost (1-p)*alarm) beats not (p*miss)."""
    grid = [i / 100_000 for i in range(100_001)]
    return next(p for p in grid if (1 - p) * alarm < p * miss)


def thin(n: int) -> str:
    return f"{n:,}".replace(",", "\\,")


def expected_values() -> dict[str, str]:
    positives = round(EXAMPLES * PREVALENCE)
    negatives = EXAMPLES - positives
    weight_pos = EXAMPLES / (CLASSES * positives)
    weight_neg = EXAMPLES / (CLASSES * negatives)
    kept_negatives = round(BETA * negatives)
    return {
        "prevalence-pct": f"{PREVALENCE:.0%}".replace("%", " %"),
        "examples": f"{EXAMPLES:,}",
        "constant-accuracy": f"{negatives / EXAMPLES:g}",
        "prevalence": f"{positives / EXAMPLES:g}",
        "positives": f"{positives}",
        "per-fold": f"{positives // FOLDS}",
        "folds": f"{FOLDS}",
        "classes": f"{CLASSES}",
        "n-pos": thin(EXAMPLES),
        "classes-pos": f"{CLASSES}",
        "positives-again": f"{positives}",
        "weight-pos": f"{weight_pos:g}",
        "n-neg": thin(EXAMPLES),
        "classes-neg": f"{CLASSES}",
        "negatives": thin(negatives),
        "weight-neg": f"{weight_neg:.3f}",
        "default-threshold": f"{DEFAULT_THRESHOLD}",
        "cost-miss": f"{COST_MISS}",
        "cost-alarm": f"{COST_ALARM}",
        "cost-alarm-again": f"{COST_ALARM}",
        "cost-total": f"{COST_ALARM + COST_MISS}",
        "threshold": f"{cost_threshold(COST_MISS, COST_ALARM):.3f}",
        "beta": f"{BETA}",
        "kept-positives": f"{positives}",
        "kept-negatives": f"{kept_negatives}",
        "train-prevalence": f"{positives / (positives + kept_negatives):.4f}",
        "p-s": f"{P_S}",
        "p-real": f"{correct(P_S, BETA):.4f}",
    }


def test_class_weights_give_each_class_the_same_total():
    positives = round(EXAMPLES * PREVALENCE)
    negatives = EXAMPLES - positives
    pos_total = positives * EXAMPLES / (CLASSES * positives)
    neg_total = negatives * EXAMPLES / (CLASSES * negatives)
    assert math.isclose(pos_total, neg_total) and math.isclose(pos_total + neg_total, EXAMPLES)


def test_the_cost_threshold_is_alarm_over_total_cost():
    assert abs(cost_threshold(COST_MISS, COST_ALARM) - COST_ALARM / (COST_ALARM + COST_MISS)) < 1e-4


def test_the_correction_inverts_undersampling():
    for p in (0.001, 0.01, 0.0909, 0.3, 0.9):
        assert math.isclose(correct(undersampled(p, BETA), BETA), p)
    # correcting the training prevalence gives back the true prevalence
    positives = round(EXAMPLES * PREVALENCE)
    kept = round(BETA * (EXAMPLES - positives))
    assert math.isclose(correct(positives / (positives + kept), BETA), PREVALENCE)


def test_undersampling_simulation_matches_the_forward_formula():
    """Draw labels with the page's real probability, keep negatives with probability beta:
    the kept positive share is the score the model would learn (0.5 here)."""
    rng = random.Random(0)
    p = correct(P_S, BETA)
    kept_pos = kept = 0
    for _ in range(400_000):
        positive = rng.random() < p
        if positive or rng.random() < BETA:
            kept += 1
            kept_pos += positive
    share = kept_pos / kept
    assert abs(share - P_S) < 4 * math.sqrt(P_S * (1 - P_S) / kept)


def test_stated_values():
    assert_values(PAGE, expected_values())
