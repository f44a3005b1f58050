"""questions/rl/mdp.md: the machine-maintenance MDP solved by value iteration, checked by evaluating
every deterministic policy exactly, and the hand derivation of V(good)."""

import itertools
from fractions import Fraction

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/mdp.md"


def vi():
    return load_snippet("rl/value_iteration.py")


def best_policy_by_enumeration():
    """Evaluate all |A|^|S| deterministic policies with a linear solve; keep the one best in every state."""
    snippet = vi()
    values = {policy: snippet.evaluate_policy(list(policy)) for policy in itertools.product(snippet.ACTIONS, repeat=3)}
    best = max(values, key=lambda policy: values[policy].sum())
    assert all(np.all(values[best] >= v - 1e-12) for v in values.values())  # optimal in every state at once
    return list(best), values[best]


def hand_fraction():
    """V(good) = (R_run(good) + g p R_repair(worn)) / (1 - g (1 - p) - g^2 p), in exact arithmetic."""
    snippet = vi()
    g = Fraction(str(snippet.GAMMA))
    p = Fraction(str(snippet.P["run"][0, 1]))
    r_run, r_repair = Fraction(str(snippet.R[0, 0])), Fraction(str(snippet.R[1, 1]))
    numerator = r_run + g * p * r_repair
    denominator = 1 - g * (1 - p) - g * g * p
    return numerator, denominator


def vector3(values) -> str:
    return "(" + ", ".join(f"{float(v):.3f}" for v in values) + ")"


def expected_values() -> dict[str, str]:
    snippet = vi()
    v, _, sweeps = snippet.value_iteration()
    q = snippet.q_values(v)
    run, repair = snippet.ACTIONS.index("run"), snippet.ACTIONS.index("repair")
    good, worn, broken = (snippet.STATES.index(s) for s in ("good", "worn", "broken"))
    numerator, denominator = hand_fraction()
    exact = numerator / denominator
    myopic = snippet.evaluate_policy(["run", "run", "repair"])
    tol = snippet.value_iteration.__defaults__[1]
    return {
        "gamma": f"{snippet.GAMMA}",
        "r-good": f"{snippet.R[good, run]:g}",
        "p-wear": f"{snippet.P['run'][good, worn]:g}",
        "r-worn": f"{snippet.R[worn, run]:g}",
        "p-break": f"{snippet.P['run'][worn, broken]:g}",
        "r-broken": f"{snippet.R[broken, run]:g}",
        "c-good": f"{0.0 - snippet.R[good, repair]:g}",
        "c-worn": f"{0.0 - snippet.R[worn, repair]:g}",
        "c-broken": f"{0.0 - snippet.R[broken, repair]:g}",
        "m-r-good": f"{snippet.R[good, run]:g}",
        "m-p-wear": f"{snippet.P['run'][good, worn]:g}",
        "m-r-worn": f"{snippet.R[worn, run]:g}",
        "m-p-break": f"{snippet.P['run'][worn, broken]:g}",
        "m-c-worn": f"{0.0 - snippet.R[worn, repair]:g}",
        "m-c-broken": f"{0.0 - snippet.R[broken, repair]:g}",
        "tol": f"10^{{{round(np.log10(tol))}}}",
        "sweeps": f"{sweeps}",
        "v-star": vector3(v),
        "q-worn-repair": f"{q[worn, repair]:.3f}",
        "q-worn-run": f"{q[worn, run]:.3f}",
        "hand-num": f"{float(numerator):g}",
        "hand-den": f"{float(denominator):g}",
        "hand-frac": f"{numerator * 1000}/{denominator * 1000}",  # both exact integers after scaling
        "v-good": f"{float(exact):.3f}",
        "myopic": f"{myopic[good]:.3f}",
        "horizon": f"{1 / (1 - snippet.GAMMA):.0f}",
        "gamma-again": f"{snippet.GAMMA}",
    }


def test_value_iteration_finds_the_best_deterministic_policy():
    snippet = vi()
    v, policy, _ = snippet.value_iteration()
    best, best_values = best_policy_by_enumeration()
    assert policy == best == ["run", "repair", "repair"]
    np.testing.assert_allclose(v, best_values, atol=1e-9)


def test_the_hand_fraction_is_the_exact_value():
    numerator, denominator = hand_fraction()
    assert numerator / denominator == Fraction(2730, 127)
    v, _, _ = vi().value_iteration()
    assert abs(v[0] - 2730 / 127) < 1e-9


def test_the_bellman_operator_is_a_gamma_contraction():
    snippet = vi()
    rng = np.random.default_rng(0)
    for _ in range(20):
        u, w = rng.normal(scale=30, size=(2, 3))
        tu, tw = snippet.q_values(u).max(axis=1), snippet.q_values(w).max(axis=1)
        assert np.abs(tu - tw).max() <= snippet.GAMMA * np.abs(u - w).max() + 1e-12


def test_gamma_zero_is_one_step_greedy():
    snippet = vi()
    v, _, _ = snippet.value_iteration(gamma=0.0)
    np.testing.assert_allclose(v, snippet.R.max(axis=1))


def test_transition_rows_are_distributions():
    snippet = vi()
    for action in snippet.ACTIONS:
        np.testing.assert_allclose(snippet.P[action].sum(axis=1), 1.0)


def test_stated_values():
    assert_values(PAGE, expected_values())
