"""questions/probability/fisher-information-cramer-rao.md: exponential-rate MLE against the Cramer-Rao bound."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/fisher-information-cramer-rao.md"
FI = load_snippet("probability/fisher_exponential.py")
LAM, SIZES, REPS = 2.0, (10, 100, 1000), 20_000
P, N_BERN = 0.3, 100


def simulated_ratio(n):
    """Simulated Var(MLE) / (1 / (n I)) and the standard error of that ratio."""
    est = FI.simulate_mle(LAM, n, REPS)
    crb = 1.0 / (n * FI.fisher_information(LAM))
    centred = est - est.mean()
    se_var = math.sqrt(((centred**4).mean() - est.var() ** 2) / REPS)
    return est.var() / crb, se_var / crb


def test_fisher_information_is_the_variance_of_the_score_and_minus_the_mean_curvature():
    x = np.random.default_rng(4).exponential(1 / LAM, 1_000_000)
    score = 1 / LAM - x
    assert abs(score.var() * LAM**2 - 1) < 0.01
    assert abs(score.mean()) < 0.002
    h = 1e-4  # curvature of log f by finite differences, at a few points: -1/lam^2 everywhere
    for xi in (0.1, 0.5, 2.0):
        logf = [math.log(lam) - lam * xi for lam in (LAM - h, LAM, LAM + h)]
        assert abs((logf[0] - 2 * logf[1] + logf[2]) / h**2 + FI.fisher_information(LAM)) < 1e-4


def test_simulation_matches_the_exact_inverse_gamma_moments():
    for n in SIZES:
        ratio, se = simulated_ratio(n)
        assert abs(ratio - FI.exact_scaled_variance(n)) < 4 * se
        est = FI.simulate_mle(LAM, n, REPS)
        assert abs(est.mean() - n * LAM / (n - 1)) < 4 * est.std() / math.sqrt(REPS)


def test_the_unbiased_version_has_variance_lam2_over_n_minus_2():
    n = 10
    est = FI.simulate_mle(LAM, n, 200_000, seed=7) * (n - 1) / n
    assert abs(est.mean() - LAM) < 0.01
    assert abs(est.var() / (LAM**2 / (n - 2)) - 1) < 0.03


def test_bernoulli_mle_attains_the_bound():
    x = np.random.default_rng(8).random((50_000, N_BERN)) < P
    assert abs(x.mean(axis=1).var() / (P * (1 - P) / N_BERN) - 1) < 0.03


def expected_values():
    values = {
        "p": f"{P}",
        "n-bern": f"{N_BERN}",
        "crb-bern": f"{P * (1 - P) / N_BERN:.4f}",
        "se-bern": f"{math.sqrt(P * (1 - P) / N_BERN):.3f}",
        "lam": f"{LAM:.0f}",
        "reps": f"{REPS:,}",
        "umvue-10": f"{SIZES[0] / (SIZES[0] - 2):.2f}",
    }
    for n, label in zip(SIZES, ("small", "mid", "large"), strict=True):
        ratio, se = simulated_ratio(n)
        values |= {
            f"n-{label}": f"{n}",
            f"mean-{n}": f"{n * LAM / (n - 1):.3f}",
            f"ratio-{n}": f"{FI.exact_scaled_variance(n):.3f}",
            f"sim-{n}": f"{ratio:.2f}",
            f"se-{n}": f"{se:.2f}",
        }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
