"""Batched multi-head attention with a causal mask that also works with a KV cache (n_q <= n_k)."""

import numpy as np


def causal_mask(n_q: int, n_k: int) -> np.ndarray:
    """allowed[i, j] is True when query i may attend to key j.

    The keys are positions 0 .. n_k - 1 of the sequence (the cache followed by the new tokens) and
    the queries are its last n_q positions, so query i sits at position i + n_k - n_q.
    """
    if not 0 < n_q <= n_k:
        raise ValueError(f"need 0 < n_q <= n_k, got n_q={n_q}, n_k={n_k}")
    return np.arange(n_k)[None, :] <= np.arange(n_q)[:, None] + (n_k - n_q)


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    x = x - x.max(axis=axis, keepdims=True)  # stable; every row has a finite entry (key 0)
    e = np.exp(x)
    return e / e.sum(axis=axis, keepdims=True)


def attention(q: np.ndarray, k: np.ndarray, v: np.ndarray, causal: bool = True) -> np.ndarray:
    """q: (..., n_q, d), k: (..., n_k, d), v: (..., n_k, d_v) -> (..., n_q, d_v)."""
    scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(q.shape[-1])
    if causal:
        scores = np.where(causal_mask(q.shape[-2], k.shape[-2]), scores, -np.inf)
    return softmax(scores) @ v


def split_heads(x: np.ndarray, n_heads: int) -> np.ndarray:
    """(B, T, D) -> (B, H, T, D // H)."""
    b, t, d = x.shape
    return x.reshape(b, t, n_heads, d // n_heads).transpose(0, 2, 1, 3)


def merge_heads(x: np.ndarray) -> np.ndarray:
    """(B, H, T, d_head) -> (B, T, H * d_head)."""
    b, h, t, dh = x.shape
    return x.transpose(0, 2, 1, 3).reshape(b, t, h * dh)


def multi_head_attention(x, w_q, w_k, w_v, w_o, n_heads, cache=None):
    """Causal self-attention over new tokens x: (B, T_new, D), weights (D, D).

    cache is None or (keys, values), each (B, H, T_past, D // H). Returns the output (B, T_new, D)
    and the cache extended by the new tokens' keys and values.
    """
    b, t, d = x.shape
    if d % n_heads:
        raise ValueError("model width must be divisible by the number of heads")
    q, k, v = (split_heads(x @ w, n_heads) for w in (w_q, w_k, w_v))
    if cache is not None:
        k = np.concatenate([cache[0], k], axis=2)
        v = np.concatenate([cache[1], v], axis=2)
    out = merge_heads(attention(q, k, v, causal=True)) @ w_o
    assert out.shape == (b, t, d)
    return out, (k, v)


if __name__ == "__main__":
    print(causal_mask(2, 5).astype(int))
    rng = np.random.default_rng(0)
    d, heads = 16, 4
    ws = [rng.normal(size=(d, d)) / np.sqrt(d) for _ in range(4)]
    x = rng.normal(size=(2, 6, d))
    full, _ = multi_head_attention(x, *ws, heads)
    _, cache = multi_head_attention(x[:, :4], *ws, heads)
    last, cache = multi_head_attention(x[:, 4:], *ws, heads, cache=cache)
    print(np.abs(full[:, 4:] - last).max(), cache[0].shape)
