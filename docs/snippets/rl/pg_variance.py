"""Score-function (REINFORCE) gradient on a 3-armed bandit: exact mean and variance by enumeration.

Policy: softmax over logits theta. For one sampled action a with reward r(a), the estimator is
    g = grad_theta log pi(a) * (r(a) - b),   with grad_theta log pi(a) = onehot(a) - pi.
Subtracting a baseline b that does not depend on a leaves E[g] unchanged and changes Var[g].
"""

import numpy as np

THETA = np.zeros(3)  # uniform policy: pi = (1/3, 1/3, 1/3)
REWARDS = np.array([10.0, 11.0, 13.0])  # rewards share a large common offset


def softmax(theta):
    e = np.exp(theta - theta.max())
    return e / e.sum()


def estimator_moments(theta=THETA, rewards=REWARDS, baseline=0.0):
    """Exact E[g] (a vector) and total variance trace(Cov[g]) of the single-sample estimator."""
    pi = softmax(theta)
    samples = [(np.eye(len(pi))[a] - pi) * (rewards[a] - baseline) for a in range(len(pi))]
    mean = sum(p * g for p, g in zip(pi, samples, strict=False))
    second = sum(p * g @ g for p, g in zip(pi, samples, strict=False))
    return mean, float(second - mean @ mean)


def true_gradient(theta=THETA, rewards=REWARDS):
    """d/dtheta of J = sum_a pi(a) r(a), from the softmax Jacobian diag(pi) - pi pi^T."""
    pi = softmax(theta)
    return (np.diag(pi) - np.outer(pi, pi)) @ rewards


if __name__ == "__main__":
    print("true gradient", true_gradient().round(4))
    for b in (0.0, float(REWARDS.mean())):
        mean, var = estimator_moments(baseline=b)
        print(f"baseline {b:.2f}: mean {mean.round(4)}, total variance {var:.4f}")
