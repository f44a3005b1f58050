"""questions/ml/em-gaussian-mixture.md: one EM step by hand, monotone likelihood, a stationary fixed point."""

import math
from functools import cache

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/em-gaussian-mixture.md"
EM = load_snippet("ml/em_gmm.py")
TRUE_PI, TRUE_MU, TRUE_SD, N = (0.3, 0.7), (-2.0, 1.5), (0.5, 1.0), 1000
TOY = np.array([0.0, 1.0, 3.0, 4.0])


def hand_step():
    """One EM step on (0, 1, 3, 4) from mu = (0, 4), unit variances, equal weights, written with math.exp."""
    gamma1 = [1 / (1 + math.exp(-((x - 4) ** 2 - x**2) / 2)) for x in TOY]  # posterior of component 1
    n1 = sum(gamma1)
    mu1 = sum(g * x for g, x in zip(gamma1, TOY, strict=True)) / n1
    var1 = sum(g * (x - mu1) ** 2 for g, x in zip(gamma1, TOY, strict=True)) / n1
    return gamma1, n1, mu1, var1


def test_the_snippet_step_matches_the_hand_step():
    gamma1, n1, mu1, var1 = hand_step()
    gamma = EM.e_step(TOY, np.array([0.5, 0.5]), np.array([0.0, 4.0]), np.array([1.0, 1.0]))
    assert gamma[:, 0] == pytest.approx(gamma1)
    pi, mu, var = EM.m_step(TOY, gamma)
    assert pi == pytest.approx([n1 / 4, 1 - n1 / 4]) and mu[0] == pytest.approx(mu1) and var[0] == pytest.approx(var1)
    assert mu[1] == pytest.approx(4 - mu1)  # symmetry


def test_log_likelihood_against_direct_sum():
    x = np.array([-1.0, 0.2, 2.5])
    pi, mu, var = np.array([0.4, 0.6]), np.array([0.0, 2.0]), np.array([1.0, 0.5])
    direct = sum(
        math.log(
            sum(
                p * math.exp(-((xi - m) ** 2) / (2 * v)) / math.sqrt(2 * math.pi * v)
                for p, m, v in zip(pi, mu, var, strict=True)
            )
        )
        for xi in x
    )
    assert EM.log_likelihood(x, pi, mu, var) == pytest.approx(direct)


@cache
def full_run():
    data = EM.sample(N, TRUE_PI, TRUE_MU, TRUE_SD, seed=0)
    return data, EM.fit(data, [0.5, 0.5], [-1.0, 1.0], [1.0, 1.0])


@pytest.mark.parametrize("seed", range(5))
def test_log_likelihood_never_decreases(seed):
    rng = np.random.default_rng(seed)
    data = EM.sample(300, TRUE_PI, TRUE_MU, TRUE_SD, seed=seed + 10)
    start_mu = rng.normal(0, 2, 3)
    *_, history = EM.fit(data, np.ones(3) / 3, start_mu, np.ones(3), max_iter=200)
    assert np.all(np.diff(history) >= -1e-9)


def test_the_fixed_point_is_stationary():
    """At convergence the gradient of the log-likelihood (finite differences) vanishes, independent of EM."""
    data, (pi, mu, var, _) = full_run()

    def ll(params):
        logit, m1, m2, lv1, lv2 = params
        p1 = 1 / (1 + math.exp(-logit))
        return EM.log_likelihood(data, np.array([p1, 1 - p1]), np.array([m1, m2]), np.exp([lv1, lv2]))

    theta = np.array([math.log(pi[0] / pi[1]), *mu, *np.log(var)])
    for j in range(5):
        step = np.zeros(5)
        step[j] = 1e-5
        assert abs((ll(theta + step) - ll(theta - step)) / 2e-5) < 1e-2


def test_the_estimates_are_within_sampling_error():
    _, (pi, mu, var, _) = full_run()
    se = np.sqrt(np.array(TRUE_PI) * (1 - np.array(TRUE_PI)) / N)
    assert np.all(np.abs(pi - TRUE_PI) < 3 * se)
    assert np.all(np.abs(mu - TRUE_MU) < 3 * np.array(TRUE_SD) / np.sqrt(np.array(TRUE_PI) * N))


def expected_values() -> dict[str, str]:
    gamma1, _, mu1, var1 = hand_step()
    _, (pi, mu, var, history) = full_run()
    se = math.sqrt(TRUE_PI[0] * (1 - TRUE_PI[0]) / N)
    return {
        "gamma-1": f"{gamma1[1]:.3f}",
        "gamma-0": f"{gamma1[0]:.5f}",
        "mu1-step": f"{mu1:.3f}",
        "var1-step": f"{var1:.3f}",
        "n": f"{N:,}",
        "true-pi1": f"{TRUE_PI[0]}",
        "true-mu1": f"{TRUE_MU[0]:g}",
        "true-sd1": f"{TRUE_SD[0]}",
        "true-pi2": f"{TRUE_PI[1]}",
        "true-mu2": f"{TRUE_MU[1]}",
        "true-sd2": f"{TRUE_SD[1]:g}",
        "steps": f"{len(history) - 1}",
        "ll-start": f"{history[0]:,.1f}",
        "ll-end": f"{history[-1]:,.1f}",
        "pi1": f"{pi[0]:.3f}",
        "pi2": f"{pi[1]:.3f}",
        "mu1": f"{mu[0]:.3f}",
        "mu2": f"{mu[1]:.3f}",
        "sd1": f"{math.sqrt(var[0]):.3f}",
        "sd2": f"{math.sqrt(var[1]):.3f}",
        "pi-se": f"{abs(pi[0] - TRUE_PI[0]) / se:.1f}",
        "se": f"{se:.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
