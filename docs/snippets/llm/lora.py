"""LoRA: a frozen weight plus a trainable low-rank update, its gradients, merging and parameter counts."""

import numpy as np


def init_lora(d_in, d_out, r, rng):
    """A is small and random, B is zero, so the adapted layer starts exactly as the frozen one."""
    return rng.normal(0.0, 1.0 / np.sqrt(d_in), size=(r, d_in)), np.zeros((d_out, r))


def lora_forward(x, w, a, b, alpha):
    """y = W x + (alpha / r) B A x for a batch of row vectors x; W is never updated."""
    scale = alpha / a.shape[0]
    return x @ w.T + scale * (x @ a.T) @ b.T


def lora_grads(x, w, a, b, alpha, target):
    """Gradients of 0.5 * mean squared error with respect to A and B only."""
    scale = alpha / a.shape[0]
    err = (lora_forward(x, w, a, b, alpha) - target) / len(x)  # dL/dy
    grad_b = scale * err.T @ (x @ a.T)
    grad_a = scale * (err @ b).T @ x
    return grad_a, grad_b


def merge(w, a, b, alpha):
    """Fold the update into the weight for serving: no extra latency at inference."""
    return w + (alpha / a.shape[0]) * b @ a


def lora_params(shapes, r):
    """Trainable parameters: r * (d_in + d_out) for every adapted (d_out, d_in) matrix."""
    return sum(r * (d_in + d_out) for d_out, d_in in shapes)


def llama2_7b_linear_shapes(targets=("q", "k", "v", "o", "gate", "up", "down"), layers=32, d=4096, ffn=11008):
    """(d_out, d_in) of the adapted matrices of Llama 2 7B (multi-head attention, SwiGLU MLP)."""
    per_layer = {"q": (d, d), "k": (d, d), "v": (d, d), "o": (d, d), "gate": (ffn, d), "up": (ffn, d), "down": (d, ffn)}
    return [per_layer[t] for _ in range(layers) for t in targets]


if __name__ == "__main__":
    print("r=8 on W_q, W_v:", lora_params(llama2_7b_linear_shapes(("q", "v")), 8))
    print("r=16 on all linear layers:", lora_params(llama2_7b_linear_shapes(), 16))
    rng = np.random.default_rng(0)
    w = rng.normal(size=(6, 5))
    a, b = init_lora(5, 6, 2, rng)
    x = rng.normal(size=(3, 5))
    print("at init the adapter changes nothing:", np.allclose(lora_forward(x, w, a, b, 16), x @ w.T))
