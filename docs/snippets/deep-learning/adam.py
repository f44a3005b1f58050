"""Momentum, RMSProp, Adam with bias correction, and AdamW's decoupled weight decay (NumPy only)."""

import numpy as np


def momentum_step(theta, grad, state, lr=0.01, beta=0.9):
    state["v"] = beta * state.get("v", 0.0) + grad  # velocity: a running sum of past gradients
    return theta - lr * state["v"]


def rmsprop_step(theta, grad, state, lr=1e-3, rho=0.9, eps=1e-8):
    state["s"] = rho * state.get("s", 0.0) + (1 - rho) * grad**2  # running mean of squared gradients
    return theta - lr * grad / (np.sqrt(state["s"]) + eps)


def adam_step(theta, grad, state, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8, weight_decay=0.0, decoupled=True):
    """One Adam step. weight_decay with decoupled=True is AdamW; with decoupled=False it is an L2 term.

    L2: the decay term lambda * theta is added to the gradient and then rescaled by 1 / sqrt(v_hat) like
    any gradient. AdamW: it bypasses the moment estimates and shrinks theta by lr * lambda * theta.
    """
    if weight_decay and not decoupled:
        grad = grad + weight_decay * theta
    t = state["t"] = state.get("t", 0) + 1
    state["m"] = beta1 * state.get("m", 0.0) + (1 - beta1) * grad
    state["v"] = beta2 * state.get("v", 0.0) + (1 - beta2) * grad**2
    m_hat = state["m"] / (1 - beta1**t)  # E[m_t] = (1 - beta1^t) E[g]: undo the pull towards m_0 = 0
    v_hat = state["v"] / (1 - beta2**t)
    update = m_hat / (np.sqrt(v_hat) + eps)
    if weight_decay and decoupled:
        update = update + weight_decay * theta
    return theta - lr * update


def decay_comparison(scales=(1.0, 100.0), steps=1000, lr=0.01, weight_decay=0.1):
    """Two parameters whose loss gradients alternate in sign with the given amplitudes (zero on average).

    Only weight decay pulls them towards 0; returns their final values under AdamW and under Adam + L2.
    """
    results = {}
    for decoupled in (True, False):
        theta, state = np.ones(len(scales)), {}
        for t in range(steps):
            grad = np.array(scales) * (-1.0) ** t
            theta = adam_step(theta, grad, state, lr=lr, weight_decay=weight_decay, decoupled=decoupled)
        results["AdamW" if decoupled else "Adam + L2"] = theta
    return results


if __name__ == "__main__":
    state, g = {}, 3.0
    for _ in range(10):
        adam_step(np.zeros(1), np.full(1, g), state)
    print("m_10 / g =", state["m"] / g, "= 1 - 0.9^10 =", 1 - 0.9**10)
    print({name: theta.round(3) for name, theta in decay_comparison().items()})
