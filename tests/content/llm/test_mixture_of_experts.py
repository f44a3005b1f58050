"""questions/llm/mixture-of-experts.md: routing with capacity, the balancing loss, Mixtral's parameters."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/mixture-of-experts.md"
moe = load_snippet("llm/moe.py")

TOKENS, EXPERTS, TOP_K = 4096, 8, 2
CF_HIGH, CF_LOW = 1.25, 1.0
LOADS = [1500, 1400, 1100, 1000, 950, 900, 700, 642]
ALPHA = 0.01
COLLAPSE_EXPERTS, COLLAPSE_P = 4, 0.7


def mixtral_shapes():
    """Every weight matrix of the Mixtral-style model, listed one by one."""
    c = moe.MIXTRAL
    d, head_dim = c["d"], c["d"] // c["heads"]
    shapes = [(c["vocab"], d), (d, c["vocab"]), (d,)]
    active = list(shapes)
    for _ in range(c["layers"]):
        layer = [(d, d), (d, c["kv_heads"] * head_dim), (d, c["kv_heads"] * head_dim), (d, d), (d, c["experts"])]
        layer += [(d,), (d,)]
        experts = [[(d, c["ffn"]), (d, c["ffn"]), (c["ffn"], d)] for _ in range(c["experts"])]
        shapes += layer + [s for e in experts for s in e]
        active += layer + [s for e in experts[: c["top_k"]] for s in e]
    return shapes, active


def naive_route(logits, k, capacity):
    """Reference router: sort each token's experts with Python, fill experts first come first served."""
    load, dropped, kept = [0] * logits.shape[1], 0, []
    for t, row in enumerate(logits):
        order = sorted(range(len(row)), key=lambda e: (-row[e], e))[:k]
        for e in order:
            if load[e] < capacity:
                load[e] += 1
                kept.append((t, e))
            else:
                dropped += 1
    return kept, dropped


def test_param_count_matches_the_matrix_list():
    shapes, active = mixtral_shapes()
    total, act = moe.moe_params(**moe.MIXTRAL)
    assert total == sum(math.prod(s) for s in shapes)
    assert act == sum(math.prod(s) for s in active)


def test_router_matches_reference_and_respects_capacity():
    rng = np.random.default_rng(3)
    for cf in (0.5, 1.0, 1.25, 2.0):
        logits = rng.normal(size=(200, EXPERTS)) + np.linspace(1, -1, EXPERTS)
        kept, dropped, capacity = moe.route(logits, TOP_K, cf)
        ref_kept, ref_dropped = naive_route(logits, TOP_K, capacity)
        assert [(t, e) for t, e, _ in kept] == ref_kept and dropped == ref_dropped
        assert np.bincount([e for _, e, _ in kept], minlength=EXPERTS).max() <= capacity
        assert len(kept) + dropped == 200 * TOP_K


def test_gates_of_each_token_sum_to_one():
    kept, _, _ = moe.route(np.random.default_rng(4).normal(size=(50, EXPERTS)), TOP_K, 10.0)
    sums = np.zeros(50)
    for t, _, g in kept:
        sums[t] += g
    np.testing.assert_allclose(sums, 1.0)


def test_balancing_loss_is_alpha_when_router_probabilities_are_uniform():
    rng = np.random.default_rng(5)
    probs = np.full((64, EXPERTS), 1 / EXPERTS)
    probs[:, rng.integers(EXPERTS)] += 1e-9  # any top-1 assignment at all
    assert math.isclose(moe.load_balancing_loss(probs / probs.sum(1, keepdims=True), ALPHA), ALPHA, rel_tol=1e-6)


def collapse_loss():
    probs = np.full((100, COLLAPSE_EXPERTS), (1 - COLLAPSE_P) / (COLLAPSE_EXPERTS - 1))
    probs[:, 0] = COLLAPSE_P
    return moe.load_balancing_loss(probs, ALPHA)


def expected_values() -> dict[str, str]:
    total, active = moe.moe_params(**moe.MIXTRAL)
    c = moe.MIXTRAL
    cap_high = math.floor(CF_HIGH * TOKENS * TOP_K / EXPERTS)
    cap_low = math.floor(CF_LOW * TOKENS * TOP_K / EXPERTS)
    assignments = TOKENS * TOP_K
    assert sum(LOADS) == assignments
    drop_high, drop_low = moe.dropped_for_loads(LOADS, cap_high), moe.dropped_for_loads(LOADS, cap_low)
    head_dim = c["d"] // c["heads"]
    values = {
        "layers": str(c["layers"]),
        "d": f"{c['d']:,}",
        "ffn": f"{c['ffn']:,}",
        "experts": str(c["experts"]),
        "top-k": str(c["top_k"]),
        "heads": str(c["heads"]),
        "kv-heads": str(c["kv_heads"]),
        "vocab": f"{c['vocab']:,}",
        "attn-per-layer": f"{2 * c['d'] ** 2 + 2 * c['d'] * c['kv_heads'] * head_dim:,}",
        "expert-params": f"{3 * c['d'] * c['ffn']:,}",
        "total": f"{total / 1e9:.2f}",
        "active": f"{active / 1e9:.2f}",
        "active-share": f"{active / total * 100:.1f} %",
        "bf16-memory": f"{2 * total / 1e9:.1f}",
        "flops-moe": f"{2 * active / 1e9:.1f}",
        "flops-dense": f"{2 * total / 1e9:.1f}",
        "alpha": f"{ALPHA}",
        "collapse-experts": str(COLLAPSE_EXPERTS),
        "collapse-p": f"{COLLAPSE_P}",
        "collapse-loss": f"{collapse_loss():.3f}",
        "batch-tokens": f"{TOKENS:,}",
        "assignments": f"{assignments:,}",
        "cf-high": f"{CF_HIGH}",
        "cap-high": f"{cap_high:,}",
        "drop-high": str(drop_high),
        "drop-high-pct": f"{drop_high / assignments * 100:.1f} %",
        "cf-low": f"{CF_LOW}",
        "cap-low": f"{cap_low:,}",
        "drop-low": str(drop_low),
        "drop-low-pct": f"{drop_low / assignments * 100:.1f} %",
    }
    for i, load in enumerate(LOADS, start=1):
        values[f"load{i}"] = f"{load:,}"
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
