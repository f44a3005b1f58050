"""Top-k routing with expert capacity, the Switch load-balancing loss, and MoE parameter counts."""

import math

import numpy as np


def softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def route(logits, k, capacity_factor):
    """Send each token to its top-k experts; an expert accepts at most `capacity` assignments.

    Tokens are served in batch order (first come, first served), as in the Switch Transformer;
    an assignment beyond capacity is dropped and that token skips the expert (residual only).
    Returns (assignments as (token, expert, gate) triples, dropped count, capacity).
    """
    tokens, experts = logits.shape
    probs = softmax(logits)
    top = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    gates = np.take_along_axis(probs, top, axis=1)
    gates = gates / gates.sum(axis=1, keepdims=True)  # renormalise over the chosen k (Mixtral-style)
    capacity = math.floor(capacity_factor * tokens * k / experts)
    load = np.zeros(experts, dtype=int)
    kept, dropped = [], 0
    for t in range(tokens):
        for slot in range(k):
            e = top[t, slot]
            if load[e] < capacity:
                load[e] += 1
                kept.append((t, int(e), float(gates[t, slot])))
            else:
                dropped += 1
    return kept, dropped, capacity


def load_balancing_loss(probs, alpha=0.01):
    """Switch Transformer: alpha * E * sum_i f_i * P_i, with f_i the fraction of tokens whose top-1
    expert is i and P_i the mean router probability of expert i. Equals alpha for uniform routing."""
    experts = probs.shape[1]
    f = np.bincount(probs.argmax(axis=1), minlength=experts) / len(probs)
    p = probs.mean(axis=0)
    return alpha * experts * float(f @ p)


def dropped_for_loads(loads, capacity):
    """Assignments over capacity, given how many each expert was offered."""
    return int(sum(max(0, n - capacity) for n in loads))


def moe_params(layers, d, ffn, experts, top_k, heads, kv_heads, vocab):
    """Total and active parameters of a Mixtral-style decoder (SwiGLU experts, GQA, untied head)."""
    head_dim = d // heads
    attention = 2 * d * d + 2 * d * kv_heads * head_dim  # W_Q and W_O full, W_K and W_V for the KV heads
    expert = 3 * d * ffn  # gate, up and down projections
    router, norms = d * experts, 2 * d
    shared = 2 * vocab * d + d  # embedding, output head, final norm
    total = layers * (attention + experts * expert + router + norms) + shared
    active = layers * (attention + top_k * expert + router + norms) + shared
    return total, active


MIXTRAL = dict(layers=32, d=4096, ffn=14336, experts=8, top_k=2, heads=32, kv_heads=8, vocab=32000)

if __name__ == "__main__":
    total, active = moe_params(**MIXTRAL)
    print(f"Mixtral-style: {total / 1e9:.2f}B total, {active / 1e9:.2f}B active per token")
    rng = np.random.default_rng(0)
    logits = rng.normal(size=(4096, 8)) + np.array([0.6, 0.4, 0.2, 0, 0, -0.2, -0.4, -0.6])
    kept, dropped, capacity = route(logits, k=2, capacity_factor=1.25)
    print(f"capacity {capacity}, dropped {dropped} of {2 * 4096} assignments")
    print(f"aux loss: {load_balancing_loss(softmax(logits)):.4f} (uniform routing gives 0.01)")
