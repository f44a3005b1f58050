"""Activation checkpointing on a chain of layers: keep every k-th activation, recompute the rest.

Counts what the trade-off is about: the most activations held at once and the layer forwards run.
"""

import math

import numpy as np


def layer(w, x):
    return np.tanh(w @ x)


def layer_backward(w, x, y, grad_y):
    """Given y = tanh(W x): gradients with respect to x and W."""
    grad_pre = grad_y * (1.0 - y**2)
    return w.T @ grad_pre, np.outer(grad_pre, x)


def gradients(weights, x0, grad_out, every=1):
    """Backpropagate through the chain keeping only the activations at multiples of `every`.

    every=1 keeps everything (plain backprop). In backward, each segment's interior activations are
    recomputed from the checkpoint at its start. Returns (weight gradients, most activations held
    at once, layer forwards run including recomputation).
    """
    n = len(weights)
    saved, x = {0: x0}, x0
    for i, w in enumerate(weights):  # forward: keep checkpoints (and the output)
        x = layer(w, x)
        if (i + 1) % every == 0 or i + 1 == n:
            saved[i + 1] = x
    forwards, peak = n, len(saved)
    grads, grad = [None] * n, grad_out
    for start in reversed(range(0, n, every)):  # backward, one segment at a time
        stop = min(start + every, n)
        acts = [saved[start]]
        for i in range(start, stop - 1):  # recompute the interior of the segment
            acts.append(layer(weights[i], acts[-1]))
            forwards += 1
        acts.append(saved[stop])
        peak = max(peak, len(saved) + len(acts) - 2)
        for i in reversed(range(start, stop)):
            grad, grads[i] = layer_backward(weights[i], acts[i - start], acts[i - start + 1], grad)
    return grads, peak, forwards


def sqrt_schedule_memory(layers, every):
    """Activations held: L / k checkpoints plus the k of the segment being recomputed."""
    return math.ceil(layers / every) + every


def activation_bytes_per_layer(s, b, h, a):
    """Korthikanti et al.: bytes of activations one transformer layer keeps for backward
    (16-bit, no tensor parallelism), sbh * (34 + 5as/h); the 5as/h part is attention's softmax
    and dropout over the s x s scores."""
    return s * b * h * (34 + 5 * a * s / h)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    weights = [rng.normal(0, 0.3, size=(16, 16)) for _ in range(64)]
    x0, g = rng.normal(size=16), rng.normal(size=16)
    for every in (1, 8):
        _, peak, forwards = gradients(weights, x0, g, every)
        print(f"checkpoint every {every}: peak {peak} activations, {forwards} layer forwards")
    print(f"GPT-3-like layer: {activation_bytes_per_layer(2048, 1, 12288, 96) / 1e9:.2f} GB")
