"""questions/llm/positional-encodings.md: RoPE's relative property, ALiBi slopes, context extension."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/positional-encodings.md"
pos = load_snippet("llm/positions.py")

D_HEAD, BASE = 128, 10_000.0
TRAIN_CONTEXT, LONG_CONTEXT = 4096, 16_384
HEADS = 8
ALIBI_DISTANCE = 100


def rope_score_complex(q, k, m, n, base=BASE):
    """Independent closed form: each plane is a complex number; the logit is Re sum q_i conj(k_i) e^{i(m-n)theta_i}."""
    qc, kc = q[0::2] + 1j * q[1::2], k[0::2] + 1j * k[1::2]
    theta = base ** (-np.arange(0, len(q), 2) / len(q))
    return float(np.real(np.sum(qc * np.conj(kc) * np.exp(1j * (m - n) * theta))))


def test_rope_logit_depends_only_on_the_offset():
    rng = np.random.default_rng(0)
    for _ in range(20):
        q, k = rng.normal(size=D_HEAD), rng.normal(size=D_HEAD)
        m, n, shift = rng.integers(0, 5000, size=3)
        assert math.isclose(pos.rope_score(q, k, m, n), pos.rope_score(q, k, m + shift, n + shift), abs_tol=1e-8)
        assert math.isclose(pos.rope_score(q, k, m, n), rope_score_complex(q, k, m, n), abs_tol=1e-8)


def test_rope_is_a_rotation():
    x = np.random.default_rng(1).normal(size=D_HEAD)
    assert math.isclose(np.linalg.norm(pos.rope(x, 1234)), np.linalg.norm(x))


def test_sinusoidal_shift_is_linear():
    """PE(pos + k) is the same rotation of PE(pos) for every pos: fit it once, check it elsewhere."""
    d, k = 16, 7
    table = pos.sinusoidal(np.arange(200), d)
    shift, *_ = np.linalg.lstsq(table[:100], table[k : 100 + k], rcond=None)
    np.testing.assert_allclose(table[100:193] @ shift, table[100 + k : 193 + k], atol=1e-8)


def test_interpolation_and_ntk_keep_the_slowest_angle_in_range():
    scale = LONG_CONTEXT / TRAIN_CONTEXT
    slowest = pos.rope_frequencies(D_HEAD)[-1]
    seen = TRAIN_CONTEXT * slowest
    assert math.isclose(LONG_CONTEXT / scale * slowest, seen)  # position interpolation
    ntk = pos.rope_frequencies(D_HEAD, pos.ntk_base(BASE, D_HEAD, scale))
    assert math.isclose(LONG_CONTEXT * ntk[-1], seen)  # NTK: the slowest plane is interpolated by the scale
    assert ntk[0] == 1.0  # and the fastest plane is untouched


def expected_values() -> dict[str, str]:
    freqs = pos.rope_frequencies(D_HEAD)
    slopes = pos.alibi_slopes(HEADS)
    scale = LONG_CONTEXT / TRAIN_CONTEXT
    return {
        "score-near": f"{pos.rope_score(pos.Q, pos.K, 5, 2):.4f}",
        "score-far": f"{pos.rope_score(pos.Q, pos.K, 105, 102):.4f}",
        "score-other": f"{pos.rope_score(pos.Q, pos.K, 6, 2):.4f}",
        "d-head": str(D_HEAD),
        "base": f"{BASE:,.0f}",
        "fast-wavelength": f"{2 * math.pi / freqs[0]:.2f}",
        "slow-wavelength": f"{2 * math.pi / freqs[-1]:,.0f}",
        "train-context": f"{TRAIN_CONTEXT:,}",
        "seen-angle": f"{TRAIN_CONTEXT * freqs[-1]:.3f}",
        "long-context": f"{LONG_CONTEXT:,}",
        "unseen-angle": f"{LONG_CONTEXT * freqs[-1]:.2f}",
        "scale": f"{scale:.0f}",
        "ntk-base": f"{pos.ntk_base(BASE, D_HEAD, scale):,.0f}",
        "heads": str(HEADS),
        "slope-first": f"{slopes[0]}",
        "slope-second": f"{slopes[1]}",
        "slope-last": f"{slopes[-1]}",
        "alibi-distance": str(ALIBI_DISTANCE),
        "alibi-bias-first": f"{-slopes[0] * ALIBI_DISTANCE:.0f}",
        "alibi-bias-last": f"{-slopes[-1] * ALIBI_DISTANCE:.2f}",
        "gpt2-context": f"{1024:,}",
        "gpt2-width": "768",
        "gpt2-positions": f"{1024 * 768:,}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
