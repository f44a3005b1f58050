"""questions/probability/expected-tosses-hh.md: pattern waiting times, Penney's game, fixed points."""

from fractions import Fraction
from itertools import permutations, product

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/expected-tosses-hh.md"
COIN = load_snippet("probability/coin_patterns.py")
P_BIASED, N_PERM, N_TOSSES, TRIALS = Fraction(3, 5), 10, 10, 200_000


def mean_by_sequence_dp(pattern, horizon=1000):
    """E[T] from P(T = t), propagating the probability of every "last k-1 tosses" window not yet hit.

    Independent of the snippet's prefix automaton: the state is simply the raw recent history.
    """
    k = len(pattern)
    alive, mean = {"": 1.0}, 0.0
    for t in range(1, horizon + 1):
        nxt = {}
        for recent, prob in alive.items():
            for toss in "HT":
                window = recent + toss
                if window.endswith(pattern):
                    mean += t * prob / 2
                else:
                    key = window[-(k - 1) :] if k > 1 else ""
                    nxt[key] = nxt.get(key, 0.0) + prob / 2
        alive = nxt
    return mean


def test_exact_means_agree_with_conway_and_with_brute_force():
    for pattern in ("HH", "HT", "HHH", "HTH", "HHT"):
        mean, _ = COIN.wait_moments(pattern)
        assert mean == COIN.conway_wait(pattern)
        assert abs(mean_by_sequence_dp(pattern) - float(mean)) < 1e-9


def test_biased_coin_formula():
    mean, _ = COIN.wait_moments("HH", P_BIASED)
    assert mean == (1 + P_BIASED) / P_BIASED**2


def test_simulation_within_three_standard_errors():
    for pattern in ("HH", "HT"):
        mean, var = COIN.wait_moments(pattern)
        assert abs(COIN.simulate_wait(pattern, TRIALS) - float(mean)) < 3 * float(var / TRIALS) ** 0.5


def test_race_by_simulation():
    rng = np.random.default_rng(1)
    wins, games = 0, 20_000
    for _ in range(games):
        s = ""
        while True:
            s += "HT"[rng.integers(2)]
            if s.endswith("THH"):
                wins += 1
                break
            if s.endswith("HHH"):
                break
    assert abs(wins / games - 7 / 8) < 3 * (7 / 8 * 1 / 8 / games) ** 0.5


def test_fixed_points_by_enumeration_and_simulation():
    n = 6
    counts = [sum(p[i] == i for i in range(n)) for p in permutations(range(n))]
    assert Fraction(sum(counts), len(counts)) == 1
    assert Fraction(sum(c * c for c in counts), len(counts)) - 1 == 1  # variance
    assert Fraction(counts.count(0), len(counts)) == COIN.derangement_probability(n)
    mean, var = COIN.simulate_fixed_points(N_PERM)
    assert abs(mean - 1) < 0.01 and abs(var - 1) < 0.02


def test_expected_hh_count_by_enumeration():
    seqs = ["".join(s) for s in product("HT", repeat=N_TOSSES)]
    total = sum(sum(s[i : i + 2] == "HH" for i in range(N_TOSSES - 1)) for s in seqs)
    assert Fraction(total, len(seqs)) == Fraction(N_TOSSES - 1, 4)


def expected_values():
    hh_mean, hh_var = COIN.wait_moments("HH")
    ht_mean, ht_var = COIN.wait_moments("HT")
    return {
        "hh": f"{hh_mean}",
        "ht": f"{ht_mean}",
        "hhh": f"{COIN.wait_moments('HHH')[0]}",
        "hth": f"{COIN.wait_moments('HTH')[0]}",
        "hht": f"{COIN.wait_moments('HHT')[0]}",
        "p-biased": f"{float(P_BIASED)}",
        "hh-biased": f"{float(COIN.wait_moments('HH', P_BIASED)[0]):.3f}",
        "var-hh": f"{hh_var}",
        "var-ht": f"{ht_var}",
        "trials": f"{TRIALS:,}",
        "sim-hh": f"{COIN.simulate_wait('HH', TRIALS):.2f}",
        "sim-ht": f"{COIN.simulate_wait('HT', TRIALS):.2f}",
        "race-hh-ht": f"{COIN.race('HH', 'HT')}",
        "race-thh-hhh": f"{COIN.race('THH', 'HHH')}",
        "derangement": f"{float(COIN.derangement_probability(N_PERM)):.4f}",
        "n-perm": f"{N_PERM}",
        "hh-count": f"{(N_TOSSES - 1) / 4}",
        "n-tosses": f"{N_TOSSES}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
