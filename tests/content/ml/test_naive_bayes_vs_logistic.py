"""questions/ml/naive-bayes-vs-logistic.md: learning curves with a crossover, limits, and double counting."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/naive-bayes-vs-logistic.md"
NB = load_snippet("ml/nb_vs_lr.py")
INDEPENDENT, COPIES, SHIFT, COPY_NOISE, L2, REPS = 20, 3, 0.3, 0.5, 1.0, 200
P_SPAM, P_HAM, DUP = 0.8, 0.2, 3


def test_exact_error_formula_matches_monte_carlo():
    mu0, mu1, cov = NB.make_problem(INDEPENDENT, COPIES, SHIFT, COPY_NOISE)
    rng = np.random.default_rng(0)
    w, b = rng.standard_normal(len(mu0)), 0.3
    n = 200_000
    y = rng.integers(0, 2, n)
    x = np.where(y[:, None] == 1, mu1, mu0) + rng.standard_normal((n, len(mu0))) @ np.linalg.cholesky(cov).T
    empirical = np.mean((x @ w + b > 0) != (y == 1))
    assert abs(empirical - NB.linear_rule_error(w, b, mu0, mu1, cov)) < 4 * np.sqrt(0.25 / n)


def test_naive_bayes_weights_are_the_gaussian_log_odds():
    """On a large sample the fitted weights approach delta_j / var_j, and the offset approaches 0."""
    mu0, mu1, cov = NB.make_problem(INDEPENDENT, 0, SHIFT, COPY_NOISE)
    rng = np.random.default_rng(1)
    y = np.arange(400_000) % 2
    x = np.where(y[:, None] == 1, mu1, mu0) + rng.standard_normal((y.size, len(mu0)))
    w, b = NB.fit_naive_bayes(x, y.astype(float))
    assert np.allclose(w, mu1 - mu0, atol=0.01) and abs(b) < 0.01


def test_logistic_regression_reaches_the_bayes_error_and_naive_bayes_does_not():
    problem = NB.make_problem(INDEPENDENT, COPIES, SHIFT, COPY_NOISE)
    (_, nb, lr), *_ = NB.learning_curve((20_000,), problem, reps=3, seed=2, l2=L2)
    assert abs(lr - NB.bayes_error(problem)) < 0.003
    assert abs(nb - NB.naive_bayes_limit(problem)) < 0.003


def posterior(copies):
    ratio = (P_SPAM / P_HAM) ** copies
    return ratio / (1 + ratio)


def expected_values():
    problem = NB.make_problem(INDEPENDENT, COPIES, SHIFT, COPY_NOISE)
    curve = NB.learning_curve(NB.SIZES, problem, reps=REPS, l2=L2)
    nb_ahead = [nb < lr for _, nb, lr in curve]
    assert nb_ahead == [False, True, True, True, False, False]  # the crossover the page describes
    values = {
        "independent": f"{INDEPENDENT}",
        "shift": f"{SHIFT}",
        "copies": f"{COPIES}",
        "copy-noise": f"{COPY_NOISE}",
        "l2": f"{L2:.0f}",
        "reps": f"{REPS}",
        "nb-inf": f"{NB.naive_bayes_limit(problem):.3f}",
        "lr-inf": f"{NB.bayes_error(problem):.3f}",
        "nb-inf-clean": f"{NB.naive_bayes_limit(NB.make_problem(INDEPENDENT, 0, SHIFT, COPY_NOISE)):.3f}",
        "post-one": f"{posterior(1):.1f}",
        "dup": f"{DUP}",
        "post-three": f"{posterior(DUP):.3f}",
    }
    for i, (m, nb, lr) in enumerate(curve, start=1):
        values |= {f"m{i}": f"{m}", f"nb{i}": f"{nb:.3f}", f"lr{i}": f"{lr:.3f}"}
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
