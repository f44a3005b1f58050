"""questions/probability/multiple-comparisons.md: Bonferroni, Holm and BH on ten p-values, and by simulation."""

import math
from itertools import combinations

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/multiple-comparisons.md"
MT = load_snippet("probability/multiple_testing.py")
ALPHA, P = 0.05, MT.P_VALUES
M_SIM, M_NULL, M_ALT, SHIFT, REPS = 20, 15, 5, 3.0, 50_000


def bh_by_definition(p, alpha):
    """Largest k with p_(k) <= k alpha / m, by trying every k; reject the k smallest."""
    s = sorted(p)
    k = max((k for k in range(1, len(s) + 1) if s[k - 1] <= k * alpha / len(s)), default=0)
    return k


def holm_by_closed_testing(p, alpha):
    """Holm as the shortcut of closed testing with Bonferroni: reject H_i if every subset containing i is
    rejected by Bonferroni at alpha / |subset|."""
    m = len(p)
    count = 0
    for i in range(m):
        subsets = (s for r in range(1, m + 1) for s in combinations(range(m), r) if i in s)
        if all(min(p[j] for j in s) <= alpha / len(s) for s in subsets):
            count += 1
    return count


def test_procedures_agree_with_their_definitions():
    rng = np.random.default_rng(0)
    for _ in range(200):
        p = np.sort(rng.random(8) ** 3)
        assert MT.benjamini_hochberg(p, ALPHA).sum() == bh_by_definition(p, ALPHA)
        assert MT.holm(p, ALPHA).sum() == holm_by_closed_testing(list(p), ALPHA)
        assert (MT.bh_adjusted(p) <= ALPHA).sum() == MT.benjamini_hochberg(p, ALPHA).sum()
        assert MT.holm(p, ALPHA).sum() >= MT.bonferroni(p, ALPHA).sum()


def test_simulated_error_rates_respect_the_guarantees():
    rates = MT.simulate_error_rates(M_SIM, M_ALT, SHIFT, ALPHA, REPS)
    se = math.sqrt(0.05 / REPS)
    assert rates["bonferroni"]["fwer"] <= ALPHA + 4 * se and rates["holm"]["fwer"] <= ALPHA + 4 * se
    assert abs(rates["bh"]["fdr"] - ALPHA * M_NULL / M_SIM) < 0.003
    assert rates["bh"]["power"] > rates["holm"]["power"] >= rates["bonferroni"]["power"]


def expected_values():
    p = np.asarray(P)
    m = p.size
    q = np.sort(MT.bh_adjusted(p))
    rates = MT.simulate_error_rates(M_SIM, M_ALT, SHIFT, ALPHA, REPS)
    harmonic = sum(1 / k for k in range(1, m + 1))
    values = {
        "alpha": f"{ALPHA}",
        "raw": f"{int((p <= ALPHA).sum())}",
        "bonf": f"{int(MT.bonferroni(p, ALPHA).sum())}",
        "holm": f"{int(MT.holm(p, ALPHA).sum())}",
        "bh": f"{int(MT.benjamini_hochberg(p, ALPHA).sum())}",
        "m": f"{m}",
        "fwer-raw": f"{1 - (1 - ALPHA) ** m:.3f}",
        "bonf-threshold": f"{ALPHA / m:.3f}",
        "sidak": f"{1 - (1 - ALPHA) ** (1 / m):.5f}",
        "m-sim": f"{M_SIM}",
        "m-null": f"{M_NULL}",
        "m-alt": f"{M_ALT}",
        "shift": f"{SHIFT:.0f}",
        "reps": f"{REPS:,}",
        "fdr-bound": f"{ALPHA * M_NULL / M_SIM:.4f}",
        "harmonic-10": f"{harmonic:.3f}",
    }
    for i in range(1, 4):
        values[f"holm-t{i}"] = f"{ALPHA / (m - i + 1):.4f}"
    for i in range(1, 7):
        values[f"bh-t{i}"] = f"{i * ALPHA / m:.3f}"
        values[f"q{i}"] = f"{q[i - 1]:.3f}"
    for name in ("bonf", "holm", "bh"):
        r = rates["bonferroni" if name == "bonf" else name]
        values |= {
            f"sim-{name}-fwer": f"{r['fwer']:.3f}",
            f"sim-{name}-fdr": f"{r['fdr']:.3f}",
            f"sim-{name}-power": f"{r['power']:.2f}",
        }
    assert MT.benjamini_hochberg(p, ALPHA / harmonic).sum() == 1  # the Benjamini-Yekutieli remark
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
