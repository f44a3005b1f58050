"""questions/coding/kata-multi-head-attention.md: the snippet's attention against a loop reference
written independently here (per batch, head and query, keys visited one by one), the KV-cache case
against running the whole sequence, the mask shown on the page, the red-flag lower-triangular mask,
causality and the edge cases."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/kata-multi-head-attention.md"
MASK_NQ, MASK_NK = 2, 5
B, T, PREFIX, D, H = 2, 6, 4, 16, 4


def mha():
    return load_snippet("coding/multi_head_attention.py")


def loop_attention(x_new, x_past, w_q, w_k, w_v, w_o, n_heads):
    """Reference: every output row by explicit loops over batch, head, query and allowed key."""
    x_all = np.concatenate([x_past, x_new], axis=1) if x_past is not None else x_new
    b, n_q, d = x_new.shape
    n_k = x_all.shape[1]
    dh = d // n_heads
    out = np.zeros((b, n_q, d))
    for bi in range(b):
        heads = []
        for h in range(n_heads):
            cols = slice(h * dh, (h + 1) * dh)
            head_out = np.zeros((n_q, dh))
            for i in range(n_q):
                position = n_k - n_q + i  # absolute position of query i
                q = x_new[bi, i] @ w_q[:, cols]
                scores, values = [], []
                for j in range(position + 1):  # keys 0 .. position only
                    kj = x_all[bi, j] @ w_k[:, cols]
                    scores.append(float(q @ kj) / math.sqrt(dh))
                    values.append(x_all[bi, j] @ w_v[:, cols])
                top = max(scores)
                weights = [math.exp(s - top) for s in scores]
                total = sum(weights)
                head_out[i] = sum(w / total * val for w, val in zip(weights, values, strict=True))
            heads.append(head_out)
        out[bi] = np.concatenate(heads, axis=1) @ w_o
    return out


def weights(rng, d):
    return [rng.normal(size=(d, d)) / math.sqrt(d) for _ in range(4)]


def mask_rows(mask) -> list[str]:
    return [" ".join(str(int(v)) for v in row) for row in mask]


def expected_values() -> dict[str, str]:
    m = mha()
    mask = mask_rows(m.causal_mask(MASK_NQ, MASK_NK))
    tril = mask_rows(np.tril(np.ones((MASK_NQ, MASK_NK), dtype=int)))
    rng = np.random.default_rng(0)
    x = rng.normal(size=(B, T, D))
    ws = weights(rng, D)
    _, cache = m.multi_head_attention(x[:, :PREFIX], *ws, H)
    prefix_shape = cache[0].shape
    _, cache = m.multi_head_attention(x[:, PREFIX:], *ws, H, cache=cache)
    return {
        "mask-nq": f"{MASK_NQ}",
        "mask-nk": f"{MASK_NK}",
        "mask-offset": f"{MASK_NK - MASK_NQ}",
        "pos0": f"{MASK_NK - MASK_NQ}",
        "mask-row0": mask[0],
        "pos1": f"{MASK_NK - MASK_NQ + 1}",
        "mask-row1": mask[1],
        "tril-row0": tril[0],
        "tril-row1": tril[1],
        "demo-b": f"{B}",
        "demo-t": f"{T}",
        "demo-prefix": f"{PREFIX}",
        "demo-new": f"{T - PREFIX}",
        "demo-d": f"{D}",
        "demo-h": f"{H}",
        "prefix-shape": str(tuple(prefix_shape)),
        "cache-shape": str(tuple(cache[0].shape)),
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


@pytest.mark.parametrize("n_past, n_new, d, heads", [(0, 5, 8, 2), (3, 2, 12, 3), (7, 1, 8, 4), (2, 4, 6, 1)])
def test_matches_the_loop_reference(n_past, n_new, d, heads):
    m = mha()
    rng = np.random.default_rng(n_past * 10 + n_new)
    ws = weights(rng, d)
    x_past = rng.normal(size=(2, n_past, d)) if n_past else None
    x_new = rng.normal(size=(2, n_new, d))
    cache = None
    if n_past:
        _, cache = m.multi_head_attention(x_past, *ws, heads)
    got, _ = m.multi_head_attention(x_new, *ws, heads, cache=cache)
    np.testing.assert_allclose(got, loop_attention(x_new, x_past, *ws, heads), rtol=1e-10, atol=1e-12)


def test_cached_decoding_equals_running_the_whole_sequence():
    m = mha()
    rng = np.random.default_rng(1)
    ws = weights(rng, D)
    x = rng.normal(size=(B, T, D))
    full, (k_full, v_full) = m.multi_head_attention(x, *ws, H)
    _, cache = m.multi_head_attention(x[:, :PREFIX], *ws, H)
    tail, cache = m.multi_head_attention(x[:, PREFIX:], *ws, H, cache=cache)
    np.testing.assert_allclose(tail, full[:, PREFIX:], atol=1e-12)
    np.testing.assert_allclose(cache[0], k_full, atol=1e-12)
    steps, cache = [], None  # one token at a time, as in generation
    for t in range(T):
        out, cache = m.multi_head_attention(x[:, t : t + 1], *ws, H, cache=cache)
        steps.append(out)
    np.testing.assert_allclose(np.concatenate(steps, axis=1), full, atol=1e-12)


def test_the_lower_triangular_mask_breaks_the_cache_case():
    """The red-flag mask j <= i hides the cached keys from the new queries."""
    m = mha()
    rng = np.random.default_rng(2)
    ws = weights(rng, D)
    x = rng.normal(size=(B, T, D))
    full, _ = m.multi_head_attention(x, *ws, H)
    q, k, v = (m.split_heads(x @ w, H) for w in ws[:3])
    q_new = q[:, :, PREFIX:]
    scores = q_new @ np.swapaxes(k, -1, -2) / math.sqrt(D // H)
    wrong_mask = np.tril(np.ones((T - PREFIX, T), dtype=bool))
    wrong = m.merge_heads(m.softmax(np.where(wrong_mask, scores, -np.inf)) @ v) @ ws[3]
    assert not np.allclose(wrong, full[:, PREFIX:])
    right = m.merge_heads(m.attention(q_new, k, v)) @ ws[3]
    np.testing.assert_allclose(right, full[:, PREFIX:], atol=1e-12)


def test_changing_a_later_token_leaves_earlier_outputs_unchanged():
    m = mha()
    rng = np.random.default_rng(3)
    ws = weights(rng, D)
    x = rng.normal(size=(B, T, D))
    y = x.copy()
    y[:, -1] += 5.0
    a, _ = m.multi_head_attention(x, *ws, H)
    b, _ = m.multi_head_attention(y, *ws, H)
    np.testing.assert_array_equal(a[:, :-1], b[:, :-1])
    assert not np.allclose(a[:, -1], b[:, -1])


def test_mask_edge_cases():
    m = mha()
    np.testing.assert_array_equal(m.causal_mask(4, 4), np.tril(np.ones((4, 4), dtype=bool)))
    assert m.causal_mask(1, 7).all()  # a single new token sees the whole cache and itself
    for n_q, n_k in [(5, 4), (0, 3)]:
        with pytest.raises(ValueError):
            m.causal_mask(n_q, n_k)
    with pytest.raises(ValueError):
        m.multi_head_attention(np.zeros((1, 2, 10)), *[np.eye(10)] * 4, n_heads=3)


def test_softmax_is_stable_for_large_scores():
    m = mha()
    q = np.full((1, 1, 2, 4), 1e4)
    k = np.full((1, 1, 3, 4), 1e4)
    v = np.arange(12.0).reshape(1, 1, 3, 4)
    out = m.attention(q, k, v)
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out[0, 0, 0], v[0, 0, :2].mean(axis=0))  # query 0 sees keys 0 and 1
