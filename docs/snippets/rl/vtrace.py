"""V-trace targets (Espeholt et al. 2018) by the backward recursion, and importance-sampling returns."""

import numpy as np


def vtrace(rewards, values, bootstrap, ratios, gamma=0.99, rho_bar=1.0, c_bar=1.0):
    """V-trace value targets v_s and policy-gradient advantages for one trajectory.

    ratios[t] = pi(a_t | x_t) / mu(a_t | x_t); values[t] = V(x_t); bootstrap = V(x_n).
    v_s = V(x_s) + rho_s delta_s + gamma c_s (v_{s+1} - V(x_{s+1})), with
    delta_s = r_s + gamma V(x_{s+1}) - V(x_s), rho_s = min(rho_bar, ratio), c_s = min(c_bar, ratio).
    """
    rewards, values, ratios = (np.asarray(a, dtype=float) for a in (rewards, values, ratios))
    rho = np.minimum(rho_bar, ratios)
    c = np.minimum(c_bar, ratios)
    next_values = np.append(values[1:], bootstrap)
    deltas = rho * (rewards + gamma * next_values - values)
    targets = np.empty_like(values)
    correction = 0.0  # v_{s+1} - V(x_{s+1}), zero beyond the last step
    for s in range(len(rewards) - 1, -1, -1):
        correction = deltas[s] + gamma * c[s] * correction
        targets[s] = values[s] + correction
    next_targets = np.append(targets[1:], bootstrap)
    advantages = rho * (rewards + gamma * next_targets - values)
    return targets, advantages


def per_decision_is_return(rewards, ratios, gamma=0.99):
    """Precup et al. (2000): reward r_t weighted only by the ratios up to and including step t."""
    weights = np.cumprod(np.asarray(ratios, dtype=float))
    return float(np.sum(gamma ** np.arange(len(rewards)) * weights * np.asarray(rewards, dtype=float)))


def trajectory_is_return(rewards, ratios, gamma=0.99):
    """Every reward weighted by the product of all the trajectory's ratios: unbiased, high variance."""
    discounted = np.sum(gamma ** np.arange(len(rewards)) * np.asarray(rewards, dtype=float))
    return float(np.prod(ratios) * discounted)


if __name__ == "__main__":
    targets, adv = vtrace([1, 0, 0, 1], [0.5, 0.4, 0.6, 0.3], 0.2, [1.6, 0.4, 1.2, 0.8], gamma=0.9)
    print("V-trace targets:", np.round(targets, 4), "advantages:", np.round(adv, 4))
