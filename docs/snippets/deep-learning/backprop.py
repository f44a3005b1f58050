"""Backpropagation by hand for a 2-2-1 network, checked against central finite differences.

Network: z1 = W1 x + b1, h = relu(z1), s = W2 h + b2 (a logit), p = sigmoid(s),
loss = binary cross-entropy between p and the target t.
"""

import numpy as np

X = np.array([1.0, 2.0])
TARGET = 1.0
PARAMS = {
    "W1": np.array([[0.5, 0.25], [-1.0, 0.5]]),
    "b1": np.array([0.0, -0.5]),
    "W2": np.array([[2.0, -1.0]]),
    "b2": np.array([-2.0]),
}


def forward(params, x, t):
    """Return the loss and the intermediate values the backward pass needs."""
    z1 = params["W1"] @ x + params["b1"]
    h = np.maximum(z1, 0.0)
    s = params["W2"] @ h + params["b2"]
    p = 1.0 / (1.0 + np.exp(-s))
    loss = float(-(t * np.log(p) + (1.0 - t) * np.log(1.0 - p))[0])
    return loss, {"x": x, "z1": z1, "h": h, "p": p, "t": t}


def backward(params, cache):
    """Chain rule from the loss back to every parameter (same shapes as params)."""
    ds = cache["p"] - cache["t"]  # dL/ds: sigmoid + cross-entropy collapse to p - t
    grads = {"W2": np.outer(ds, cache["h"]), "b2": ds}
    dh = params["W2"].T @ ds  # send the error back through W2
    dz1 = dh * (cache["z1"] > 0)  # ReLU passes gradient only where it was active
    grads["W1"] = np.outer(dz1, cache["x"])
    grads["b1"] = dz1
    return grads


def numerical_gradients(params, x, t, eps=1e-6):
    """Central differences (L(w + eps) - L(w - eps)) / (2 eps), one coordinate at a time."""
    grads = {}
    for name, value in params.items():
        g = np.zeros_like(value)
        for idx in np.ndindex(value.shape):
            old = value[idx]
            value[idx] = old + eps
            up, _ = forward(params, x, t)
            value[idx] = old - eps
            down, _ = forward(params, x, t)
            value[idx] = old
            g[idx] = (up - down) / (2.0 * eps)
        grads[name] = g
    return grads


def max_gradient_gap(params=None, x=X, t=TARGET, eps=1e-6):
    """Largest absolute difference between analytic and numerical gradients."""
    params = {k: v.copy() for k, v in (params or PARAMS).items()}
    _, cache = forward(params, x, t)
    analytic = backward(params, cache)
    numeric = numerical_gradients(params, x, t, eps)
    return max(float(np.max(np.abs(analytic[k] - numeric[k]))) for k in params)


if __name__ == "__main__":
    loss, cache = forward(PARAMS, X, TARGET)
    print("loss", round(loss, 4), "p", cache["p"])
    for name, g in backward(PARAMS, cache).items():
        print(name, g.tolist())
    for eps in (1e-3, 1e-6, 1e-8):  # the gap grows as eps shrinks: round-off, not truncation
        print(f"eps {eps:.0e}: max |analytic - numeric| {max_gradient_gap(eps=eps):.1e}")
