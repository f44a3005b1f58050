"""questions/rl/offline-rl.md: greedy selection on logged data (simulated by the snippet, checked against
numerical integration), CQL's tabular fixed point against its closed form, and IQL's expectiles against
a direct minimisation of the asymmetric squared loss."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/offline-rl.md"
OFF = load_snippet("rl/offline.py")

GOOD_VALUE, GOOD_COUNT, RARE, NOISE, PENALTY = 0.5, 100, 9, 1.0, 2.0
TARGETS, FREQ, ALPHA = (0.5, 0.6, 1.0), (0.70, 0.25, 0.05), 0.1
Q_DATA, P_DATA, TAUS = (0.2, 0.5, 0.9), (0.5, 0.3, 0.2), (0.7, 0.9, 0.99)
TD3BC_ALPHA = 2.5


def normal_cdf(x):
    return 0.5 * (1 + math.erf(x / math.sqrt(2)))


def leave_probability(penalty):
    """1 - E_y[Phi(y + shift)^RARE], y ~ N(GOOD_VALUE, NOISE^2 / GOOD_COUNT), by quadrature on a fine grid."""
    se = NOISE / math.sqrt(GOOD_COUNT)
    shift = penalty * (
        NOISE - se
    )  # the rare actions' score is lowered by penalty * NOISE, the good one's by penalty * se
    ys = np.linspace(GOOD_VALUE - 8 * se, GOOD_VALUE + 8 * se, 4001)
    density = np.exp(-0.5 * ((ys - GOOD_VALUE) / se) ** 2) / (se * math.sqrt(2 * math.pi))
    stay = np.array([normal_cdf((y + shift) / NOISE) ** RARE for y in ys])
    return 1 - float(np.sum(density * stay) * (ys[1] - ys[0]))


def softmax(q):
    e = np.exp(q - q.max())
    return e / e.sum()


def expected_values() -> dict[str, str]:
    plain = OFF.greedy_on_logged_data(penalty=0.0)
    lcb = OFF.greedy_on_logged_data(penalty=PENALTY)
    q = OFF.cql_fixed_point(TARGETS, FREQ, ALPHA)
    pi = softmax(q)
    out = {
        "good-value": f"{GOOD_VALUE}",
        "good-count": str(GOOD_COUNT),
        "rare": str(RARE),
        "noise": f"{NOISE:g}",
        "leave-plain": f"{100 * plain[0]:.1f} %",
        "true-plain": f"{plain[1]:.3f}",
        "believed-plain": f"{plain[2]:.2f}",
        "penalty": f"{PENALTY:g}",
        "leave-lcb": f"{100 * lcb[0]:.1f} %",
        "true-lcb": f"{lcb[1]:.2f}",
        "believed-lcb": f"{lcb[2]:.2f}",
        "cql-targets": "(" + ", ".join(f"{t:g}" for t in TARGETS) + ")",
        "cql-freq": "(" + ", ".join(f"{f:.2f}" for f in FREQ) + ")",
        "cql-alpha": f"{ALPHA}",
        "cql-q": "(" + ", ".join(f"{v:.3f}" for v in q) + ")",
        "cql-pi": "(" + ", ".join(f"{p:.2f}" for p in pi) + ")",
        "cql-v": f"{pi @ q:.3f}",
        "cql-v-target": f"{pi @ np.array(TARGETS):.3f}",
        "q-data": "(" + ", ".join(f"{v:g}" for v in Q_DATA) + ")",
        "p-data": "(" + ", ".join(f"{p:g}" for p in P_DATA) + ")",
        "q-mean": f"{np.dot(Q_DATA, P_DATA):.2f}",
        "q-max": f"{max(Q_DATA):g}",
        "td3bc-alpha": f"{TD3BC_ALPHA}",
    }
    for k, tau in enumerate(TAUS, start=1):
        out[f"tau-{k}"] = f"{tau}"
        out[f"expectile-{k}"] = f"{OFF.expectile(Q_DATA, P_DATA, tau):.3f}"
    return out


def test_simulated_leave_probability_matches_the_integral():
    trials = 100_000
    for penalty in (0.0, PENALTY):
        simulated = OFF.greedy_on_logged_data(trials=trials, penalty=penalty, seed=5)[0]
        exact = leave_probability(penalty)
        assert abs(simulated - exact) < 5 * math.sqrt(exact * (1 - exact) / trials)


def test_plain_greedy_is_worse_than_the_behaviour_and_overconfident():
    leave, true_value, believed = OFF.greedy_on_logged_data(penalty=0.0)
    assert true_value < GOOD_VALUE / 10 and believed > 1.4  # E max of 9 standard normals is about 1.49
    leave_lcb, true_lcb, _ = OFF.greedy_on_logged_data(penalty=PENALTY)
    assert leave_lcb < leave and true_lcb > 0.8 * GOOD_VALUE


def test_cql_fixed_point_has_the_closed_form_and_underestimates_in_expectation():
    q = OFF.cql_fixed_point(TARGETS, FREQ, ALPHA)
    pi = softmax(q)
    np.testing.assert_allclose(q, np.array(TARGETS) - ALPHA * (pi / np.array(FREQ) - 1), atol=1e-9)
    assert pi @ q <= pi @ np.array(TARGETS)
    assert np.argmax(q) != np.argmax(TARGETS)  # the rarely logged action no longer wins
    np.testing.assert_allclose(OFF.cql_fixed_point(TARGETS, FREQ, 0.0), TARGETS)  # no penalty, no change


def test_expectile_minimises_the_asymmetric_square_and_tends_to_the_max():
    grid = np.linspace(0, 1, 100_001)
    values, probs = np.array(Q_DATA), np.array(P_DATA)
    for tau in (0.5, *TAUS):
        diff = values[None, :] - grid[:, None]
        weight = np.where(diff > 0, tau, 1 - tau)
        loss = (weight * diff**2) @ probs
        assert abs(grid[np.argmin(loss)] - OFF.expectile(values, probs, tau)) < 2e-5
    assert math.isclose(OFF.expectile(values, probs, 0.5), float(values @ probs), abs_tol=1e-9)
    assert max(values) - OFF.expectile(values, probs, 0.9999) < 0.01


def test_stated_values():
    assert_values(PAGE, expected_values())
