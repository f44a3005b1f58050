"""Preference learning on one prompt with K candidate responses: the Bradley-Terry reward model, the
KL-regularised optimum, DPO (loss and gradient for a tabular policy), GRPO advantages and the KL of
best-of-n sampling."""

import numpy as np


def log_sigmoid(z):
    return -np.logaddexp(0.0, -z)  # log(1 / (1 + e^-z)) without overflow


def bradley_terry_loss(r_chosen, r_rejected):
    """-log P(chosen > rejected) with P = sigmoid(r_chosen - r_rejected)."""
    return -log_sigmoid(r_chosen - r_rejected)


def kl_optimal_policy(pi_ref, reward, beta):
    """argmax_pi E_pi[r] - beta KL(pi || pi_ref) = pi_ref exp(r / beta) / Z."""
    logits = np.log(pi_ref) + reward / beta
    logits -= logits.max()
    p = np.exp(logits)
    return p / p.sum()


def kl_objective(pi, pi_ref, reward, beta):
    return float(pi @ reward - beta * np.sum(pi * np.log(pi / pi_ref)))


def log_softmax(theta):
    theta = theta - theta.max()
    return theta - np.log(np.exp(theta).sum())


def dpo_loss(theta, log_ref, chosen, rejected, beta):
    """DPO for a tabular policy pi = softmax(theta): a Bradley-Terry loss on the implicit reward
    beta * log(pi / pi_ref)."""
    implicit = beta * (log_softmax(theta) - log_ref)
    return float(-log_sigmoid(implicit[chosen] - implicit[rejected]))


def dpo_grad(theta, log_ref, chosen, rejected, beta):
    """-beta sigmoid(r_rejected - r_chosen) (grad log pi(chosen) - grad log pi(rejected)).

    For a softmax, grad log pi(y) = e_y - pi, so the pi terms cancel in the difference.
    """
    implicit = beta * (log_softmax(theta) - log_ref)
    weight = np.exp(log_sigmoid(implicit[rejected] - implicit[chosen]))
    grad = np.zeros_like(theta)
    grad[chosen] -= beta * weight
    grad[rejected] += beta * weight
    return grad


def grpo_advantages(rewards, eps=1e-8):
    """Group-relative advantages: each sample's reward standardised within its group (no critic)."""
    rewards = np.asarray(rewards, dtype=float)
    return (rewards - rewards.mean()) / (rewards.std() + eps)


def best_of_n_kl(n):
    """KL(best-of-n || base) for a continuous reward: log n - (n - 1) / n nats."""
    return np.log(n) - (n - 1) / n


if __name__ == "__main__":
    pi_ref = np.array([0.4, 0.3, 0.2, 0.1])
    reward = np.array([0.0, 1.0, 2.0, 0.5])
    for beta in (2.0, 0.5):
        pi = kl_optimal_policy(pi_ref, reward, beta)
        print(f"beta {beta}: pi* = {np.round(pi, 3)}, objective {kl_objective(pi, pi_ref, reward, beta):.3f}")
    print("GRPO advantages for rewards (1, 0, 0, 1):", grpo_advantages([1, 0, 0, 1]))
