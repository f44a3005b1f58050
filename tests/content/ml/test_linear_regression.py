"""questions/ml/linear-regression.md: the worked fit, the hat matrix, and what breaks without Gauss-Markov."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/linear-regression.md"
OLS = load_snippet("ml/ols.py")
X_DATA = np.array([0, 1, 2, 3, 4.0])
Y_DATA = np.array([1, 3, 2, 5, 6.0])
CORR, VAR_U, COVERAGE_REPS = 0.99, 0.5, 4000


def test_normal_equations_and_orthogonality():
    X = OLS.design(X_DATA)
    beta = OLS.fit_ols(X, Y_DATA)
    assert np.allclose(X.T @ X @ beta, X.T @ Y_DATA)
    assert np.allclose(X.T @ (Y_DATA - X @ beta), 0)


def test_hat_matrix_is_a_projection_and_matches_the_explicit_formula():
    rng = np.random.default_rng(0)
    X = OLS.design(rng.standard_normal((30, 3)))
    h = OLS.hat_matrix(X)
    assert np.allclose(h, h.T) and np.allclose(h @ h, h) and np.isclose(np.trace(h), X.shape[1])
    assert np.allclose(h, X @ np.linalg.solve(X.T @ X, X.T))


def press_by_refitting(X, y):
    total = 0.0
    for i in range(len(y)):
        keep = np.arange(len(y)) != i
        beta = OLS.fit_ols(X[keep], y[keep])
        total += (y[i] - X[i] @ beta) ** 2
    return total


def test_gauss_markov_unbiased_with_covariance_sigma2_xtx_inverse():
    rng = np.random.default_rng(1)
    X = OLS.design(rng.uniform(0, 1, 40))
    betas = np.array([OLS.fit_ols(X, X @ [1.0, 2.0] + 0.5 * rng.standard_normal(40)) for _ in range(20_000)])
    assert np.allclose(betas.mean(axis=0), [1.0, 2.0], atol=0.01)
    assert np.allclose(np.cov(betas.T), 0.25 * np.linalg.inv(X.T @ X), rtol=0.05)


def test_vif_by_regressing_one_feature_on_the_other():
    rng = np.random.default_rng(2)
    a = rng.standard_normal(200_000)
    b = CORR * a + np.sqrt(1 - CORR**2) * rng.standard_normal(a.size)
    r2 = OLS.ols_summary(OLS.design(b), a)["r2"]
    assert abs(1 / (1 - r2) - 1 / (1 - CORR**2)) < 1.0


def expected_values():
    X = OLS.design(X_DATA)
    s = OLS.ols_summary(X, Y_DATA)
    h = np.diag(OLS.hat_matrix(X))
    classical, robust = OLS.slope_ci_coverage(True, reps=COVERAGE_REPS)
    classical_homo, robust_homo = OLS.slope_ci_coverage(False, reps=COVERAGE_REPS)
    xc, yc = X_DATA - X_DATA.mean(), Y_DATA - Y_DATA.mean()
    press = press_by_refitting(X, Y_DATA)
    assert np.isclose(press, ((s["resid"] / (1 - h)) ** 2).sum())  # the shortcut on the page
    return {
        "x-bar": f"{X_DATA.mean():.0f}",
        "y-bar": f"{Y_DATA.mean():.1f}",
        "sxy": f"{xc @ yc:.0f}",
        "sxx": f"{xc @ xc:.0f}",
        "slope": f"{s['beta'][1]:.1f}",
        "intercept": f"{s['beta'][0]:.1f}",
        "fitted": ", ".join(f"{v:.1f}" for v in X @ s["beta"]),
        "residuals": ", ".join(f"{v + 0.0:.1f}" for v in np.round(s["resid"], 10)),
        "rss": f"{s['rss']:.1f}",
        "sigma2": f"{s['sigma2']:.3f}",
        "se-slope": f"{s['se'][1]:.3f}",
        "r2": f"{s['r2']:.3f}",
        "leverages": ", ".join(f"{v:.1f}" for v in h),
        "trace": f"{h.sum():.0f}",
        "press": f"{press:.3f}",
        "vif": f"{1 / (1 - CORR**2):.1f}",
        "corr": f"{CORR}",
        "var-u": f"{VAR_U}",
        "attenuation": f"{1 / (1 + VAR_U):.3f}",
        "sim-attenuation": f"{OLS.attenuated_slope(var_u=VAR_U):.3f}",
        "cov-classical": f"{classical * 100:.1f} %",
        "cov-reps": f"{COVERAGE_REPS:,}",
        "cov-robust": f"{robust * 100:.1f} %",
        "cov-classical-homo": f"{classical_homo * 100:.1f} %",
        "cov-robust-homo": f"{robust_homo * 100:.1f} %",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
