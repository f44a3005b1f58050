"""KV-cache size, a roofline estimate of a decode step, and speculative sampling."""

import numpy as np


def kv_cache_bytes(layers, kv_heads, head_dim, tokens, batch=1, bytes_per_value=2):
    """Keys and values (the factor 2) for every layer, KV head, position and sequence."""
    return 2 * layers * kv_heads * head_dim * bytes_per_value * tokens * batch


def decode_step_seconds(params, kv_bytes, batch, flops_per_s, bytes_per_s, attn_flops=0.0):
    """Roofline: a step takes the longer of its compute time and its memory-traffic time.

    Every weight (2 bytes in fp16/bf16) is read once per step and used for `batch` tokens
    (2 FLOPs per parameter per token); the whole KV cache is read once as well.
    """
    compute = (2 * params * batch + attn_flops) / flops_per_s
    memory = (2 * params + kv_bytes) / bytes_per_s
    return max(compute, memory), compute, memory


def expected_tokens_per_pass(alpha, gamma):
    """Leviathan et al.: tokens produced per target forward pass when each draft token is
    accepted independently with probability alpha and gamma tokens are drafted."""
    return (1 - alpha ** (gamma + 1)) / (1 - alpha)


def speculative_step(p, q, gamma, rng):
    """One round of speculative sampling with fixed next-token distributions p (target) and q (draft).

    Returns the emitted tokens. Each draft token x ~ q is kept with probability min(1, p[x] / q[x]);
    at the first rejection a token is drawn from the normalised residual max(0, p - q) and the round
    ends; if all gamma are kept, one bonus token is drawn from p.
    """
    out = []
    for _ in range(gamma):
        x = rng.choice(len(q), p=q)
        if rng.random() < min(1.0, p[x] / q[x]):
            out.append(int(x))
            continue
        residual = np.maximum(p - q, 0.0)
        out.append(int(rng.choice(len(p), p=residual / residual.sum())))
        return out
    out.append(int(rng.choice(len(p), p=p)))
    return out


if __name__ == "__main__":
    per_seq = kv_cache_bytes(layers=32, kv_heads=32, head_dim=128, tokens=4096)
    print(f"Llama-2-7B-like, 4096 tokens: {per_seq / 2**30:.2f} GiB per sequence")
    print(f"with 8 KV heads (GQA): {kv_cache_bytes(32, 8, 128, 4096) / 2**30:.2f} GiB")
    step, compute, memory = decode_step_seconds(6.74e9, 16 * per_seq, 16, 989e12, 3.35e12)
    print(f"decode step at batch 16: {step * 1e3:.1f} ms (compute {compute * 1e3:.2f} ms)")
    print(f"speculative, alpha=0.8, gamma=4: {expected_tokens_per_pass(0.8, 4):.4f} tokens per pass")
