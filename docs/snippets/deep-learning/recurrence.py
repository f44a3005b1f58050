"""Gradients through time in a tanh RNN, the LSTM cell path, and causal linear attention as an RNN."""

import numpy as np


def rnn_jacobian_norms(W, U, xs, activation="tanh"):
    """Spectral norms of dh_t/dh_0 for t = 1..T in h_t = act(W h_{t-1} + U x_t), from h_0 = 0.

    The Jacobian is the product of the per-step Jacobians diag(act'(pre_t)) W.
    """
    d = W.shape[0]
    h, jac, norms = np.zeros(d), np.eye(d), []
    for x in xs:
        pre = W @ h + U @ x
        if activation == "tanh":
            h = np.tanh(pre)
            slope = 1.0 - h**2
        else:  # linear
            h, slope = pre, np.ones(d)
        jac = (slope[:, None] * W) @ jac
        norms.append(np.linalg.norm(jac, 2))
    return np.array(norms)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def lstm_step(x, h, c, weights, bias):
    """One LSTM step (with a forget gate). weights: (4d, d_in + d); gate order f, i, o, g."""
    d = h.shape[0]
    z = weights @ np.concatenate([x, h]) + bias
    f, i, o = sigmoid(z[:d]), sigmoid(z[d : 2 * d]), sigmoid(z[2 * d : 3 * d])
    g = np.tanh(z[3 * d :])
    c = f * c + i * g  # the additive cell path: dc_t/dc_{t-1} = diag(f) along it
    return o * np.tanh(c), c, f


def feature_map(x):
    """elu(x) + 1: positive features, as in Katharopoulos et al. (2020)."""
    return np.where(x > 0, x + 1.0, np.exp(x))


def linear_attention_parallel(Q, K, V):
    """Causal linear attention over the whole sequence at once (training form): O(n^2 d) here."""
    q, k = feature_map(Q), feature_map(K)
    scores = np.tril(q @ k.T)  # row t sees keys 0..t
    return (scores @ V) / scores.sum(axis=1, keepdims=True)


def linear_attention_recurrent(Q, K, V):
    """The same outputs token by token with a fixed-size state (S: d_k x d_v, z: d_k)."""
    S = np.zeros((K.shape[1], V.shape[1]))
    z = np.zeros(K.shape[1])
    out = []
    for q, k, v in zip(feature_map(Q), feature_map(K), V, strict=True):
        S += np.outer(k, v)
        z += k
        out.append(q @ S / (q @ z))
    return np.array(out)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    d = 64
    Q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    U = rng.standard_normal((d, d)) / np.sqrt(d)
    xs = rng.standard_normal((50, d))
    for gain in (0.9, 1.1):
        lin = rnn_jacobian_norms(gain * Q, U, xs, activation="linear")[-1]
        tanh = rnn_jacobian_norms(gain * Q, U, xs)[-1]
        print(f"gain {gain}: |dh_50/dh_0| linear {lin:.3g}, tanh {tanh:.3g}")
