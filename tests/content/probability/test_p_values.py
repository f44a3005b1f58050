"""questions/probability/p-values.md: 60 heads in 100 tosses, exact and approximate tests, multiple testing."""

import math
from fractions import Fraction as F
from math import comb

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/probability/p-values.md"
HEADS, TOSSES, THETA0 = 60, 100, 0.5
ALPHA, TESTS = 0.05, 20


def normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def upper_tail(x: int, n: int = TOSSES) -> F:
    """P(X >= x) for X ~ Bin(n, 1/2), exactly."""
    return F(sum(comb(n, k) for k in range(x, n + 1)), 2**n)


def expected_values() -> dict[str, str]:
    upper = upper_tail(HEADS)
    two_sided = 2 * upper
    mean = TOSSES * THETA0
    pq = THETA0 * (1 - THETA0)
    sd = math.sqrt(TOSSES * pq)
    z = (HEADS - mean) / sd
    z_cc = (HEADS - 0.5 - mean) / sd
    return {
        "q-heads": str(HEADS),
        "q-tosses": str(TOSSES),
        "weak-p": f"{ALPHA}",
        "weak-percent": f"{ALPHA * 100:.0f} %",  # the misreading turns p into P(H0 true)
        "short-heads": str(HEADS),
        "short-tosses": str(TOSSES),
        "short-p": f"{float(two_sided):.4f}",
        "short-alpha": f"{ALPHA * 100:.0f} %",
        "theta0": f"{THETA0}",
        "n": str(TOSSES),
        "theta0-again": f"{THETA0}",
        "x": str(HEADS),
        "x-tail": str(HEADS),
        "upper": f"{float(upper):.4f}",
        "p-exact": f"{float(two_sided):.4f}",
        "null-mean": f"{mean:.0f}",
        "var-n": str(TOSSES),
        "var-pq": f"{pq}",
        "null-sd": f"{sd:g}",
        "z-x": str(HEADS),
        "z-mean": f"{mean:.0f}",
        "z-sd": f"{sd:g}",
        "z": f"{z:g}",
        "p-normal": f"{2 * normal_sf(z):.4f}",
        "zc-x": f"{HEADS - 0.5}",
        "zc-mean": f"{mean:.0f}",
        "zc-sd": f"{sd:g}",
        "z-cc": f"{z_cc:g}",
        "p-cc": f"{2 * normal_sf(z_cc):.4f}",
        "alpha-a": f"{ALPHA}",
        "alpha-b": f"{ALPHA}",
        "m-tests": str(TESTS),
        "alpha-c": f"{ALPHA}",
        "one-minus-alpha": f"{1 - ALPHA:g}",
        "m-tests-b": str(TESTS),
        "fwer": f"{1 - (1 - ALPHA) ** TESTS:.3f}",
        "m-tests-c": str(TESTS),
        "bonferroni": f"{ALPHA / TESTS:.4f}",
        "one-sided": f"{float(upper):.4f}",
    }


def test_the_decision_flips_between_the_exact_and_the_uncorrected_test():
    values = expected_values()
    assert float(values["p-normal"]) < ALPHA < float(values["p-exact"])


def test_the_null_distribution_is_symmetric_so_doubling_is_the_two_sided_p_value():
    lower = F(sum(comb(TOSSES, k) for k in range(0, TOSSES - HEADS + 1)), 2**TOSSES)
    assert lower == upper_tail(HEADS)


def test_twenty_null_tests_give_a_false_positive_at_the_stated_rate():
    """Simulate 20 independent z-tests under H0 many times: the family-wise rate matches 1 - 0.95^20."""
    rng = np.random.default_rng(0)
    trials = 20_000
    p = 2 * np.vectorize(normal_sf)(np.abs(rng.standard_normal((trials, TESTS))))
    rate = (p < ALPHA).any(axis=1).mean()
    expected = 1 - (1 - ALPHA) ** TESTS
    assert abs(rate - expected) < 4 * math.sqrt(expected * (1 - expected) / trials)
    # and p-values under H0 are uniform: each decile holds a tenth of them
    counts = np.histogram(p, bins=10, range=(0, 1))[0] / p.size
    assert np.abs(counts - 0.1).max() < 4 * math.sqrt(0.09 / p.size)
    # Bonferroni: the family-wise rate is 1 - (1 - alpha/20)^20, just under alpha
    bonferroni = 1 - (1 - ALPHA / TESTS) ** TESTS
    assert bonferroni < ALPHA
    rate = (p < ALPHA / TESTS).any(axis=1).mean()
    assert abs(rate - bonferroni) < 4 * math.sqrt(bonferroni * (1 - bonferroni) / trials)


def test_stated_values():
    assert_values(PAGE, expected_values())
