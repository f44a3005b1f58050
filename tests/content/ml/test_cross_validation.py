"""questions/ml/cross-validation.md: fold shares, leave-one-out from one fit (against brute-force
refitting), the nested-CV count, the forward-chaining splits and the odd fold."""

import statistics

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/cross-validation.md"
K_SMALL, K_LARGE = 5, 10
LAMBDA = 1.0
OUTER, CONFIGS, INNER = 5, 20, 3
MONTHS, SPLITS, WINDOW = 60, 5, 6
FOLDS = [0.81, 0.80, 0.60, 0.82, 0.79]


def percent(x: float) -> str:
    return f"{x:.0%}".replace("%", " %")


def loo_by_refitting(X: np.ndarray, y: np.ndarray, lam: float) -> np.ndarray:
    """Independent reference: refit ridge by least squares on an augmented system, leaving each row out."""
    n, d = X.shape
    out = np.empty(n)
    for i in range(n):
        keep = np.arange(n) != i
        A = np.vstack([X[keep], np.sqrt(lam) * np.eye(d)])
        b = np.concatenate([y[keep], np.zeros(d)])
        w = np.linalg.lstsq(A, b, rcond=None)[0]
        out[i] = y[i] - X[i] @ w
    return out


def count_nested_fits(outer: int, configs: int, inner: int) -> int:
    """Count the fits nested CV makes by walking its loops."""
    fits = 0
    for _ in range(outer):
        for _ in range(configs):
            fits += inner  # one fit per inner fold
        fits += 1  # refit the winner on the outer training set
    return fits


def forward_chaining(months: int, splits: int, window: int) -> list[tuple[range, range]]:
    """Expanding-window splits: the last `splits * window` months are tested in order, months numbered from 1."""
    first_test = months - splits * window + 1
    plan = []
    for i in range(splits):
        start = first_test + i * window
        plan.append((range(1, start), range(start, start + window)))
    return plan


def span(months: range) -> str:
    return f"{months[0]}–{months[-1]}"


def expected_values() -> dict[str, str]:
    loo = load_snippet("ml/loo.py")
    X, y = loo.make_data()
    n, d = X.shape
    H = loo.hat_matrix(X, LAMBDA)
    residuals = loo.loo_residuals(X, y, LAMBDA)
    leverage = np.diag(H)
    plan = forward_chaining(MONTHS, SPLITS, WINDOW)
    odd = min(range(len(FOLDS)), key=FOLDS.__getitem__)
    others = FOLDS[:odd] + FOLDS[odd + 1 :]
    values = {
        "k-small": f"{K_SMALL}",
        "share-small": percent((K_SMALL - 1) / K_SMALL),
        "k-large": f"{K_LARGE}",
        "share-large": percent((K_LARGE - 1) / K_LARGE),
        "loo-rows": f"{n}",
        "loo-features": f"{d}",
        "loo-lambda": f"{LAMBDA}",
        "train-mse": f"{np.mean((y - H @ y) ** 2):.3f}",
        "loo-mse": f"{np.mean(residuals**2):.3f}",
        "loo-fits": f"{n}",
        "max-leverage": f"{leverage.max():.3f}",
        "max-inflation": f"{1 / (1 - leverage.max()):.2f}",
        "outer": f"{OUTER}",
        "configs": f"{CONFIGS}",
        "inner": f"{INNER}",
        "outer-again": f"{OUTER}",
        "configs-again": f"{CONFIGS}",
        "inner-again": f"{INNER}",
        "models": f"{count_nested_fits(OUTER, CONFIGS, INNER)}",
        "months": f"{MONTHS}",
        "splits": f"{SPLITS}",
        "window": f"{WINDOW}",
        "first-train": span(plan[0][0]),
        "first-test": span(plan[0][1]),
        "last-train": span(plan[-1][0]),
        "last-test": span(plan[-1][1]),
        "fold-mean": f"{statistics.mean(FOLDS):.3f}",
        "fold-gap": f"{statistics.median(others) - FOLDS[odd]:.1f}",
    }
    values |= {f"fold-{i}": f"{score:.2f}" for i, score in enumerate(FOLDS, 1)}
    return values


def test_loo_from_one_fit_matches_refitting():
    loo = load_snippet("ml/loo.py")
    for seed, lam in [(0, LAMBDA), (1, 0.0), (2, 10.0)]:
        X, y = loo.make_data(seed=seed)
        fast = loo.loo_residuals(X, y, lam)
        assert np.allclose(fast, loo_by_refitting(X, y, lam))
        assert np.allclose(fast, loo.loo_residuals_by_refitting(X, y, lam))


def test_loo_error_exceeds_training_error():
    loo = load_snippet("ml/loo.py")
    X, y = loo.make_data()
    H = loo.hat_matrix(X, LAMBDA)
    assert np.all(np.abs(loo.loo_residuals(X, y, LAMBDA)) >= np.abs(y - H @ y))
    assert 0 < np.diag(H).min() and np.diag(H).max() < 1


def test_forward_chaining_never_trains_on_the_future_and_tests_every_late_month_once():
    plan = forward_chaining(MONTHS, SPLITS, WINDOW)
    assert len(plan) == SPLITS
    tested = [m for _, test in plan for m in test]
    assert tested == list(range(MONTHS - SPLITS * WINDOW + 1, MONTHS + 1))
    assert all(max(train) < min(test) for train, test in plan)


def test_stated_values():
    assert_values(PAGE, expected_values())
