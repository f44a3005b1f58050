"""questions/math/log-sum-exp.md: stable versus naive against high-precision Decimal references."""

import math
from decimal import Decimal, getcontext

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/log-sum-exp.md"
LSE = load_snippet("math/logsumexp.py")
BIG, SMALL = [1000.0, 1001.0, 1002.0], [-1000.0, -1001.0, -1002.0]
getcontext().prec = 50


def decimal_lse(x):
    """log sum exp in 50-digit decimal arithmetic: no overflow, no shift, an independent reference."""
    return float(sum(Decimal(v).exp() for v in x).ln())


def decimal_softmax(x):
    exps = [Decimal(v).exp() for v in x]
    total = sum(exps)
    return [float(e / total) for e in exps]


@pytest.mark.parametrize("x", [BIG, SMALL, [0.0, 1000.0], [3.0, -2.0, 7.5, 7.5, 0.1], [-745.0, -744.0]])
def test_stable_functions_against_decimal(x):
    assert LSE.logsumexp(x) == pytest.approx(decimal_lse(x), rel=1e-14, abs=1e-12)
    assert LSE.softmax(x) == pytest.approx(decimal_softmax(x), rel=1e-12, abs=1e-300)
    assert LSE.log_softmax(x) == pytest.approx([v - decimal_lse(x) for v in x], rel=1e-12, abs=1e-12)


def test_naive_formula_fails_exactly_where_the_page_says():
    with np.errstate(over="ignore", divide="ignore"):
        assert np.isinf(LSE.logsumexp_naive(np.array(BIG)))
        assert LSE.logsumexp_naive(np.array(SMALL)) == -np.inf
        assert np.log(LSE.softmax([0.0, 1000.0]))[0] == -np.inf


def test_online_version_matches_the_batch_version():
    rng = np.random.default_rng(0)
    for _ in range(20):
        x = rng.normal(0, 300, rng.integers(1, 50))
        assert LSE.online_logsumexp(x) == pytest.approx(LSE.logsumexp(x), rel=1e-13)


def test_lse_bounds_and_gradient_is_softmax():
    x = np.array([0.3, -1.2, 2.0, 2.0])
    assert x.max() <= LSE.logsumexp(x) <= x.max() + math.log(len(x))
    eps = 1e-6
    grad = [(LSE.logsumexp(x + eps * e) - LSE.logsumexp(x - eps * e)) / (2 * eps) for e in np.eye(4)]
    assert grad == pytest.approx(LSE.softmax(x), abs=1e-9)


def overflow_threshold(dtype):
    return math.log(float(np.finfo(dtype).max))


def test_thresholds_are_where_exp_overflows_and_underflows():
    for dtype in (np.float64, np.float32, np.float16):
        t = overflow_threshold(dtype)
        with np.errstate(over="ignore"):
            assert np.isfinite(np.exp(dtype(t * (1 - 1e-3)))) and np.isinf(np.exp(dtype(t * (1 + 1e-3))))
    under = -1075 * math.log(2)
    assert np.exp(under + 0.01) > 0 and np.exp(under - 0.01) == 0


def expected_values() -> dict[str, str]:
    sm = LSE.softmax(BIG)
    return {
        "weak-over64": f"{overflow_threshold(np.float64):.0f}",
        "weak-over32": f"{overflow_threshold(np.float32):.1f}",
        "over64": f"{overflow_threshold(np.float64):.2f}",
        "over32": f"{overflow_threshold(np.float32):.2f}",
        "over16": f"{overflow_threshold(np.float16):.2f}",
        "under64": f"{-1075 * math.log(2):.2f}",
        "lse-big": f"{LSE.logsumexp(BIG):.4f}",
        "sm1": f"{sm[0]:.4f}",
        "sm2": f"{sm[1]:.4f}",
        "sm3": f"{sm[2]:.4f}",
        "lse-small": f"{LSE.logsumexp(SMALL):.4f}",
        "logsm": f"{LSE.log_softmax([0.0, 1000.0])[0]:.0f}",
        "fu-over16": f"{overflow_threshold(np.float16):.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
