"""questions/deep-learning/attention.md: the scaling argument, the memory of the score matrix, the small
example, and the causal mask with fewer queries than keys (decoding with a KV cache)."""

import math

import numpy as np
import pytest

from tests.content.deep_learning.formatting import grouped, number, vector
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/attention.md"
D_K, N_TOKENS, FP16_BYTES = 64, 4096, 2
COMPONENT_MEAN, COMPONENT_VAR = 0.0, 1.0


def at():
    return load_snippet("deep-learning/attention.py")


def reference_attention(q, k, v, causal=False):
    """Loop over queries and keys, one softmax at a time: the queries are the last n of m positions."""
    n, m = q.shape[0], k.shape[0]
    out, weights = np.zeros((n, v.shape[1])), np.zeros((n, m))
    for i in range(n):
        visible = [j for j in range(m) if not causal or j <= i + (m - n)]
        scores = np.array([q[i] @ k[j] / math.sqrt(q.shape[1]) for j in visible])
        e = np.exp(scores - scores.max())
        for j, w in zip(visible, e / e.sum(), strict=True):
            weights[i, j] = w
            out[i] += w * v[j]
    return out, weights


def raw_score_std(d_k: int, samples: int = 40_000, seed: int = 0) -> float:
    rng = np.random.default_rng(seed)
    q, k = rng.normal(COMPONENT_MEAN, np.sqrt(COMPONENT_VAR), size=(2, samples, d_k))
    return float(np.std((q * k).sum(axis=1)))


def vec4(values) -> str:
    return "(" + ", ".join(number(round(float(v), 4)) for v in values) + ")"


def expected_values() -> dict[str, str]:
    snippet = at()
    out, w = snippet.attention(snippet.Q, snippet.K, snippet.V)
    _, w_causal = snippet.attention(snippet.Q, snippet.K, snippet.V, causal=True)
    q_last = snippet.Q[-1:]
    n, m = q_last.shape[0], snippet.K.shape[0]
    # The n_q = n_k mask, k=1, applied to a single cached query: it sees key 0 only.
    buggy = np.where(np.triu(np.ones((n, m), dtype=bool), k=1), -np.inf, q_last @ snippet.K.T)
    buggy_weights = snippet.softmax(buggy)
    return {
        "q-mean": f"{COMPONENT_MEAN:g}",
        "q-var": f"{COMPONENT_VAR:g}",
        "dk": f"{D_K}",
        "raw-std": number(math.sqrt(D_K * COMPONENT_VAR**2)),
        "n": f"{N_TOKENS}",
        "scores": grouped(N_TOKENS**2),
        "score-mib": number(N_TOKENS**2 * FP16_BYTES / 2**20),
        "rows": ", ".join(vector(row) for row in snippet.Q),
        "dk-small": f"{snippet.Q.shape[1]}",
        "scores-1": vector(snippet.Q[0] @ snippet.K.T),
        "w-1": vec4(w[0]),
        "out-1": vec4(out[0]),
        "w-3": vec4(w[2]),
        "out-3": vec4(out[2]),
        "w-causal-2": vec4(w_causal[1]),
        "cache-n": f"{n}",
        "cache-m": f"{m}",
        "cache-offset": f"{m - n + 1}",
        "bug-weights": vec4(buggy_weights[0]),
    }


def test_raw_scores_have_standard_deviation_sqrt_dk():
    assert raw_score_std(D_K) == pytest.approx(math.sqrt(D_K), rel=0.02)  # SE of a std over 40k draws ~ 0.4 %


def test_the_small_example_matches_the_loop_reference():
    snippet = at()
    for causal in (False, True):
        out, w = snippet.attention(snippet.Q, snippet.K, snippet.V, causal=causal)
        ref_out, ref_w = reference_attention(snippet.Q, snippet.K, snippet.V, causal=causal)
        np.testing.assert_allclose(w, ref_w, atol=1e-12)
        np.testing.assert_allclose(out, ref_out, atol=1e-12)


def test_causal_mask_with_fewer_queries_than_keys_matches_the_loop_reference():
    snippet = at()
    rng = np.random.default_rng(3)
    for n, m in [(1, 1), (1, 5), (2, 5), (3, 7), (6, 6)]:
        q, k, v = rng.normal(size=(n, 4)), rng.normal(size=(m, 4)), rng.normal(size=(m, 3))
        out, w = snippet.attention(q, k, v, causal=True)
        ref_out, ref_w = reference_attention(q, k, v, causal=True)
        np.testing.assert_allclose(w, ref_w, atol=1e-12)
        np.testing.assert_allclose(out, ref_out, atol=1e-12)
        assert np.all(w[:, : m - n + 1] > 0)  # every query sees at least all the cached keys


def test_cached_decoding_equals_the_last_rows_of_a_full_causal_pass():
    snippet = at()
    rng = np.random.default_rng(4)
    m, new = 9, 3
    q, k, v = rng.normal(size=(m, 8)), rng.normal(size=(m, 8)), rng.normal(size=(m, 5))
    full, _ = snippet.attention(q, k, v, causal=True)
    cached, _ = snippet.attention(q[-new:], k, v, causal=True)
    np.testing.assert_allclose(cached, full[-new:], atol=1e-12)


def test_more_queries_than_keys_is_refused_under_a_causal_mask():
    snippet = at()
    with pytest.raises(ValueError):
        snippet.attention(np.ones((3, 2)), np.ones((2, 2)), np.ones((2, 2)), causal=True)


def test_multi_head_with_one_head_is_single_head_attention():
    snippet = at()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 8))
    wq, wk, wv, wo = (rng.normal(size=(8, 8)) for _ in range(4))
    ref, _ = snippet.attention(x @ wq, x @ wk, x @ wv)
    np.testing.assert_allclose(snippet.multi_head(x, wq, wk, wv, wo, n_heads=1), ref @ wo)


def test_multi_head_splits_the_model_width():
    """Four heads: each head attends in its own quarter of the columns, then W_O mixes them."""
    snippet = at()
    rng = np.random.default_rng(1)
    x = rng.normal(size=(5, 8))
    wq, wk, wv = (rng.normal(size=(8, 8)) for _ in range(3))
    heads = [
        reference_attention((x @ wq)[:, c : c + 2], (x @ wk)[:, c : c + 2], (x @ wv)[:, c : c + 2])[0]
        for c in range(0, 8, 2)
    ]
    np.testing.assert_allclose(snippet.multi_head(x, wq, wk, wv, np.eye(8), n_heads=4), np.hstack(heads))


def test_softmax_is_stable_for_large_scores():
    np.testing.assert_allclose(at().softmax(np.array([[1000.0, 1000.0]])), [[0.5, 0.5]])


def test_stated_values():
    assert_values(PAGE, expected_values())
