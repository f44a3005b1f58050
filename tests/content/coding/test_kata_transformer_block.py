"""questions/coding/kata-transformer-block.md: the snippet's block against a token-by-token reference
written here with loops and the math module; causality; identity when the output projections are
zero; RMSNorm's scale invariance; the stable SiLU; and the parameter counts the page states, counted
from the arrays the snippet allocates."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/kata-transformer-block.md"
D_MODEL, D_FF, D_FF_MATCHED = 512, 1536, 1365
GELU_RATIO = 4
RTOL = 1e-9
DEMO = {"b": 2, "t": 5, "d": 64, "heads": 4, "ff": 172}


def tb():
    return load_snippet("coding/transformer_block.py")


def reference_block(x, p, n_heads, eps=1e-6):
    """Token by token: norms with explicit sums, attention over earlier tokens with Python loops."""
    b, t, d = x.shape
    dh = d // n_heads

    def norm(vec, gain):
        ms = sum(float(v) ** 2 for v in vec) / len(vec)
        return np.array([float(v) / math.sqrt(ms + eps) * float(g) for v, g in zip(vec, gain, strict=True)])

    def sigmoid(z):
        return 1 / (1 + math.exp(-z)) if z >= 0 else math.exp(z) / (1 + math.exp(z))

    out = np.zeros_like(x)
    for bi in range(b):
        normed = [norm(x[bi, i], p["attn_norm"]) for i in range(t)]
        for i in range(t):
            concat = []
            for h in range(n_heads):
                cols = slice(h * dh, (h + 1) * dh)
                q = normed[i] @ p["w_q"][:, cols]
                logits = [float(q @ (normed[j] @ p["w_k"][:, cols])) / math.sqrt(dh) for j in range(i + 1)]
                top = max(logits)
                w = [math.exp(s - top) for s in logits]
                concat.append(sum(wj / sum(w) * (normed[j] @ p["w_v"][:, cols]) for j, wj in enumerate(w)))
            h_i = x[bi, i] + np.concatenate(concat) @ p["w_o"]
            m = norm(h_i, p["mlp_norm"])
            gate = m @ p["w_gate"]
            hidden = np.array([g * sigmoid(g) for g in gate]) * (m @ p["w_up"])
            out[bi, i] = h_i + hidden @ p["w_down"]
    return out


def expected_values() -> dict[str, str]:
    t = tb()
    rng = np.random.default_rng(0)
    sizes = {name: a.size for name, a in t.init_block(D_MODEL, D_FF, rng).items()}
    attn = sum(sizes[k] for k in ("w_q", "w_k", "w_v", "w_o"))
    mlp = sum(sizes[k] for k in ("w_gate", "w_up", "w_down"))
    norms = sizes["attn_norm"] + sizes["mlp_norm"]
    demo = t.init_block(DEMO["d"], DEMO["ff"], rng)
    y = t.block_forward(rng.normal(size=(DEMO["b"], DEMO["t"], DEMO["d"])), demo, DEMO["heads"])
    return {
        "d-model": f"{D_MODEL}",
        "d-ff": f"{D_FF:,}".replace(",", "\\,"),  # inside a formula
        "attn-params": f"{attn:,}",
        "mlp-params": f"{mlp:,}",
        "norm-params": f"{norms:,}",
        "total-params": f"{t.param_count(D_MODEL, D_FF):,}",
        "gelu-ratio": f"{GELU_RATIO}",
        "gelu-mlp-params": f"{2 * D_MODEL * GELU_RATIO * D_MODEL:,}",
        "d-ff-matched": f"{D_FF_MATCHED:,}",
        "swiglu-matched-params": f"{3 * D_MODEL * D_FF_MATCHED:,}",
        "rtol": f"10^{{{round(math.log10(RTOL))}}}",
        "demo-d": f"{DEMO['d']}",
        "demo-b": f"{DEMO['b']}",
        "demo-t": f"{DEMO['t']}",
        "demo-d-again": f"{DEMO['d']}",
        "d-ff-again": f"{D_FF:,}",
        "demo-shape": str(tuple(y.shape)),
        "demo-heads": f"{DEMO['heads']}",
        "demo-ff": f"{DEMO['ff']}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_block_matches_the_token_by_token_reference():
    t = tb()
    for seed, (b, n, d, heads, ff) in enumerate([(2, 5, 16, 4, 24), (1, 7, 12, 3, 20), (3, 1, 8, 1, 8)]):
        rng = np.random.default_rng(seed)
        p = t.init_block(d, ff, rng)
        p["attn_norm"] = rng.uniform(0.5, 1.5, d)  # non-trivial gains, so a swapped gain is caught
        p["mlp_norm"] = rng.uniform(0.5, 1.5, d)
        x = rng.normal(size=(b, n, d))
        np.testing.assert_allclose(t.block_forward(x, p, heads), reference_block(x, p, heads), rtol=RTOL, atol=1e-10)


def test_changing_a_later_token_does_not_change_earlier_outputs():
    t = tb()
    rng = np.random.default_rng(1)
    p = t.init_block(32, 48, rng)
    x = rng.normal(size=(2, 6, 32))
    base = t.block_forward(x, p, 4)
    for pos in range(6):
        y = x.copy()
        y[:, pos] = rng.normal(size=(2, 32)) * 3
        changed = t.block_forward(y, p, 4)
        np.testing.assert_array_equal(changed[:, :pos], base[:, :pos])
        assert not np.allclose(changed[:, pos], base[:, pos])


def test_zero_output_projections_make_the_block_the_identity():
    t = tb()
    rng = np.random.default_rng(2)
    p = t.init_block(16, 24, rng)
    p["w_o"][:] = 0
    p["w_down"][:] = 0
    x = rng.normal(size=(2, 4, 16))
    np.testing.assert_array_equal(t.block_forward(x, p, 2), x)


def test_rms_norm_is_scale_invariant_and_has_unit_rms():
    t = tb()
    rng = np.random.default_rng(3)
    x = rng.normal(size=(4, 10))
    gain = np.ones(10)
    y = t.rms_norm(x, gain, eps=0.0)
    np.testing.assert_allclose(np.sqrt((y**2).mean(axis=-1)), 1.0)
    np.testing.assert_allclose(t.rms_norm(7.5 * x, gain, eps=0.0), y)
    assert not np.allclose(y.mean(axis=-1), 0.0)  # unlike LayerNorm, the mean is not removed


def test_silu_is_stable_and_matches_the_definition():
    t = tb()
    z = np.array([-1000.0, -20.0, -1.0, 0.0, 1.0, 20.0, 1000.0])
    with np.errstate(all="raise"):
        got = t.silu(z)
    want = [v / (1 + math.exp(-v)) if v > -700 else 0.0 for v in z]
    np.testing.assert_allclose(got, want, atol=1e-12)


def test_param_count_formula_matches_allocated_arrays():
    t = tb()
    rng = np.random.default_rng(4)
    for d, ff in [(8, 8), (64, 172), (D_MODEL, D_FF)]:
        assert sum(a.size for a in t.init_block(d, ff, rng).values()) == t.param_count(d, ff)
