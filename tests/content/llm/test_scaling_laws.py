"""questions/llm/scaling-laws.md: C = 6ND, compute-optimal allocation, and the cost of over-training."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/scaling-laws.md"
sc = load_snippet("llm/scaling.py")

BUDGET = 1e24
CHINCHILLA_N, CHINCHILLA_D = 70e9, 1.4e12
KAPLAN_EXPONENT = 0.73
LLAMA2_7B_N, LLAMA2_TOKENS = 6.74e9, 2e12
SHRINK = 2
DAILY_TOKENS = 100e9  # an illustrative serving load


def grid_optimum(c, law):
    """Independent check: scan N on a fine log grid with D = C / 6N and keep the lowest loss."""
    n = np.logspace(9, 13, 200_001)
    losses = law["E"] + law["A"] / n ** law["alpha"] + law["B"] / (c / (6 * n)) ** law["beta"]
    best = n[np.argmin(losses)]
    return best, c / (6 * best)


def test_closed_form_matches_grid_search():
    for law in (sc.REFIT, sc.PUBLISHED):
        for c in (1e21, 1e24):
            n, _ = sc.compute_optimal(c, law)
            assert math.isclose(n, grid_optimum(c, law)[0], rel_tol=1e-3)


def test_the_smaller_model_reaches_the_same_loss():
    n_opt, d_opt = sc.compute_optimal(BUDGET, sc.REFIT)
    n, d, _, _ = sc.overtraining(BUDGET, SHRINK, sc.REFIT)
    assert math.isclose(sc.loss(n, d, sc.REFIT), sc.loss(n_opt, d_opt, sc.REFIT), rel_tol=1e-12)
    assert d > d_opt  # a smaller model needs more data for the same loss


def test_the_rule_of_thumb_spends_the_budget():
    n, d = sc.tokens_per_parameter_rule(BUDGET)
    assert math.isclose(6 * n * d, BUDGET) and math.isclose(d / n, 20)


def expected_values() -> dict[str, str]:
    n20, d20 = sc.tokens_per_parameter_rule(BUDGET)
    n_fit, d_fit = sc.compute_optimal(BUDGET, sc.REFIT)
    n_pub, d_pub = sc.compute_optimal(BUDGET, sc.PUBLISHED)
    n_small, d_small, extra, breakeven = sc.overtraining(BUDGET, SHRINK, sc.REFIT)
    llama_c = 6 * LLAMA2_7B_N * LLAMA2_TOKENS
    llama_opt_n, llama_opt_d = sc.tokens_per_parameter_rule(llama_c)
    chin_exponent = sc.REFIT["beta"] / (sc.REFIT["alpha"] + sc.REFIT["beta"])
    return {
        "chin-n": f"{CHINCHILLA_N / 1e9:.0f}",
        "chin-d": f"{CHINCHILLA_D / 1e12:.1f}",
        "chin-c": f"{6 * CHINCHILLA_N * CHINCHILLA_D / 1e23:.2f}",
        "chin-ratio": f"{CHINCHILLA_D / CHINCHILLA_N:.0f}",
        "kaplan-exp": f"{KAPLAN_EXPONENT}",
        "kaplan-data-exp": f"{1 - KAPLAN_EXPONENT:.2f}",
        "kaplan-n-10x": f"{10**KAPLAN_EXPONENT:.2f}",
        "kaplan-d-10x": f"{10 ** (1 - KAPLAN_EXPONENT):.2f}",
        "chin-10x": f"{10**0.5:.2f}",
        "budget": f"10^{{{math.log10(BUDGET):.0f}}}",
        "n20": f"{n20 / 1e9:.1f}",
        "d20": f"{d20 / 1e12:.2f}",
        "refit-e": f"{sc.REFIT['E']}",
        "refit-a": f"{sc.REFIT['A']}",
        "refit-b": f"{sc.REFIT['B']}",
        "refit-alpha": f"{sc.REFIT['alpha']}",
        "refit-beta": f"{sc.REFIT['beta']}",
        "refit-exponent": f"{chin_exponent:.2f}",
        "fit-n": f"{n_fit / 1e9:.1f}",
        "fit-d": f"{d_fit / 1e12:.2f}",
        "fit-ratio": f"{d_fit / n_fit:.0f}",
        "fit-loss": f"{sc.loss(n_fit, d_fit, sc.REFIT):.3f}",
        "pub-n": f"{n_pub / 1e9:.0f}",
        "pub-d": f"{d_pub / 1e12:.1f}",
        "pub-ratio": f"{d_pub / n_pub:.0f}",
        "small-n": f"{n_small / 1e9:.1f}",
        "small-d": f"{d_small / 1e12:.2f}",
        "small-ratio": f"{d_small / n_small:.0f}",
        "extra-pct": f"{extra / BUDGET * 100:.0f} %",
        "saving": f"{2 * (n_fit - n_small) / 1e9:.0f}",
        "breakeven": f"{breakeven / 1e12:.1f}",
        "daily": f"{DAILY_TOKENS / 1e9:.0f}",
        "days": f"{breakeven / DAILY_TOKENS:.0f}",
        "llama-n": f"{LLAMA2_7B_N / 1e9:.2f}",
        "llama-d": f"{LLAMA2_TOKENS / 1e12:.0f}",
        "llama-ratio": f"{LLAMA2_TOKENS / LLAMA2_7B_N:.0f}",
        "llama-c": f"{llama_c / 1e22:.1f}",
        "llama-opt-n": f"{llama_opt_n / 1e9:.0f}",
        "llama-opt-d": f"{llama_opt_d / 1e9:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
