"""questions/probability/multivariate-gaussian.md: Schur-complement conditioning, checked three ways."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/multivariate-gaussian.md"
MVN = load_snippet("probability/gaussian_conditioning.py")
X_B = [3.0, -1.0]
RHO, X2_2D = 0.8, 1.5


def test_covariance_and_precision_forms_agree():
    rng = np.random.default_rng(0)
    for _ in range(20):
        m = rng.standard_normal((5, 5))
        cov, mu = m @ m.T + 0.5 * np.eye(5), rng.standard_normal(5)
        x_b = rng.standard_normal(2)
        mean1, cov1 = MVN.condition(mu, cov, [0, 1, 2], [3, 4], x_b)
        mean2, cov2 = MVN.condition_via_precision(mu, cov, [0, 1, 2], [3, 4], x_b)
        assert np.allclose(mean1, mean2) and np.allclose(cov1, cov2)


def test_regression_on_samples_recovers_the_gain_and_the_conditional_variance():
    x = MVN.sample(MVN.MU, MVN.COV, 1_000_000, np.random.default_rng(1))
    design = np.column_stack([np.ones(len(x)), x[:, 1], x[:, 2]])
    coef, *_ = np.linalg.lstsq(design, x[:, 0], rcond=None)
    residual = x[:, 0] - design @ coef
    assert np.allclose(coef[1:], [0.6, 0.2], atol=0.005)
    assert abs(residual.var() - 2.6) < 0.02
    assert abs(coef[0] + coef[1:] @ X_B - MVN.condition(MVN.MU, MVN.COV, [0], [1, 2], X_B)[0][0]) < 0.01


def test_samples_have_the_right_moments():
    x = MVN.sample(MVN.MU, MVN.COV, 400_000, np.random.default_rng(2))
    assert np.allclose(x.mean(axis=0), MVN.MU, atol=0.02)
    assert np.allclose(np.cov(x.T), MVN.COV, atol=0.05)


def expected_values():
    mean, cov = MVN.condition(MVN.MU, MVN.COV, [0], [1, 2], X_B)
    gain = np.linalg.solve(MVN.COV[1:, 1:], MVN.COV[0, 1:])
    mean_2d, var_2d = MVN.condition([0, 0], [[1, RHO], [RHO, 1]], [0], [1], [X2_2D])
    _, var_x2 = MVN.condition(MVN.MU, MVN.COV, [0], [1], [X_B[0]])
    a = np.array([1.0, -1.0, 0.0])
    return {
        "rho": f"{RHO}",
        "x2-2d": f"{X2_2D}",
        "mean-2d": f"{mean_2d[0]:.1f}",
        "var-2d": f"{var_2d[0, 0]:.2f}",
        "det": f"{np.linalg.det(MVN.COV):.0f}",
        "minor-2": f"{np.linalg.det(MVN.COV[:2, :2]):.0f}",
        "x2": f"{X_B[0]:.0f}",
        "x3": f"{X_B[1]:.0f}",
        "gain-2": f"{gain[0]:.1f}",
        "gain-3": f"{gain[1]:.1f}",
        "cond-mean": f"{mean[0]:.1f}",
        "cond-var": f"{cov[0, 0]:.1f}",
        "cond-var-x2": f"{var_x2[0, 0]:.3f}",
        "y-mean": f"{a @ MVN.MU:.0f}",
        "y-var": f"{a @ MVN.COV @ a:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
