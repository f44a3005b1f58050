"""Checks for docs/questions/ml.md: snippet behaviour and every number the page states."""

import math

from tests.content.helpers import assert_stated

PAGE = "questions/ml.md"


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
