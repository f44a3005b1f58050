"""Sinusoidal positions, rotary embeddings (RoPE), ALiBi slopes and RoPE context extension."""

import numpy as np


def sinusoidal(positions, d, base=10_000.0):
    """Vaswani et al.: dimension 2i is sin(pos / base^(2i/d)), dimension 2i+1 the matching cos."""
    freqs = base ** (-np.arange(0, d, 2) / d)
    angles = np.outer(positions, freqs)
    table = np.empty((len(positions), d))
    table[:, 0::2], table[:, 1::2] = np.sin(angles), np.cos(angles)
    return table


def rope_frequencies(d, base=10_000.0):
    """theta_i = base^(-2i/d) for the d/2 rotation planes, fastest first."""
    return base ** (-np.arange(0, d, 2) / d)


def rope(x, position, base=10_000.0, scale=1.0):
    """Rotate each pair (x[2i], x[2i+1]) by the angle (position / scale) * theta_i.

    scale > 1 is position interpolation (Chen et al. 2023): positions are squeezed back into the
    range the model was trained on.
    """
    angles = (position / scale) * rope_frequencies(len(x), base)
    cos, sin = np.cos(angles), np.sin(angles)
    out = np.empty_like(x, dtype=float)
    out[0::2] = x[0::2] * cos - x[1::2] * sin
    out[1::2] = x[0::2] * sin + x[1::2] * cos
    return out


def rope_score(q, k, m, n, **kwargs):
    """Attention logit between a query at position m and a key at position n (unscaled)."""
    return float(rope(q, m, **kwargs) @ rope(k, n, **kwargs))


def alibi_slopes(heads):
    """Press et al.: a geometric sequence starting at 2^(-8/heads) with that same ratio."""
    return 2.0 ** (-8.0 * np.arange(1, heads + 1) / heads)


def ntk_base(base, d, scale):
    """'NTK-aware' RoPE scaling: raise the base so the slowest plane is interpolated by `scale`
    while the fastest planes are left almost untouched."""
    return base * scale ** (d / (d - 2))


Q = np.array([1.0, 0.0, 0.5, 0.5])
K = np.array([0.5, 1.0, 1.0, 0.0])

if __name__ == "__main__":
    print("score(5, 2)    =", round(rope_score(Q, K, 5, 2), 4))
    print("score(105, 102)=", round(rope_score(Q, K, 105, 102), 4))
    print("score(6, 2)    =", round(rope_score(Q, K, 6, 2), 4))
    print("ALiBi slopes, 8 heads:", alibi_slopes(8))
    print("slowest RoPE wavelength, d=128:", 2 * np.pi / rope_frequencies(128)[-1])
    print("NTK base for 4x:", ntk_base(10_000, 128, 4))
