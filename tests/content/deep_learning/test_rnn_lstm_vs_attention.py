"""questions/deep-learning/rnn-lstm-vs-attention.md: products of Jacobians through time (against finite
differences), the LSTM cell path, gate arithmetic, linear attention as an RNN, and the cost comparison."""

import math

import numpy as np

from tests.content.deep_learning.formatting import power_of_ten
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/rnn-lstm-vs-attention.md"
REC = load_snippet("deep-learning/recurrence.py")

HIDDEN, STEPS, SEED = 64, 50, 0
GAIN_LOW, GAIN_HIGH = 0.9, 1.1
F_HIGH, F_LOW, GATE_STEPS, BIAS = 0.99, 0.9, 100, 1.0
RETAIN = 0.5
WIDTH, CONTEXT, SSM_STATE, SSM_EXPAND = 4096, 8192, 16, 2


def experiment():
    """The page's setting: a random orthogonal W scaled by a gain, inputs N(0, 1) through U = N(0, 1/d)."""
    rng = np.random.default_rng(SEED)
    Q, _ = np.linalg.qr(rng.standard_normal((HIDDEN, HIDDEN)))
    U = rng.standard_normal((HIDDEN, HIDDEN)) / np.sqrt(HIDDEN)
    xs = rng.standard_normal((STEPS, HIDDEN))
    return Q, U, xs


def norm_after(gain, activation):
    Q, U, xs = experiment()
    return REC.rnn_jacobian_norms(gain * Q, U, xs, activation=activation)[-1]


def expected_values() -> dict[str, str]:
    f_retain = RETAIN ** (1 / GATE_STEPS)
    kv = 2 * CONTEXT * WIDTH
    ssm = SSM_EXPAND * WIDTH * SSM_STATE
    return {
        "hidden": str(HIDDEN),
        "steps": str(STEPS),
        "gain-low": f"{GAIN_LOW}",
        "gain-high": f"{GAIN_HIGH}",
        "lin-low": f"{norm_after(GAIN_LOW, 'linear'):.4f}",
        "lin-high": f"{norm_after(GAIN_HIGH, 'linear'):.0f}",
        "tanh-low": power_of_ten(norm_after(GAIN_LOW, "tanh"), 2),
        "tanh-high": power_of_ten(norm_after(GAIN_HIGH, "tanh"), 2),
        "f-high": f"{F_HIGH}",
        "gate-steps": str(GATE_STEPS),
        "keep-high": f"{F_HIGH**GATE_STEPS:.2f}",
        "f-low": f"{F_LOW}",
        "keep-low": power_of_ten(F_LOW**GATE_STEPS, 2),
        "bias": f"{BIAS:g}",
        "sigma-bias": f"{REC.sigmoid(BIAS):.2f}",
        "keep-bias": power_of_ten(REC.sigmoid(BIAS) ** GATE_STEPS, 2),
        "retain": f"{RETAIN}",
        "gate-steps-2": str(GATE_STEPS),
        "f-retain": f"{f_retain:.4f}",
        "bias-retain": f"{math.log(f_retain / (1 - f_retain)):.1f}",
        "width": f"{WIDTH:,}",
        "context": f"{CONTEXT:,}",
        "mix-ratio": f"{CONTEXT / WIDTH:g}",
        "serial-steps": f"{CONTEXT:,}",
        "kv-values": power_of_ten(kv, 2),
        "lstm-state": f"{2 * WIDTH:,}",
        "ssm-n": str(SSM_STATE),
        "ssm-expand": str(SSM_EXPAND),
        "ssm-state": f"{ssm:,}",
        "kv-over-ssm": f"{kv / ssm:.0f}",
    }


def test_the_jacobian_product_matches_finite_differences():
    rng = np.random.default_rng(1)
    d, T = 6, 5
    W, U = 1.3 * rng.standard_normal((d, d)) / np.sqrt(d), rng.standard_normal((d, d))
    xs = rng.standard_normal((T, d))

    def final_state(h0):
        h = h0
        for x in xs:
            h = np.tanh(W @ h + U @ x)
        return h

    eps = 1e-6
    numeric = np.column_stack([(final_state(eps * e) - final_state(-eps * e)) / (2 * eps) for e in np.eye(d)])
    assert abs(np.linalg.norm(numeric, 2) - REC.rnn_jacobian_norms(W, U, xs)[-1]) < 1e-6


def test_a_linear_rnn_with_scaled_orthogonal_weights_scales_as_gain_to_the_t():
    for gain in (GAIN_LOW, GAIN_HIGH):
        norms = [norm_after(gain, "linear")]
        assert math.isclose(norms[0], gain**STEPS, rel_tol=1e-9)
    # tanh only shrinks: the same weights vanish faster and cannot explode
    assert norm_after(GAIN_HIGH, "tanh") < norm_after(GAIN_HIGH, "linear")
    assert norm_after(GAIN_HIGH, "tanh") < 1e-6


def test_the_lstm_cell_path_is_the_product_of_forget_gates():
    """With the recurrent weights zero, dc_T/dc_0 is exactly diag(prod f_t)."""
    rng = np.random.default_rng(2)
    d, d_in, T = 4, 3, 6
    weights = rng.standard_normal((4 * d, d_in + d))
    weights[:, d_in:] = 0.0
    bias = rng.standard_normal(4 * d)
    xs = rng.standard_normal((T, d_in))

    def run(c0):
        h, c, gates = np.zeros(d), c0, []
        for x in xs:
            h, c, f = REC.lstm_step(x, h, c, weights, bias)
            gates.append(f)
        return c, np.prod(gates, axis=0)

    eps = 1e-6
    numeric = np.column_stack([(run(eps * e)[0] - run(-eps * e)[0]) / (2 * eps) for e in np.eye(d)])
    np.testing.assert_allclose(numeric, np.diag(run(np.zeros(d))[1]), atol=1e-8)


def test_linear_attention_is_an_rnn():
    rng = np.random.default_rng(3)
    Q, K, V = rng.standard_normal((3, 12, 5))
    parallel, recurrent = REC.linear_attention_parallel(Q, K, V), REC.linear_attention_recurrent(Q, K, V)
    np.testing.assert_allclose(parallel, recurrent, atol=1e-12)
    # the first output can only see the first value
    np.testing.assert_allclose(REC.linear_attention_recurrent(Q, K, V)[0], V[0], atol=1e-12)


def test_stated_values():
    assert_values(PAGE, expected_values())
