"""Offline RL in one state: why greedy on logged data picks rarely seen actions, CQL's conservative
fixed point, and the expectile that IQL uses instead of a max."""

import numpy as np


def greedy_on_logged_data(
    trials=100_000, good_value=0.5, good_count=100, rare_actions=9, noise=1.0, penalty=0.0, seed=0
):
    """One state. The behaviour policy's action (true value good_value) is logged good_count times;
    rare_actions others (true value 0) are logged once each. Rewards carry N(0, noise^2) noise.

    A learner scores each action by its sample mean minus penalty * standard error (penalty 0 is plain
    greedy, penalty > 0 is a lower confidence bound) and takes the best. Returns (probability of
    leaving the behaviour action, mean true value of the choice, mean estimated value of the choice).
    """
    rng = np.random.default_rng(seed)
    good = good_value + noise / np.sqrt(good_count) * rng.standard_normal(trials)
    rare = noise * rng.standard_normal((trials, rare_actions))
    scores = np.column_stack([good - penalty * noise / np.sqrt(good_count), rare - penalty * noise])
    estimates = np.column_stack([good, rare])
    choice = scores.argmax(axis=1)
    true_value = np.where(choice == 0, good_value, 0.0)
    return float((choice > 0).mean()), float(true_value.mean()), float(estimates[np.arange(trials), choice].mean())


def cql_fixed_point(targets, data_freq, alpha, steps=20_000, lr=0.5):
    """Tabular CQL(H) in one state: minimise alpha (logsumexp Q - E_data Q) + 1/2 E_data (Q - target)^2."""
    targets, data_freq = np.asarray(targets, dtype=float), np.asarray(data_freq, dtype=float)
    q = targets.copy()
    for _ in range(steps):
        soft = np.exp(q - q.max())
        soft /= soft.sum()
        grad = alpha * (soft - data_freq) + data_freq * (q - targets)
        q -= lr * grad
    return q


def expectile(values, probs, tau, iters=200):
    """The tau-expectile m: tau E[(X - m)_+] = (1 - tau) E[(m - X)_+]. tau = 0.5 is the mean, tau -> 1 the max."""
    values, probs = np.asarray(values, dtype=float), np.asarray(probs, dtype=float)
    lo, hi = values.min(), values.max()
    for _ in range(iters):
        m = (lo + hi) / 2
        above = probs @ np.maximum(values - m, 0.0)
        below = probs @ np.maximum(m - values, 0.0)
        lo, hi = (m, hi) if tau * above > (1 - tau) * below else (lo, m)
    return (lo + hi) / 2


if __name__ == "__main__":
    for k in (0.0, 2.0):
        leave, value, estimate = greedy_on_logged_data(penalty=k)
        print(f"penalty {k}: leaves the logged action {leave:.1%}, true value {value:.3f}, believed {estimate:.3f}")
    print("CQL Q:", np.round(cql_fixed_point([0.5, 0.6, 1.0], [0.70, 0.25, 0.05], alpha=0.1), 3))
    print("expectiles:", [round(expectile([0.2, 0.5, 0.9], [0.5, 0.3, 0.2], t), 3) for t in (0.5, 0.7, 0.9, 0.99)])
