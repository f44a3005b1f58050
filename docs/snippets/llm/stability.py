"""Stabilisers of large-model training: warm-up, global-norm clipping, the z-loss, and bf16 rounding."""

import math

import numpy as np


def warmup_cosine(step, peak_lr, warmup, total, final_frac=0.1):
    """Linear warm-up to peak_lr, then cosine decay to final_frac * peak_lr."""
    if step < warmup:
        return peak_lr * (step + 1) / warmup
    progress = (step - warmup) / max(1, total - warmup)
    return peak_lr * (final_frac + (1 - final_frac) * 0.5 * (1 + math.cos(math.pi * progress)))


def clip_by_global_norm(grads, max_norm):
    """Scale every gradient by min(1, max_norm / ||g||), with ||g|| the norm over all of them together."""
    norm = math.sqrt(sum(float(np.sum(g * g)) for g in grads))
    scale = min(1.0, max_norm / (norm + 1e-12))
    return [g * scale for g in grads], norm


def log_softmax_with_z_loss(logits, target, coeff=1e-4):
    """Cross-entropy plus PaLM's z-loss coeff * (log Z)^2, and the gradient of both w.r.t. the logits.

    The softmax does not change when all logits shift, so log Z can drift; the z-loss pins it near 0.
    """
    m = logits.max()
    log_z = m + math.log(float(np.sum(np.exp(logits - m))))
    probs = np.exp(logits - log_z)
    loss = (log_z - logits[target]) + coeff * log_z**2
    grad = probs.copy()
    grad[target] -= 1.0
    grad += 2 * coeff * log_z * probs
    return loss, grad, log_z


def to_bf16(x):
    """Round float32 values to the nearest bfloat16 (ties to even) by keeping the top 16 bits."""
    bits = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16
    return rounded.astype(np.uint32).view(np.float32)


if __name__ == "__main__":
    print("lr at steps 0, 999, 1999, 2000:", [warmup_cosine(s, 3e-4, 2000, 100_000) for s in (0, 999, 1999, 2000)])
    clipped, norm = clip_by_global_norm([np.array([3.0]), np.array([4.0])], 1.0)
    print("global norm", norm, "->", [float(g[0]) for g in clipped])
    loss, grad, log_z = log_softmax_with_z_loss(np.array([30.0, 29.0, 20.0]), 0)
    print(f"log Z = {log_z:.3f}, loss = {loss:.4f}")
    print("bf16 of 30.06 and 30.07:", to_bf16([30.06, 30.07]))
    print("fp16 exp overflows above", math.log(float(np.finfo(np.float16).max)))
