"""questions/distributed/rematerialisation.md: checkpointed backprop gives the same gradients, the
sqrt(L) schedule's memory and recomputation, and Korthikanti et al.'s activation bytes for a GPT-3 layer."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/distributed/rematerialisation.md"
ck = load_snippet("distributed/checkpointing.py")

LAYERS, EVERY = 64, 8
SEQ, HIDDEN, HEADS, DEPTH, TP = 2048, 12288, 96, 96, 8  # GPT-3 175B, one sequence per micro-batch


def chain(n, seed=0):
    rng = np.random.default_rng(seed)
    return [rng.normal(0, 0.4, size=(6, 6)) for _ in range(n)], rng.normal(size=6), rng.normal(size=6)


def test_checkpointed_gradients_equal_plain_backprop():
    for n in (1, 7, 20):
        weights, x0, g = chain(n)
        plain, _, _ = ck.gradients(weights, x0, g, every=1)
        for every in (2, 3, 5, n):
            grads, _, _ = ck.gradients(weights, x0, g, every=every)
            for a, b in zip(plain, grads, strict=True):
                np.testing.assert_allclose(a, b, atol=1e-12)


def test_plain_backprop_gradient_matches_finite_differences():
    weights, x0, g = chain(4, seed=1)

    def objective(ws):
        x = x0
        for w in ws:
            x = ck.layer(w, x)
        return float(g @ x)

    grads, _, _ = ck.gradients(weights, x0, g)
    eps = 1e-6
    for layer_index in (0, 3):
        for idx in [(0, 0), (2, 5)]:
            bumped = [w.copy() for w in weights]
            bumped[layer_index][idx] += eps
            down = [w.copy() for w in weights]
            down[layer_index][idx] -= eps
            numeric = (objective(bumped) - objective(down)) / (2 * eps)
            assert math.isclose(grads[layer_index][idx], numeric, rel_tol=1e-5, abs_tol=1e-9)


def test_counted_memory_and_recomputation_follow_the_formulas():
    weights, x0, g = chain(LAYERS)
    for every in (1, 3, 8, 16, 64):
        _, peak, forwards = ck.gradients(weights, x0, g, every=every)
        assert peak == ck.sqrt_schedule_memory(LAYERS, every) if every > 1 else peak == LAYERS + 1
        assert forwards == 2 * LAYERS - math.ceil(LAYERS / every)


def test_sqrt_l_is_the_best_segment_length():
    best = min(range(1, LAYERS + 1), key=lambda k: (ck.sqrt_schedule_memory(LAYERS, k), k))
    assert best == math.isqrt(LAYERS) == EVERY


def expected_values() -> dict[str, str]:
    weights, x0, g = chain(LAYERS)
    _, plain_peak, _ = ck.gradients(weights, x0, g, every=1)
    _, peak, forwards = ck.gradients(weights, x0, g, every=EVERY)
    recomputed = forwards - LAYERS
    per_layer = ck.activation_bytes_per_layer(SEQ, 1, HIDDEN, HEADS)
    selective = 34 * SEQ * HIDDEN
    stored_input = 2 * SEQ * HIDDEN
    attention_term = 5 * HEADS * SEQ / HIDDEN
    return {
        "layers": str(LAYERS),
        "every": str(EVERY),
        "plain-peak": str(plain_peak),
        "checkpoints": str(LAYERS // EVERY + 1),
        "interior": str(EVERY - 1),
        "peak": str(peak),
        "memory-ratio": f"{plain_peak / peak:.1f}",
        "recomputed": str(recomputed),
        "recomputed-share": f"{recomputed / LAYERS * 100:.1f} %",
        "overhead": f"{recomputed / (3 * LAYERS) * 100:.1f} %",
        "full-overhead": f"{100 / 3:.1f} %",
        "seq": f"{SEQ:,}",
        "hidden": f"{HIDDEN:,}",
        "heads": str(HEADS),
        "depth": str(DEPTH),
        "attention-term": f"{attention_term:.0f}",
        "per-layer-gb": f"{per_layer / 1e9:.2f}",
        "per-layer-gb-2": f"{per_layer / 1e9:.2f}",
        "attention-share": f"{attention_term / (34 + attention_term) * 100:.1f} %",
        "selective-gb": f"{selective / 1e9:.3f}",
        "input-mb": f"{stored_input / 1e6:.1f}",
        "total-none": f"{DEPTH * per_layer / 1e9:.0f}",
        "total-selective": f"{DEPTH * selective / 1e9:.1f}",
        "total-full": f"{DEPTH * stored_input / 1e9:.2f}",
        "tp": str(TP),
        "tp-none": f"{DEPTH * per_layer / TP / 1e9:.1f}",
        "tp-selective": f"{DEPTH * selective / TP / 1e9:.1f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
