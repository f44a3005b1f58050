"""questions/deep-learning/adam-optimiser.md: bias correction, Adam against a closed form, AdamW versus L2."""

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/adam-optimiser.md"
ADAM = load_snippet("deep-learning/adam.py")
B1, B2, STEPS_TABLE = 0.9, 0.999, (1, 10, 100, 1000)
LR, WD, STEPS, AMPS = 0.01, 0.1, 1000, (1.0, 100.0)
PARAMS_BILLION, BYTES_PER_PARAM, BETA2_LLM = 7, 8, 0.95


def test_first_moment_of_a_constant_gradient_is_exactly_biased():
    state, g = {}, np.array([2.5, -0.3])
    for t in range(1, 60):
        ADAM.adam_step(np.zeros(2), g, state)
        assert state["m"] == pytest.approx((1 - B1**t) * g, rel=1e-12)
        assert state["v"] == pytest.approx((1 - B2**t) * g**2, rel=1e-12)


def test_expected_first_moment_for_noisy_stationary_gradients():
    rng = np.random.default_rng(0)
    t, mean = 5, 0.7
    runs = []
    for _ in range(20_000):
        state = {}
        for _ in range(t):
            ADAM.adam_step(np.zeros(1), rng.normal(mean, 1.0, 1), state)
        runs.append(state["m"][0])
    se = np.std(runs) / np.sqrt(len(runs))
    assert abs(np.mean(runs) - (1 - B1**t) * mean) < 4 * se


def test_corrected_step_is_the_learning_rate_times_the_sign():
    theta, state = np.zeros(3), {}
    g = np.array([1e-3, -5.0, 200.0])
    for _ in range(7):
        new = ADAM.adam_step(theta, g, state, lr=0.01)
        assert new - theta == pytest.approx(-0.01 * np.sign(g), rel=1e-4)
        theta = new


def test_adam_is_invariant_to_scaling_the_loss():
    rng = np.random.default_rng(1)
    grads = rng.normal(size=(30, 4))
    a, b, sa, sb = np.zeros(4), np.zeros(4), {}, {}
    for g in grads:
        a, b = ADAM.adam_step(a, g, sa), ADAM.adam_step(b, 1000 * g, sb)
    assert a == pytest.approx(b, rel=1e-6)


def test_adamw_with_zero_gradient_is_exact_geometric_decay():
    theta, state = np.array([1.0, -2.0]), {}
    for _ in range(STEPS):
        theta = ADAM.adam_step(theta, np.zeros(2), state, lr=LR, weight_decay=WD, decoupled=True)
    assert theta == pytest.approx(np.array([1.0, -2.0]) * (1 - LR * WD) ** STEPS, rel=1e-12)


def test_sgd_l2_and_weight_decay_coincide_but_adam_l2_does_not():
    rng = np.random.default_rng(2)
    theta, g = rng.normal(size=3), rng.normal(size=3)
    assert theta - LR * (g + WD * theta) == pytest.approx((1 - LR * WD) * theta - LR * g)
    results = ADAM.decay_comparison(AMPS, STEPS, LR, WD)
    assert results["Adam + L2"][1] > 2 * results["AdamW"][1]


def test_momentum_and_rmsprop_updates():
    state, theta = {}, np.zeros(1)
    for _ in range(3):
        theta = ADAM.momentum_step(theta, np.ones(1), state, lr=0.1, beta=0.5)
    assert theta == pytest.approx([-0.1 * (1 + 1.5 + 1.75)])  # velocities 1, 1.5, 1.75
    state, theta = {}, np.zeros(1)
    theta = ADAM.rmsprop_step(theta, np.full(1, 4.0), state, lr=0.1, rho=0.9)
    assert theta == pytest.approx([-0.1 * 4.0 / np.sqrt(0.1 * 16.0)], rel=1e-6)


def expected_values() -> dict[str, str]:
    values = {"beta1": f"{B1}", "beta2": f"{B2}"}
    for t in STEPS_TABLE:
        m, v = 1 - B1**t, 1 - B2**t
        values[f"m{t}"] = f"{m:.3f}"
        values[f"v{t}"] = f"{v:.3f}"
        values[f"r{t}"] = f"{m / np.sqrt(v):.2f}"
    results = ADAM.decay_comparison(AMPS, STEPS, LR, WD)
    values.update(
        {
            "amp-small": f"{AMPS[0]:g}",
            "amp-large": f"{AMPS[1]:g}",
            "steps": f"{STEPS:,}",
            "lr": f"{LR}",
            "wd": f"{WD}",
            "adamw-1": f"{results['AdamW'][0]:.3f}",
            "adamw-100": f"{results['AdamW'][1]:.3f}",
            "l2-1": f"{results['Adam + L2'][0]:.3f}",
            "l2-100": f"{results['Adam + L2'][1]:.3f}",
            "pure-decay": f"{(1 - LR * WD) ** STEPS:.3f}",
            "params": f"{PARAMS_BILLION}",
            "state-gb": f"{PARAMS_BILLION * BYTES_PER_PARAM}",
            "beta2-llm": f"{BETA2_LLM}",
            "memory": f"{1 / (1 - BETA2_LLM):.0f}",
        }
    )
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
