"""questions/behavioural/research-taste.md: how many seeds tell apart a 0.5-point gain with a
run-to-run standard deviation of 0.4 — normal approximation, exact t-test power (checked against
t tables and by simulating the test), pairing by seed — and the chance that single runs mislead."""

import math
from statistics import NormalDist

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/behavioural/research-taste.md"
GAIN, SD, ALPHA, POWER, RHO = 0.5, 0.4, 0.05, 0.8, 0.5
Z = NormalDist()
# Student t, two-sided 5 % critical values from standard tables (checked by hand).
T_TABLE = {5: 2.571, 10: 2.228, 20: 2.086, 30: 2.042}


def sd():
    return load_snippet("behavioural/seeds.py")


def expected_values() -> dict[str, str]:
    s = sd()
    n_z, n_t = s.seeds_z(GAIN, SD, ALPHA, POWER), s.seeds_t(GAIN, SD, ALPHA, POWER)
    p_z, p_t = s.seeds_z(GAIN, SD, ALPHA, POWER, RHO), s.seeds_t(GAIN, SD, ALPHA, POWER, RHO)
    return {
        "q-gain": f"{GAIN}",
        "q-sd": f"{SD}",
        "weak-gain": f"{GAIN}",
        "gain": f"{GAIN}",
        "sd": f"{SD}",
        "alpha": f"{ALPHA}",
        "power": f"{100 * POWER:.0f}",
        "effect-size": f"{GAIN / SD:.2f}",
        "single-wrong": f"{100 * s.p_single_run_reversed(GAIN, SD):.0f}",
        "z-exact": f"{2 * (Z.inv_cdf(1 - ALPHA / 2) + Z.inv_cdf(POWER)) ** 2 * SD**2 / GAIN**2:.2f}",
        "seeds-z": f"{n_z}",
        "seeds-t": f"{n_t}",
        "power-t-short": f"{s.t_test_power(n_t - 1, GAIN, SD, ALPHA):.3f}",
        "power-t": f"{s.t_test_power(n_t, GAIN, SD, ALPHA):.3f}",
        "rho": f"{RHO}",
        "pairs-z": f"{p_z}",
        "pairs-t": f"{p_t}",
        "seeds-t-again": f"{n_t}",
        "seeds-z-short": f"{n_t - 1}",
        "runs-unpaired": f"{2 * n_t}",
        "runs-paired": f"{2 * p_t}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


@pytest.mark.parametrize("df, table", T_TABLE.items())
def test_t_quantile_against_the_table(df, table):
    assert abs(sd().t_quantile(1 - ALPHA / 2, df) - table) < 1.5e-3


def simulated_power(n, rho, trials, rng):
    """Run the actual test on simulated seeds: pooled t-test, or paired t-test on seed pairs."""
    s = sd()
    if rho is None:
        a = rng.normal(0, SD, (trials, n))
        b = rng.normal(GAIN, SD, (trials, n))
        pooled = np.sqrt((a.var(axis=1, ddof=1) + b.var(axis=1, ddof=1)) / 2)
        t = (b.mean(axis=1) - a.mean(axis=1)) / (pooled * math.sqrt(2 / n))
        crit = s.t_quantile(1 - ALPHA / 2, 2 * n - 2)
    else:
        shared = rng.normal(0, SD * math.sqrt(rho), (trials, n))  # what a seed does to both methods
        a = shared + rng.normal(0, SD * math.sqrt(1 - rho), (trials, n))
        b = GAIN + shared + rng.normal(0, SD * math.sqrt(1 - rho), (trials, n))
        d = b - a
        t = d.mean(axis=1) / (d.std(axis=1, ddof=1) / math.sqrt(n))
        crit = s.t_quantile(1 - ALPHA / 2, n - 1)
    return float(np.mean(np.abs(t) > crit))


@pytest.mark.parametrize("n, rho", [(11, None), (12, None), (7, RHO), (8, RHO)])
def test_exact_power_matches_simulating_the_test(n, rho):
    rng = np.random.default_rng(n)
    trials = 60_000
    sim = simulated_power(n, rho, trials, rng)
    exact = sd().t_test_power(n, GAIN, SD, ALPHA, rho)
    assert abs(sim - exact) < 4 * math.sqrt(exact * (1 - exact) / trials)


def test_the_normal_approximation_is_optimistic_for_few_seeds():
    s = sd()
    assert s.seeds_t(GAIN, SD) > s.seeds_z(GAIN, SD)
    assert s.t_test_power(s.seeds_z(GAIN, SD), GAIN, SD) < POWER


def test_single_run_reversal_by_simulation():
    rng = np.random.default_rng(5)
    trials = 200_000
    wrong = np.mean(rng.normal(GAIN, SD, trials) < rng.normal(0, SD, trials))
    p = sd().p_single_run_reversed(GAIN, SD)
    assert abs(wrong - p) < 4 * math.sqrt(p * (1 - p) / trials)
