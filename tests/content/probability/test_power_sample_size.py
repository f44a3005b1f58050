"""questions/probability/power-sample-size.md: two-proportion sample size, checked by simulation."""

import math
from statistics import NormalDist

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/power-sample-size.md"
SS = load_snippet("probability/sample_size.py")
P1, P2, ALPHA, POWER, REPS, N_SMALL = 0.10, 0.12, 0.05, 0.8, 20_000, 2000


def brute_force_n(p1, p2, alpha, power):
    """Smallest n whose approximate power (both tails) reaches the target, by scanning n upwards."""
    n = 10
    while SS.power_two_proportions(p1, p2, n, alpha) < power:
        n += 1
    return n


def test_formula_is_the_smallest_n_reaching_the_power():
    assert SS.n_two_proportions(P1, P2, ALPHA, POWER) == brute_force_n(P1, P2, ALPHA, POWER)


def test_simulated_power_and_size_within_three_standard_errors():
    n = SS.n_two_proportions(P1, P2, ALPHA, POWER)
    assert abs(SS.simulate_rejection_rate(P1, P2, n, ALPHA, REPS) - POWER) < 3 * math.sqrt(POWER * 0.2 / REPS)
    assert abs(SS.simulate_rejection_rate(P1, P1, n, ALPHA, REPS) - ALPHA) < 3 * math.sqrt(ALPHA * 0.95 / REPS)


def test_means_formula_by_simulation():
    n = SS.n_two_means(0.2, 1.0)
    rng = np.random.default_rng(3)
    a, b = rng.standard_normal((10_000, n)), rng.normal(0.2, 1.0, (10_000, n))
    z = (b.mean(axis=1) - a.mean(axis=1)) / math.sqrt(2 / n)
    assert abs((np.abs(z) > 1.959964).mean() - POWER) < 0.015


def test_peeking_with_one_look_is_the_nominal_level():
    assert abs(SS.peeking_type_one_error(1) - ALPHA) < 3 * math.sqrt(ALPHA * 0.95 / 200_000)


def expected_values():
    z = NormalDist()
    n = SS.n_two_proportions(P1, P2, ALPHA, POWER)
    za, zb = z.inv_cdf(1 - ALPHA / 2), z.inv_cdf(POWER)
    p_bar = (P1 + P2) / 2
    unpooled = math.ceil((za + zb) ** 2 * (P1 * (1 - P1) + P2 * (1 - P2)) / (P2 - P1) ** 2)
    return {
        "n-arm": f"{n:,}",
        "n-total": f"{2 * n:,}",
        "p1": f"{P1:.2f}",
        "p2": f"{P2:.2f}",
        "alpha": f"{ALPHA}",
        "power": f"{POWER}",
        "z-alpha": f"{za:.3f}",
        "z-beta": f"{zb:.3f}",
        "p-bar": f"{p_bar:.2f}",
        "n-arm-again": f"{n:,}",
        "n-unpooled": f"{unpooled:,}",
        "n-rule": f"{round(16 * p_bar * (1 - p_bar) / (P2 - P1) ** 2):,}",
        "reps": f"{REPS:,}",
        "sim-power": f"{SS.simulate_rejection_rate(P1, P2, n, ALPHA, REPS):.3f}",
        "sim-alpha": f"{SS.simulate_rejection_rate(P1, P1, n, ALPHA, REPS):.3f}",
        "se-power": f"{math.sqrt(POWER * (1 - POWER) / REPS):.3f}",
        "se-alpha": f"{math.sqrt(ALPHA * (1 - ALPHA) / REPS):.4f}",
        "n-one-point": f"{SS.n_two_proportions(P1, 0.11, ALPHA, POWER):,}",
        "n-small": f"{N_SMALL:,}",
        "power-small": f"{SS.power_two_proportions(P1, P2, N_SMALL, ALPHA):.3f}",
        "n-means": f"{SS.n_two_means(0.2, 1.0):,}",
        "peek-5": f"{SS.peeking_type_one_error(5):.3f}",
        "peek-10": f"{SS.peeking_type_one_error(10):.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
