"""questions/llm/evaluating-generative-models.md: pass@k against enumeration, perplexity versus bits per
byte, the Fréchet distance, judge consistency and a permutation-test p-value."""

import itertools
import math
from math import comb

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/evaluating-generative-models.md"
ev = load_snippet("llm/eval_metrics.py")

N, C, K_SMALL, K_LARGE = 10, 3, 1, 5
P_TRUE = 0.2
TEXT_BYTES, NLL, TOKENS_A, TOKENS_B = 1000, 500.0, 250, 400
MU1, VAR1, MU2, VAR2 = 0.0, 1.0, 1.0, 4.0
PAIRS, A_BOTH, B_BOTH = 200, 90, 60
SHUFFLES = 999
PROBLEMS = 164  # HumanEval


def brute_force_pass_at_k(n, c, k):
    """Fraction of all k-subsets of n samples (the first c correct) that contain a correct one."""
    subsets = list(itertools.combinations(range(n), k))
    return sum(any(i < c for i in s) for s in subsets) / len(subsets)


def expectation_over_binomial(estimator, n, k, p):
    return sum(comb(n, c) * p**c * (1 - p) ** (n - c) * estimator(n, c, k) for c in range(n + 1))


def test_pass_at_k_equals_enumeration():
    for n in range(1, 9):
        for c in range(n + 1):
            for k in range(1, n + 1):
                assert math.isclose(ev.pass_at_k(n, c, k), brute_force_pass_at_k(n, c, k), abs_tol=1e-12)


def test_unbiased_estimator_has_the_right_expectation_and_the_plugin_does_not():
    truth = 1 - (1 - P_TRUE) ** K_LARGE
    assert math.isclose(expectation_over_binomial(ev.pass_at_k, N, K_LARGE, P_TRUE), truth, rel_tol=1e-12)
    assert expectation_over_binomial(ev.pass_at_k_plugin, N, K_LARGE, P_TRUE) < truth - 0.05


def test_frechet_distance_against_closed_forms():
    one_d = ev.frechet_distance(np.array([MU1]), np.array([[VAR1]]), np.array([MU2]), np.array([[VAR2]]))
    assert math.isclose(one_d, (MU1 - MU2) ** 2 + (math.sqrt(VAR1) - math.sqrt(VAR2)) ** 2)
    rng = np.random.default_rng(0)
    for _ in range(5):
        a, b = rng.normal(size=(4, 4)), rng.normal(size=(4, 4))
        s1, s2 = a @ a.T + 0.1 * np.eye(4), b @ b.T + 0.1 * np.eye(4)
        m1, m2 = rng.normal(size=4), rng.normal(size=4)
        eig = np.linalg.eigvals(s1 @ s2)  # real and positive for a product of SPD matrices
        expected = np.sum((m1 - m2) ** 2) + np.trace(s1 + s2) - 2 * np.sum(np.sqrt(eig.real))
        assert math.isclose(ev.frechet_distance(m1, s1, m2, s2), expected, rel_tol=1e-9)
        assert math.isclose(ev.frechet_distance(m1, s1, m2, s2), ev.frechet_distance(m2, s2, m1, s1), rel_tol=1e-9)


def expected_values() -> dict[str, str]:
    fid = ev.frechet_distance(np.array([MU1]), np.array([[VAR1]]), np.array([MU2]), np.array([[VAR2]]))
    inconsistent = PAIRS - A_BOTH - B_BOTH
    return {
        "n": str(N),
        "c": str(C),
        "k-small": str(K_SMALL),
        "pass1": f"{ev.pass_at_k(N, C, K_SMALL):.1f}",
        "k-large": str(K_LARGE),
        "comb-fail": str(comb(N - C, K_LARGE)),
        "comb-all": str(comb(N, K_LARGE)),
        "pass5": f"{ev.pass_at_k(N, C, K_LARGE):.3f}",
        "plugin5": f"{ev.pass_at_k_plugin(N, C, K_LARGE):.3f}",
        "p-true": f"{P_TRUE}",
        "truth": f"{1 - (1 - P_TRUE) ** K_LARGE:.3f}",
        "plugin-mean": f"{expectation_over_binomial(ev.pass_at_k_plugin, N, K_LARGE, P_TRUE):.3f}",
        "bytes": f"{TEXT_BYTES:,}",
        "nll": f"{NLL:.0f}",
        "tokens-a": str(TOKENS_A),
        "tokens-b": str(TOKENS_B),
        "ppl-a": f"{ev.perplexity(NLL, TOKENS_A):.2f}",
        "ppl-b": f"{ev.perplexity(NLL, TOKENS_B):.2f}",
        "bpb": f"{ev.bits_per_byte(NLL, TEXT_BYTES):.3f}",
        "fid-mu2": f"{MU2:.0f}",
        "fid-var2": f"{VAR2:.0f}",
        "fid": f"{fid:.0f}",
        "pairs": str(PAIRS),
        "a-both": str(A_BOTH),
        "b-both": str(B_BOTH),
        "inconsistent": str(inconsistent),
        "consistency": f"{(A_BOTH + B_BOTH) / PAIRS * 100:.0f} %",
        "a-winrate": f"{(A_BOTH + inconsistent / 2) / PAIRS * 100:.1f} %",
        "shuffles": str(SHUFFLES),
        "p-value": f"{1 / (SHUFFLES + 1)}",
        "problems": str(PROBLEMS),
        "se": f"{math.sqrt(0.5 * 0.5 / PROBLEMS) * 100:.1f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
