"""questions/probability/coupon-collector.md: n H_n, the variance, the tail and the approximations, n = 50."""

import math
from fractions import Fraction
from itertools import product

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/coupon-collector.md"
CC = load_snippet("probability/coupon_collector.py")
N = 50


def simulate_draws(n, trials=20_000, seed=3):
    """Draw boxes one at a time for many collectors at once; return each collector's T."""
    rng = np.random.default_rng(seed)
    seen = np.zeros((trials, n), dtype=bool)
    done_at = np.zeros(trials, dtype=int)
    draws = 0
    while not done_at.all():
        draws += 1
        active = np.flatnonzero(done_at == 0)
        seen[active, rng.integers(0, n, size=active.size)] = True
        finished = active[seen[active].all(axis=1)]
        done_at[finished] = draws
    return done_at


def test_box_by_box_simulation_matches_the_exact_mean_and_variance():
    t = simulate_draws(N)
    mean, var = float(CC.expected_time(N)), float(CC.variance(N))
    assert abs(t.mean() - mean) < 4 * math.sqrt(var / t.size)
    assert abs(t.var() / var - 1) < 0.05
    tail = (t > 392).mean()
    assert abs(tail - float(CC.tail_probability(N, 392))) < 4 * math.sqrt(0.018 / t.size)


def test_the_phase_simulation_matches_too():
    t = CC.simulate(N)
    assert abs(t.mean() - float(CC.expected_time(N))) < 4 * math.sqrt(float(CC.variance(N)) / t.size)


def test_tail_formula_on_a_case_small_enough_to_enumerate():
    n, t = 3, 5
    missing = sum(len(set(seq)) < n for seq in product(range(n), repeat=t))
    assert CC.tail_probability(n, t) == Fraction(missing, n**t)


def expected_values():
    mean = float(CC.expected_time(N))
    var = float(CC.variance(N))
    t_two = math.ceil(2 * N * math.log(N))
    t_c2 = math.ceil(N * math.log(N) + 2 * N)
    half = float(N * (CC.harmonic(N) - CC.harmonic(N // 2)))
    return {
        "n": f"{N}",
        "h50": f"{float(CC.harmonic(N)):.4f}",
        "mean": f"{mean:.2f}",
        "sd": f"{math.sqrt(var):.0f}",
        "variance": f"{var:.2f}",
        "sd-exact": f"{math.sqrt(var):.2f}",
        "cv": f"{math.sqrt(var) / mean:.2f}",
        "nlogn": f"{N * math.log(N):.2f}",
        "nlogn-error": f"{(mean - N * math.log(N)) / mean * 100:.1f} %",
        "refined": f"{CC.approximate_mean(N):.3f}",
        "refined-error": f"{CC.approximate_mean(N) - mean:.4f}",
        "gamma-n": f"{0.5772156649 * N:.0f}",
        "union-bound": f"{1 / N}",
        "two-n-log-n": f"{t_two}",
        "tail-exact": f"{float(CC.tail_probability(N, t_two)):.4f}",
        "gumbel": f"{1 - math.exp(-math.exp(-2)):.3f}",
        "c2-draws": f"{t_c2}",
        "tail-c2": f"{float(CC.tail_probability(N, t_c2)):.3f}",
        "half": f"{half:.2f}",
        "half-ratio": f"{(mean - half) / half:.1f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
