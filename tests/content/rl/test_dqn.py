"""questions/rl/dqn.md: the maximisation bias of 10 noisy estimates, by numerical integration and by the
snippet's simulation, and what the double estimator leaves when the two estimates are correlated.

The correction this pins: Double DQN reduces the bias, it does not cancel it. With correlated errors
the double estimator keeps rho times the single estimator's bias.
"""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/dqn.md"
N_ACTIONS, TRUE_VALUE, NOISE, RHO = 10, 0.0, 1.0, 0.5
TRIALS = 100_000
# Both estimators have a per-trial standard deviation below 1 (the max of 10 unit normals has about
# 0.59; Q2 at the chosen action at most 1), so 1/sqrt(trials) bounds the simulation's standard error.
STANDARD_ERROR = 1.0 / math.sqrt(TRIALS)


def ov():
    return load_snippet("rl/overestimation.py")


def expected_max_of_normals(n: int, sd: float = NOISE) -> float:
    """E[max of n iid N(0, sd^2)] = integral of x * n phi(x) Phi(x)^(n-1), on a fine grid."""
    x = np.linspace(-12, 12, 240_001)
    phi = np.exp(-x * x / 2) / math.sqrt(2 * math.pi)
    cdf = 0.5 * (1 + np.vectorize(math.erf)(x / math.sqrt(2)))
    return sd * float(np.trapezoid(x * n * phi * cdf ** (n - 1), x))


def two_decimals(x: float) -> str:
    text = f"{x:.2f}"
    return "0.00" if text == "-0.00" else text


def expected_values() -> dict[str, str]:
    exact = expected_max_of_normals(N_ACTIONS)
    single, double = ov().max_bias(n_actions=N_ACTIONS, trials=TRIALS, noise=NOISE)
    _, double_correlated = ov().max_bias(n_actions=N_ACTIONS, trials=TRIALS, noise=NOISE, correlation=RHO)
    return {
        "n-actions": f"{N_ACTIONS}",
        "true-value": f"{TRUE_VALUE:g}",
        "noise": f"{NOISE:g}",
        "e-max": f"{exact:.2f}",
        "e-max-exact": f"{exact:.4f}",
        "double-mean": two_decimals(double),
        "single-mean": f"{single:.2f}",
        "rho": f"{RHO}",
        "double-corr": f"{double_correlated:.2f}",
    }


def test_the_simulated_single_estimator_matches_the_integral():
    single, _ = ov().max_bias(n_actions=N_ACTIONS, trials=TRIALS)
    assert abs(single - expected_max_of_normals(N_ACTIONS)) < 4 * STANDARD_ERROR


def test_independent_double_estimator_is_unbiased_and_correlated_one_keeps_rho_of_the_bias():
    exact = expected_max_of_normals(N_ACTIONS)
    for rho in (0.0, 0.5, 0.9):
        _, double = ov().max_bias(n_actions=N_ACTIONS, trials=TRIALS, correlation=rho)
        assert abs(double - rho * exact) < 4 * STANDARD_ERROR, rho
        if rho > 0:
            assert double > 4 * STANDARD_ERROR  # reduced, not cancelled


def test_edge_cases():
    single, double = ov().max_bias(n_actions=1, trials=20_000)
    assert abs(single) < 0.03 and abs(double) < 0.03  # one action: no max, no bias
    assert ov().max_bias(noise=0.0) == (0.0, 0.0)


def test_stated_values():
    assert_values(PAGE, expected_values())
