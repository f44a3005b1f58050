"""questions/rl/off-policy-vtrace.md: V-trace targets from the snippet's recursion against the direct
sum, their limits, the fixed point under truncation (by simulation), and importance-sampling
variances computed exactly by enumeration."""

import itertools
import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/off-policy-vtrace.md"
VT = load_snippet("rl/vtrace.py")

GAMMA = 0.9
REWARDS = (1.0, 0.0, 0.0, 1.0)
VALUES = (0.5, 0.4, 0.6, 0.3)
BOOTSTRAP = 0.2
RATIOS = (1.6, 0.4, 1.2, 0.8)
MU, PI, REWARD = np.array([0.5, 0.5]), np.array([0.9, 0.1]), np.array([1.0, 0.0])
RHO_BARS = (1.0, 0.5)
IS_STEPS, LONG_STEPS = 5, 10
FAR_STEPS = 50


def vtrace_by_definition(rewards, values, bootstrap, ratios, gamma, rho_bar, c_bar):
    """v_s = V(x_s) + sum_{t >= s} gamma^(t-s) (prod_{i=s}^{t-1} c_i) rho_t (r_t + gamma V(x_{t+1}) - V(x_t))."""
    n = len(rewards)
    v_next = list(values[1:]) + [bootstrap]
    out = []
    for s in range(n):
        total = values[s]
        for t in range(s, n):
            trace = math.prod(min(c_bar, ratios[i]) for i in range(s, t))
            total += gamma ** (t - s) * trace * min(rho_bar, ratios[t]) * (rewards[t] + gamma * v_next[t] - values[t])
        out.append(total)
    return np.array(out)


def truncated_value(rho_bar):
    """The fixed point: the value of pi_rho ∝ min(rho_bar mu, pi)."""
    weights = np.minimum(rho_bar * MU, PI)
    return float(weights @ REWARD / weights.sum())


def is_variances(steps):
    """Exact mean and variance of the trajectory and per-decision IS estimates (reward 1 for action 0)."""
    moments = np.zeros((2, 2))
    for actions in itertools.product((0, 1), repeat=steps):
        prob = float(np.prod(MU[list(actions)]))
        ratios = PI[list(actions)] / MU[list(actions)]
        rewards = REWARD[list(actions)]
        for row, estimate in enumerate(
            (VT.trajectory_is_return(rewards, ratios, 1.0), VT.per_decision_is_return(rewards, ratios, 1.0))
        ):
            moments[row] += prob * np.array([estimate, estimate**2])
    return moments[:, 0], moments[:, 1] - moments[:, 0] ** 2


def four(x):
    """Four decimals, with a real minus sign as the page's table writes it."""
    return f"{x:.4f}".replace("-", "−")


def expected_values() -> dict[str, str]:
    targets, _ = VT.vtrace(REWARDS, VALUES, BOOTSTRAP, RATIOS, GAMMA)
    rho = np.minimum(1.0, RATIOS)
    next_values = np.append(VALUES[1:], BOOTSTRAP)
    deltas = rho * (np.array(REWARDS) + GAMMA * next_values - np.array(VALUES))
    second_moment = float(MU @ (PI / MU) ** 2)
    clipped_moment = float(MU @ np.minimum(1.0, PI / MU) ** 2)
    means, variances = is_variances(IS_STEPS)
    out = {
        "gamma": f"{GAMMA}",
        "bootstrap": f"{BOOTSTRAP}",
        "v0-full": four(VT.vtrace(REWARDS, VALUES, BOOTSTRAP, RATIOS, GAMMA, np.inf, np.inf)[0][0]),
        "v0-onestep": four(VT.vtrace(REWARDS, VALUES, BOOTSTRAP, RATIOS, GAMMA, 1.0, 0.0)[0][0]),
        "v0-onpolicy": four(VT.vtrace(REWARDS, VALUES, BOOTSTRAP, np.ones(4), GAMMA)[0][0]),
        "mu": "(" + ", ".join(f"{m}" for m in MU) + ")",
        "pi": "(" + ", ".join(f"{p}" for p in PI) + ")",
        "reward-vec": "(" + ", ".join(f"{r:g}" for r in REWARD) + ")",
        "v-pi": f"{PI @ REWARD:.1f}",
        "v-mu": f"{MU @ REWARD:.1f}",
        "rho-bar-1": f"{RHO_BARS[0]:g}",
        "pi-rho-1": "(" + ", ".join(f"{w:.1f}" for w in np.minimum(RHO_BARS[0] * MU, PI)) + ")",
        "v-rho-1": f"{truncated_value(RHO_BARS[0]):.3f}",
        "rho-bar-2": f"{RHO_BARS[1]:g}",
        "v-rho-2": f"{truncated_value(RHO_BARS[1]):.3f}",
        "rho-bar-exact": f"{max(PI / MU):.1f}",
        "second-moment": f"{second_moment:.2f}",
        "long-steps": str(LONG_STEPS),
        "moment-long": f"{second_moment**LONG_STEPS:.0f}",
        "far-steps": str(FAR_STEPS),
        "moment-far": f"{second_moment**FAR_STEPS:.1e}".replace("e+", " \\times 10^{") + "}",
        "clipped-moment": f"{clipped_moment:.2f}",
        "long-steps-2": str(LONG_STEPS),
        "clipped-long": f"{clipped_moment**LONG_STEPS:.4f}",
        "is-steps": str(IS_STEPS),
        "is-mean": f"{means[0]:.1f}",
        "var-trajectory": f"{variances[0]:.0f}",
        "var-per-decision": f"{variances[1]:.0f}",
    }
    for t in range(4):
        out |= {
            f"ratio-{t}": f"{RATIOS[t]}",
            f"rho-{t}": f"{min(1.0, RATIOS[t]):g}",
            f"reward-{t}": f"{REWARDS[t]:g}",
            f"value-{t}": f"{VALUES[t]}",
            f"delta-{t}": four(deltas[t]),
            f"target-{t}": four(targets[t]),
        }
    return out


def test_recursion_matches_the_direct_sum():
    rng = np.random.default_rng(0)
    cases = [(REWARDS, VALUES, BOOTSTRAP, RATIOS)]
    cases += [(rng.normal(size=7), rng.normal(size=7), rng.normal(), rng.uniform(0.1, 3.0, size=7)) for _ in range(5)]
    for rewards, values, bootstrap, ratios in cases:
        for rho_bar, c_bar in ((1.0, 1.0), (2.0, 0.5), (np.inf, np.inf), (1.0, 0.0)):
            got, _ = VT.vtrace(rewards, values, bootstrap, ratios, GAMMA, rho_bar, c_bar)
            want = vtrace_by_definition(list(rewards), list(values), bootstrap, list(ratios), GAMMA, rho_bar, c_bar)
            np.testing.assert_allclose(got, want, atol=1e-12)


def test_on_policy_vtrace_is_the_n_step_return():
    targets, _ = VT.vtrace(REWARDS, VALUES, BOOTSTRAP, np.ones(4), GAMMA)
    for s in range(4):
        n_step = sum(GAMMA ** (t - s) * REWARDS[t] for t in range(s, 4)) + GAMMA ** (4 - s) * BOOTSTRAP
        assert math.isclose(targets[s], n_step, rel_tol=1e-12)


def test_vtrace_learning_converges_to_the_truncated_policys_value():
    """One-step episodes from mu; V <- V + lr (v_s - V) settles at the value of pi_rho, not of pi."""
    rng = np.random.default_rng(1)
    for rho_bar in RHO_BARS:
        value, lr = 0.0, 0.005
        history = []
        for step in range(20_000):
            action = rng.choice(2, p=MU)
            target, _ = VT.vtrace([REWARD[action]], [value], 0.0, [PI[action] / MU[action]], GAMMA, rho_bar, 1.0)
            value += lr * (target[0] - value)
            if step >= 10_000:
                history.append(value)
        assert abs(np.mean(history) - truncated_value(rho_bar)) < 0.01
    assert math.isclose(truncated_value(max(PI / MU)), float(PI @ REWARD))


def test_importance_sampling_is_unbiased_and_per_decision_has_lower_variance():
    means, variances = is_variances(IS_STEPS)
    np.testing.assert_allclose(means, IS_STEPS * float(PI @ REWARD), rtol=1e-12)
    assert variances[1] < variances[0]


def test_stated_values():
    assert_values(PAGE, expected_values())
