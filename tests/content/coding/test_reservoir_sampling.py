"""questions/coding/reservoir-sampling.md: the subset test is run for the stated statistic, the
Wilson–Hilferty critical value is checked against the chi-square quantile integrated numerically,
and the "replace with probability 1/2" sampler is run and rejected."""

import math
import random
import statistics
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/reservoir-sampling.md"
N, K, TRIALS, SEED = 10, 3, 24_000, 0
ALPHA = 0.001
BIASED_P = Fraction(1, 2)


def rs():
    return load_snippet("coding/reservoir_sampling.py")


def biased_sampler(stream, k, rng, p=float(BIASED_P)):
    """The red-flag sampler: after the first k items, replace a random slot with fixed probability p."""
    reservoir = []
    for i, item in enumerate(stream):
        if i < k:
            reservoir.append(item)
        elif rng.random() < p:
            reservoir[rng.randrange(k)] = item
    return reservoir


def chi_square_tail(q: float, dof: int) -> float:
    """P(chi2_dof > q) by the trapezoid rule on the log-density (no scipy)."""
    x = np.linspace(q, q + 40 * math.sqrt(2 * dof) + 200, 400_001)
    log_pdf = (dof / 2 - 1) * np.log(x) - x / 2 - (dof / 2) * math.log(2) - math.lgamma(dof / 2)
    return float(np.trapezoid(np.exp(log_pdf), x))


def chi_square_quantile(upper_tail: float, dof: int) -> float:
    lo, hi = float(dof), float(dof) + 50 * math.sqrt(2 * dof)
    for _ in range(60):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if chi_square_tail(mid, dof) > upper_tail else (lo, mid)
    return (lo + hi) / 2


def z_for(alpha: float) -> float:
    return statistics.NormalDist().inv_cdf(1 - alpha)


def expected_values() -> dict[str, str]:
    mod = rs()
    counts = mod.subset_counts(N, K, TRIALS, seed=SEED)
    stat, dof = mod.chi_square_uniform(counts, N, K)
    critical = mod.chi_square_critical(dof, z_for(ALPHA))
    rng = random.Random(SEED)
    biased = Counter(frozenset(biased_sampler(range(N), K, rng)) for _ in range(TRIALS))
    biased_stat, _ = mod.chi_square_uniform(biased, N, K)
    inclusion = Counter(x for subset, c in counts.items() for x in subset for _ in range(c))
    freqs = [inclusion[i] / TRIALS for i in range(N)]
    return {
        "weak-p": f"{BIASED_P}",
        "k": f"{K}",
        "n": f"{N}",
        "trials": f"{TRIALS:,}".replace(",", "\\,"),
        "seed": f"{SEED}",
        "n-again": f"{N}",
        "k-again": f"{K}",
        "subsets": f"{math.comb(N, K)}",
        "expected-count": f"{TRIALS // math.comb(N, K)}",
        "chi2": f"{stat:.1f}",
        "dof": f"{dof}",
        "alpha": f"{100 * ALPHA:.1f}",
        "critical": f"{critical:.1f}",
        "critical-exact": f"{chi_square_quantile(ALPHA, dof):.1f}",
        "biased-p": f"{BIASED_P}",
        "biased-chi2": f"{biased_stat:,.0f}",
        "freq-min": f"{min(freqs):.3f}",
        "freq-max": f"{max(freqs):.3f}",
        "freq-expected": f"{K / N:.1f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_uniform_sampler_passes_and_biased_one_fails_at_the_stated_level():
    mod = rs()
    stat, dof = mod.chi_square_uniform(mod.subset_counts(N, K, TRIALS, seed=SEED), N, K)
    critical = mod.chi_square_critical(dof, z_for(ALPHA))
    assert stat < critical
    rng = random.Random(1)
    biased = Counter(frozenset(biased_sampler(range(N), K, rng)) for _ in range(TRIALS))
    assert mod.chi_square_uniform(biased, N, K)[0] > critical


def test_wilson_hilferty_is_close_to_the_exact_quantile():
    mod = rs()
    for dof in (10, 119, 500):
        exact = chi_square_quantile(ALPHA, dof)
        assert abs(mod.chi_square_critical(dof, z_for(ALPHA)) - exact) < 0.01 * exact


def test_the_quantile_integration_reproduces_a_known_value():
    # chi-square with 2 degrees of freedom is exponential with mean 2: P(X > q) = exp(-q / 2)
    assert chi_square_tail(10.0, 2) == pytest.approx(math.exp(-5.0), rel=1e-6)


def test_each_item_is_kept_with_probability_k_over_n_within_four_standard_errors():
    counts = rs().subset_counts(N, K, TRIALS, seed=SEED)
    inclusion = Counter(x for subset, c in counts.items() for x in subset for _ in range(c))
    p = K / N
    se = math.sqrt(p * (1 - p) / TRIALS)
    assert all(abs(inclusion[i] / TRIALS - p) < 4 * se for i in range(N))


def test_edge_cases():
    mod = rs()
    rng = random.Random(1)
    assert mod.reservoir_sample(range(5), 0, rng) == []
    assert mod.reservoir_sample(range(5), 9, rng) == [0, 1, 2, 3, 4]
    assert mod.reservoir_sample(iter([]), 3, rng) == []
    sample = mod.reservoir_sample((x for x in range(100)), 7, rng)  # works on a one-shot generator
    assert len(sample) == 7 and len(set(sample)) == 7
    with pytest.raises(ValueError):
        mod.reservoir_sample(range(3), -1, rng)
