"""How the scale of activations and gradients evolves through a deep ReLU stack under different initialisations."""

import numpy as np


def init_std(fan_in, fan_out, scheme):
    return {
        "xavier": np.sqrt(2.0 / (fan_in + fan_out)),  # Glorot and Bengio (2010)
        "he": np.sqrt(2.0 / fan_in),  # He et al. (2015), for ReLU
        "small": 0.01,  # a fixed standard deviation that ignores the width
    }[scheme]


def propagate(scheme, depth=50, width=256, batch=64, seed=0):
    """Mean squared pre-activation per layer (forward) and mean squared gradient at the input (backward).

    z_1 = W_1 x and z_l = W_l relu(z_(l-1)), with x ~ N(0, I) and no biases. The backward pass starts
    from a standard normal dL/dz at the top layer.
    """
    rng = np.random.default_rng(seed)
    h = rng.standard_normal((width, batch))
    weights, pre_activations, forward = [], [], []
    for _ in range(depth):
        W = rng.normal(0.0, init_std(width, width, scheme), (width, width))
        z = W @ h
        h = np.maximum(z, 0.0)
        weights.append(W)
        pre_activations.append(z)
        forward.append(float(np.mean(z**2)))
    grad_z = rng.standard_normal((width, batch))
    for layer in range(depth - 1, -1, -1):
        grad_h = weights[layer].T @ grad_z  # dL/d(input of this layer)
        if layer > 0:
            grad_z = grad_h * (pre_activations[layer - 1] > 0)  # through the ReLU below
    return forward, float(np.mean(grad_h**2))


def theory(scheme, depth=50, width=256):
    """Mean-field prediction: each ReLU layer multiplies E[z^2] by width * std^2 / 2 (the first by width * std^2)."""
    gain = width * init_std(width, width, scheme) ** 2
    return gain * (gain / 2) ** (depth - 1)


if __name__ == "__main__":
    for scheme in ("xavier", "he", "small"):
        forward, input_grad = propagate(scheme)
        print(f"{scheme}: E[z^2] at layer 1 {forward[0]:.3g}, at layer 50 {forward[-1]:.3g}", end=" ")
        print(f"(theory {theory(scheme):.3g}); E[(dL/dx)^2] {input_grad:.3g}")
