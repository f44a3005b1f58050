"""questions/ml/pca.md: SVD against the covariance eigenproblem, Eckart-Young, and the failure example."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/pca.md"
PCA = load_snippet("ml/pca.py")
X = PCA.EXAMPLE
FAIL_N, FAIL_SD1, FAIL_SHIFT, FAIL_NOISE = 2000, 3.0, 0.5, 0.2


def test_svd_directions_and_variances_match_the_covariance_eigenproblem():
    rng = np.random.default_rng(0)
    data = rng.normal(size=(200, 4)) @ rng.normal(size=(4, 4))
    components, variances, ratios, _ = PCA.pca(data, 4)
    eigenvalues, eigenvectors = np.linalg.eigh(np.cov(data, rowvar=False))
    assert variances == pytest.approx(eigenvalues[::-1])
    assert np.abs(components @ eigenvectors[:, ::-1]) == pytest.approx(np.eye(4), abs=1e-8)  # equal up to sign
    assert ratios.sum() == pytest.approx(1.0)


def test_eckart_young_no_rank_one_projection_beats_pca():
    rng = np.random.default_rng(1)
    data = rng.normal(size=(50, 3)) * [3.0, 1.0, 0.3]
    centred = data - data.mean(axis=0)
    best = ((data - PCA.reconstruct(data, 1)) ** 2).sum()
    s = np.linalg.svd(centred, compute_uv=False)
    assert best == pytest.approx((s[1:] ** 2).sum())
    for _ in range(2000):
        u = rng.normal(size=3)
        u /= np.linalg.norm(u)
        assert ((centred - np.outer(centred @ u, u)) ** 2).sum() >= best - 1e-9


def example():
    trace, det = 2.5 + 1.0, 2.5 * 1.0 - 1.5**2  # S of the page, by hand
    root = math.sqrt(trace**2 - 4 * det)
    return trace, det, (trace + root) / 2, (trace - root) / 2


def test_the_hand_computation_matches_the_snippet():
    _, _, lam1, lam2 = example()
    assert np.cov(X, rowvar=False) == pytest.approx(np.array([[2.5, 1.5], [1.5, 1.0]]))
    _, variances, _, _ = PCA.pca(X, 2)
    assert variances == pytest.approx([lam1, lam2])


def failure_case():
    rng = np.random.default_rng(0)
    labels = rng.choice([-1, 1], FAIL_N)
    data = np.c_[FAIL_SD1 * rng.standard_normal(FAIL_N), FAIL_SHIFT * labels + FAIL_NOISE * rng.standard_normal(FAIL_N)]
    _, _, ratios, scores = PCA.pca(data, 2)
    accuracies = []
    for j in range(2):
        agree = np.mean(np.sign(scores[:, j]) == labels)
        accuracies.append(max(agree, 1 - agree))  # the sign of a component is arbitrary
    return ratios[0], accuracies


def expected_values() -> dict[str, str]:
    trace, det, lam1, lam2 = example()
    components, _, ratios, _ = PCA.pca(X, 2)
    u = components[0] * np.sign(components[0][0])
    s = np.linalg.svd(X, compute_uv=False)
    error = ((X - PCA.reconstruct(X, 1)) ** 2).sum()
    fail_ratio, (acc1, acc2) = failure_case()
    return {
        "trace": f"{trace:g}",
        "det": f"{det:g}",
        "lambda1": f"{lam1:.3f}",
        "lambda2": f"{lam2:.3f}",
        "ratio": f"{ratios[0] * 100:.1f} %",
        "u1": f"{u[0]:.3f}",
        "u2": f"{u[1]:.3f}",
        "angle": f"{math.degrees(math.atan2(u[1], u[0])):.1f}",
        "s1": f"{s[0]:.3f}",
        "s2": f"{s[1]:.3f}",
        "err": f"{error:.3f}",
        "fail-sd1": f"{FAIL_SD1:g}",
        "fail-shift": f"{FAIL_SHIFT}",
        "fail-noise": f"{FAIL_NOISE}",
        "fail-ratio": f"{fail_ratio * 100:.1f} %",
        "fail-acc1": f"{acc1:.3f}",
        "fail-n": f"{FAIL_N:,}",
        "fail-acc2": f"{acc2:.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
