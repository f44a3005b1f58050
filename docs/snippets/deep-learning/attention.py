"""Scaled dot-product attention and multi-head attention in NumPy."""

import numpy as np


def softmax(scores, axis=-1):
    """Numerically stable softmax: subtracting the row max does not change the result."""
    shifted = scores - scores.max(axis=axis, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=axis, keepdims=True)


def attention(q, k, v, causal=False):
    """softmax(q k^T / sqrt(d_k)) v for q: (n, d_k), k: (m, d_k), v: (m, d_v).

    Returns (output (n, d_v), weights (n, m)). With causal=True the queries are the last n of the m
    positions (with a KV cache, m - n keys come from earlier steps): query i sits at position
    i + (m - n) and sees keys 0 .. i + (m - n). For n = m that is the usual "keys 0..i".
    """
    d_k = q.shape[-1]
    scores = q @ k.T / np.sqrt(d_k)
    if causal:
        n, m = scores.shape
        if n > m:
            raise ValueError(f"causal attention needs at least as many keys as queries, got {n} > {m}")
        future = np.triu(np.ones((n, m), dtype=bool), k=m - n + 1)
        scores = np.where(future, -np.inf, scores)
    weights = softmax(scores)
    return weights @ v, weights


def multi_head(x, w_q, w_k, w_v, w_o, n_heads, causal=False):
    """Project x (n, d_model), split into n_heads heads of size d_model / n_heads, attend, merge."""
    n, d_model = x.shape
    d_head = d_model // n_heads
    q, k, v = x @ w_q, x @ w_k, x @ w_v
    heads = []
    for h in range(n_heads):
        cols = slice(h * d_head, (h + 1) * d_head)
        out, _ = attention(q[:, cols], k[:, cols], v[:, cols], causal=causal)
        heads.append(out)
    return np.concatenate(heads, axis=1) @ w_o


# Three tokens, d_k = d_v = 2: a small example that can be checked by hand.
Q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
K = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
V = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])


if __name__ == "__main__":
    out, w = attention(Q, K, V)
    print("weights\n", w.round(4))
    print("output\n", out.round(4))
    _, w_causal = attention(Q, K, V, causal=True)
    print("causal weights\n", w_causal.round(4))
    _, w_last = attention(Q[-1:], K, V, causal=True)  # decoding the last token against a KV cache
    print("last query alone, causal, against all keys\n", w_last.round(4))
