"""questions/probability/entropy-kl-divergence.md: KL asymmetry, and forward vs reverse KL on a mixture."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/entropy-kl-divergence.md"
KL = load_snippet("probability/kl_fit.py")
COIN, MODE = 0.9, 3.0
P, Q = (0.5, 0.5), (0.9, 0.1)


def entropy_bits(*ps):
    return -sum(p * math.log2(p) for p in ps if p > 0)


def kl(p, q):
    return sum(a * math.log(a / b) for a, b in zip(p, q, strict=True) if a > 0)


def brute_forward_kl(mu, s):
    """KL(p || q) by a direct Riemann sum of p (log p - log q), no moment shortcut."""
    x = np.linspace(-25, 25, 200_001)
    lp = KL.log_mixture(x)
    return float((np.exp(lp) * (lp - KL.log_normal(x, mu, s))).sum() * (x[1] - x[0]))


def brute_reverse_kl(mu, s, draws=400_000, seed=0):
    """KL(q || p) by plain Monte Carlo under q, for comparison with the quadrature."""
    x = np.random.default_rng(seed).normal(mu, s, draws)
    return float((KL.log_normal(x, mu, s) - KL.log_mixture(x)).mean())


def test_closed_form_gaussian_kl_matches_a_numerical_integral():
    x = np.linspace(-30, 30, 300_001)
    lp, lq = KL.log_normal(x, 0.0, 1.0), KL.log_normal(x, 1.0, 2.0)
    numeric = float((np.exp(lp) * (lp - lq)).sum() * (x[1] - x[0]))
    assert abs(numeric - KL.kl_gaussians(0.0, 1.0, 1.0, 2.0)) < 1e-6


def test_the_moment_shortcut_equals_the_direct_forward_kl():
    for mu, s in ((0.0, math.sqrt(10)), (-2.98, 1.02), (1.0, 0.7)):
        assert abs(KL.forward_kl(mu, s) - brute_forward_kl(mu, s)) < 1e-4


def test_the_quadrature_reverse_kl_matches_monte_carlo():
    for mu, s in ((0.0, math.sqrt(10)), (-2.98, 1.02)):
        assert abs(KL.reverse_kl(mu, s) - brute_reverse_kl(mu, s)) < 0.01


def test_forward_fit_is_moment_matching_and_reverse_fit_picks_one_mode():
    mu, s, _ = KL.best_fit(KL.forward_kl)
    _, mean, var = KL.grid_moments()
    assert abs(mu - mean) < 0.011 and abs(s - math.sqrt(var)) < 0.011
    mu, s, value = KL.best_fit(KL.reverse_kl)
    assert abs(abs(mu) - MODE) < 0.1 and abs(s - 1.0) < 0.1 and value < math.log(2)


def expected_values():
    forward_mu, forward_s, forward_value = KL.best_fit(KL.forward_kl)
    reverse_mu, reverse_s, reverse_value = KL.best_fit(KL.reverse_kl)
    _, _, var = KL.grid_moments()
    return {
        "coin-p": f"{COIN}",
        "coin-entropy": f"{entropy_bits(COIN, 1 - COIN):.3f}",
        "kl-pq": f"{kl(P, Q):.3f}",
        "kl-qp": f"{kl(Q, P):.3f}",
        "cross-entropy": f"{-sum(a * math.log(b) for a, b in zip(P, Q, strict=True)):.3f}",
        "kl-gauss-forward": f"{KL.kl_gaussians(0, 1, 1, 2):.3f}",
        "kl-gauss-reverse": f"{KL.kl_gaussians(1, 2, 0, 1):.3f}",
        "mode": f"{MODE:.0f}",
        "forward-var": f"{var:.0f}",
        "forward-s": f"{forward_s:.2f}",
        "reverse-mu": f"{abs(reverse_mu):.2f}",
        "reverse-s": f"{reverse_s:.2f}",
        "forward-at-forward": f"{forward_value:.3f}",
        "reverse-at-forward": f"{float(KL.reverse_kl(forward_mu, forward_s)):.3f}",
        "forward-at-reverse": f"{float(KL.forward_kl(reverse_mu, reverse_s)):.2f}",
        "reverse-at-reverse": f"{reverse_value:.3f}",
        "ln-two": f"{math.log(2):.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
