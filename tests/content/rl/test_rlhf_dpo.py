"""questions/rl/rlhf-dpo.md: the Bradley-Terry numbers, the KL-regularised optimum (against perturbations),
DPO's gradient (against finite differences and the reward-model chain rule), DPO recovering the optimum
from preferences, GRPO advantages and the best-of-n KL (against an exact discrete computation)."""

import functools
import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/rlhf-dpo.md"
PREF = load_snippet("rl/preference.py")

REWARD_GAP = 1.0
PI_REF = np.array([0.4, 0.3, 0.2, 0.1])
REWARD = np.array([0.0, 1.0, 2.0, 0.5])
BETA, BETA_SOFT = 0.5, 2.0
DPO_BETA, LOGRATIO_CHOSEN, LOGRATIO_REJECTED = 0.1, 0.2, -0.3
GROUP_A, GROUP_B = (1, 0, 0, 1), (1, 0, 0, 0)
BON_N = 16
ALPHA_ILLUSTRATIVE, BETA_ILLUSTRATIVE = 1.0, 0.25


def vector(values, digits=3):
    return "(" + ", ".join(f"{v:.{digits}f}" for v in values) + ")"


def signed(values, digits=2):
    """A vector with explicit signs, as the page's formulas write it: (+1.73, -0.58)."""
    return "(" + ", ".join(f"{v:+.{digits}f}" for v in values) + ")"


@functools.cache
def population_dpo(steps=2_000, lr=4.0):
    """Gradient descent on the expected DPO loss over all pairs labelled by Bradley-Terry with REWARD."""
    log_ref = np.log(PI_REF)
    theta = log_ref.copy()
    pairs = [(i, j) for i in range(len(REWARD)) for j in range(i + 1, len(REWARD))]
    for _ in range(steps):
        grad = np.zeros_like(theta)
        for i, j in pairs:
            p = 1 / (1 + math.exp(-(REWARD[i] - REWARD[j])))
            grad += p * PREF.dpo_grad(theta, log_ref, i, j, BETA) + (1 - p) * PREF.dpo_grad(theta, log_ref, j, i, BETA)
        theta -= lr * grad / len(pairs)
    return np.exp(PREF.log_softmax(theta))


def dpo_pair_loss():
    """The snippet's DPO loss on two responses whose log-ratios log(pi / pi_ref) are the page's."""
    up, down = math.exp(LOGRATIO_CHOSEN), math.exp(LOGRATIO_REJECTED)
    p = (1 - down) / (up - down)  # pi_ref(chosen) such that pi = (p up, (1 - p) down) sums to one
    log_ref = np.log([p, 1 - p])
    theta = log_ref + np.array([LOGRATIO_CHOSEN, LOGRATIO_REJECTED])
    return PREF.dpo_loss(theta, log_ref, 0, 1, DPO_BETA)


def bon_n_for_kl(target):
    lo, hi = 1.0, 1e9
    for _ in range(200):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if PREF.best_of_n_kl(mid) < target else (lo, mid)
    return lo


def expected_values() -> dict[str, str]:
    pi = PREF.kl_optimal_policy(PI_REF, REWARD, BETA)
    kl = float(np.sum(pi * np.log(pi / PI_REF)))
    margin = DPO_BETA * (LOGRATIO_CHOSEN - LOGRATIO_REJECTED)
    d_star = ALPHA_ILLUSTRATIVE / (2 * BETA_ILLUSTRATIVE)
    return {
        "gap": f"{REWARD_GAP:g}",
        "bt-prob": f"{1 / (1 + math.exp(-REWARD_GAP)):.2f}",
        "bt-loss": f"{PREF.bradley_terry_loss(REWARD_GAP, 0.0):.2f}",
        "pi-ref": vector(PI_REF, 1),
        "reward": "(" + ", ".join(f"{r:g}" for r in REWARD) + ")",
        "beta": f"{BETA}",
        "pi-star": vector(pi),
        "reward-ref": f"{PI_REF @ REWARD:.2f}",
        "reward-star": f"{pi @ REWARD:.2f}",
        "kl-star": f"{kl:.2f}",
        "objective": f"{PREF.kl_objective(pi, PI_REF, REWARD, BETA):.2f}",
        "beta-soft": f"{BETA_SOFT:g}",
        "pi-soft": vector(PREF.kl_optimal_policy(PI_REF, REWARD, BETA_SOFT)),
        "dpo-recovered": vector(population_dpo()),
        "dpo-beta": f"{DPO_BETA}",
        "lr-chosen": f"{LOGRATIO_CHOSEN:+g}",
        "lr-rejected": f"{LOGRATIO_REJECTED:g}",
        "margin": f"{margin:.2f}",
        "dpo-loss": f"{dpo_pair_loss():.3f}",
        "dpo-weight": f"{1 / (1 + math.exp(margin)):.3f}",
        "group-a": "(" + ", ".join(str(r) for r in GROUP_A) + ")",
        "adv-a": signed(PREF.grpo_advantages(GROUP_A), 0),
        "group-b": "(" + ", ".join(str(r) for r in GROUP_B) + ")",
        "adv-b": signed(PREF.grpo_advantages(GROUP_B)),
        "bon-n": str(BON_N),
        "bon-kl": f"{PREF.best_of_n_kl(BON_N):.2f}",
        "bon-d": f"{math.sqrt(PREF.best_of_n_kl(BON_N)):.2f}",
        "alpha-ill": f"{ALPHA_ILLUSTRATIVE:g}",
        "beta-ill": f"{BETA_ILLUSTRATIVE}",
        "d-star": f"{d_star:g}",
        "kl-peak": f"{d_star**2:g}",
        "n-peak": f"{bon_n_for_kl(d_star**2):.0f}",
    }


def test_the_closed_form_beats_every_perturbation():
    rng = np.random.default_rng(0)
    pi = PREF.kl_optimal_policy(PI_REF, REWARD, BETA)
    best = PREF.kl_objective(pi, PI_REF, REWARD, BETA)
    z = np.sum(PI_REF * np.exp(REWARD / BETA))
    assert math.isclose(best, BETA * math.log(z), rel_tol=1e-12)  # the optimal value is beta log Z
    for _ in range(2000):
        other = pi * np.exp(0.3 * rng.standard_normal(4))
        other /= other.sum()
        assert PREF.kl_objective(other, PI_REF, REWARD, BETA) <= best + 1e-12


def test_dpo_gradient_matches_finite_differences_and_the_reward_model_chain_rule():
    rng = np.random.default_rng(1)
    log_ref = np.log(PI_REF)
    for _ in range(5):
        theta = rng.standard_normal(4)
        chosen, rejected = rng.choice(4, size=2, replace=False)
        analytic = PREF.dpo_grad(theta, log_ref, chosen, rejected, BETA)
        h = 1e-6
        numeric = np.array(
            [
                (
                    PREF.dpo_loss(theta + h * e, log_ref, chosen, rejected, BETA)
                    - PREF.dpo_loss(theta - h * e, log_ref, chosen, rejected, BETA)
                )
                / (2 * h)
                for e in np.eye(4)
            ]
        )
        np.testing.assert_allclose(analytic, numeric, atol=1e-8)
        # reward-model view: dL/dr_hat from the Bradley-Terry loss, times d r_hat / d theta = beta (I - 1 pi^T)
        pi = np.exp(PREF.log_softmax(theta))
        r_hat = BETA * (np.log(pi) - log_ref)
        d_loss_d_r = np.zeros(4)
        d_loss_d_r[chosen] = (
            PREF.bradley_terry_loss(r_hat[chosen] + h, r_hat[rejected])
            - PREF.bradley_terry_loss(r_hat[chosen] - h, r_hat[rejected])
        ) / (2 * h)
        d_loss_d_r[rejected] = (
            PREF.bradley_terry_loss(r_hat[chosen], r_hat[rejected] + h)
            - PREF.bradley_terry_loss(r_hat[chosen], r_hat[rejected] - h)
        ) / (2 * h)
        jacobian = BETA * (np.eye(4) - np.outer(np.ones(4), pi))
        np.testing.assert_allclose(d_loss_d_r @ jacobian, analytic, atol=1e-8)


def test_dpo_on_bradley_terry_preferences_recovers_the_kl_optimum():
    np.testing.assert_allclose(population_dpo(), PREF.kl_optimal_policy(PI_REF, REWARD, BETA), atol=1e-6)


def test_grpo_advantages_are_standardised_and_vanish_on_uniform_groups():
    for group in (GROUP_A, GROUP_B, (0.2, 0.9, 0.4, 0.4, 0.1)):
        adv = PREF.grpo_advantages(group)
        assert abs(adv.mean()) < 1e-9 and abs(adv.std() - 1) < 1e-6
    assert np.all(PREF.grpo_advantages((1, 1, 1, 1)) == 0)


def test_best_of_n_kl_matches_an_exact_discrete_computation():
    """Base uniform over M ranked outcomes; best-of-n puts (k/M)^n - ((k-1)/M)^n on rank k."""
    m = 200_000
    k = np.arange(1, m + 1)
    for n in (2, BON_N, 100):
        p = (k / m) ** n - ((k - 1) / m) ** n
        mask = p > 0
        kl = float(np.sum(p[mask] * np.log(p[mask] * m)))
        assert abs(kl - PREF.best_of_n_kl(n)) < 1e-3


def test_stated_values():
    assert_values(PAGE, expected_values())
