"""A pre-norm decoder block in numpy: h = x + Attn(RMSNorm(x)); out = h + SwiGLU(RMSNorm(h))."""

import numpy as np


def rms_norm(x: np.ndarray, gain: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Divide by the root mean square over the feature axis, then scale; no mean, no bias."""
    return x / np.sqrt(np.mean(x * x, axis=-1, keepdims=True) + eps) * gain


def silu(x: np.ndarray) -> np.ndarray:
    """x * sigmoid(x), with sigmoid written through tanh so that large |x| cannot overflow."""
    return x * 0.5 * (1.0 + np.tanh(0.5 * x))


def swiglu(x, w_gate, w_up, w_down):
    """(B, T, D) -> (B, T, D) through a gated hidden layer of width d_ff."""
    return (silu(x @ w_gate) * (x @ w_up)) @ w_down


def causal_self_attention(x, w_q, w_k, w_v, w_o, n_heads):
    b, t, d = x.shape
    dh = d // n_heads

    def heads(y):  # (B, T, D) -> (B, H, T, dh)
        return y.reshape(b, t, n_heads, dh).transpose(0, 2, 1, 3)

    q, k, v = heads(x @ w_q), heads(x @ w_k), heads(x @ w_v)
    scores = q @ k.transpose(0, 1, 3, 2) / np.sqrt(dh)
    scores = np.where(np.tril(np.ones((t, t), dtype=bool)), scores, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    p = np.exp(scores)
    p /= p.sum(axis=-1, keepdims=True)
    return (p @ v).transpose(0, 2, 1, 3).reshape(b, t, d) @ w_o


def init_block(d_model: int, d_ff: int, rng) -> dict[str, np.ndarray]:
    def dense(n_in, n_out):
        return rng.normal(0.0, 1.0 / np.sqrt(n_in), size=(n_in, n_out))

    params = {name: dense(d_model, d_model) for name in ("w_q", "w_k", "w_v", "w_o")}
    params |= {"w_gate": dense(d_model, d_ff), "w_up": dense(d_model, d_ff), "w_down": dense(d_ff, d_model)}
    params |= {"attn_norm": np.ones(d_model), "mlp_norm": np.ones(d_model)}
    return params


def block_forward(x: np.ndarray, p: dict[str, np.ndarray], n_heads: int) -> np.ndarray:
    b, t, d = x.shape
    assert d % n_heads == 0 and p["w_gate"].shape[0] == d
    h = x + causal_self_attention(rms_norm(x, p["attn_norm"]), p["w_q"], p["w_k"], p["w_v"], p["w_o"], n_heads)
    assert h.shape == (b, t, d)
    out = h + swiglu(rms_norm(h, p["mlp_norm"]), p["w_gate"], p["w_up"], p["w_down"])
    assert out.shape == (b, t, d)
    return out


def param_count(d_model: int, d_ff: int) -> int:
    """Four attention projections, three SwiGLU matrices, two norm gains (no biases)."""
    return 4 * d_model * d_model + 3 * d_model * d_ff + 2 * d_model


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    p = init_block(d_model=64, d_ff=172, rng=rng)
    x = rng.normal(size=(2, 5, 64))
    print(block_forward(x, p, n_heads=4).shape, sum(a.size for a in p.values()), param_count(64, 172))
