"""questions/ml/ridge-as-map.md: ridge = Gaussian MAP, SVD shrinkage, lasso = Laplace MAP (soft threshold)."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/ridge-as-map.md"
R = load_snippet("ml/ridge.py")
NOISE_VAR, PRIOR_VAR = 1.0, 0.25
D, LAM_SVD = np.array([10.0, 1.0, 0.1]), 1.0
BETA_OLS, LAM_ORTHO, B_LAPLACE = np.array([3.0, 0.4]), 1.0, 2.0


def neg_log_posterior(w, X, y, noise_var, prior_var):
    return ((y - X @ w) ** 2).sum() / (2 * noise_var) + (w**2).sum() / (2 * prior_var)


def test_ridge_is_the_posterior_mode_and_matches_the_svd_form():
    rng = np.random.default_rng(0)
    X, y = rng.standard_normal((30, 4)), rng.standard_normal(30)
    w = R.ridge(X, y, NOISE_VAR / PRIOR_VAR)
    assert np.allclose(w, R.ridge_svd(X, y, NOISE_VAR / PRIOR_VAR))
    assert np.allclose(w, R.gaussian_posterior(X, y, NOISE_VAR, PRIOR_VAR)[0])
    base = neg_log_posterior(w, X, y, NOISE_VAR, PRIOR_VAR)
    for _ in range(200):  # no nearby point has a higher posterior density
        assert neg_log_posterior(w + 1e-3 * rng.standard_normal(4), X, y, NOISE_VAR, PRIOR_VAR) > base


def test_ridge_exists_when_p_exceeds_n():
    rng = np.random.default_rng(1)
    X, y = rng.standard_normal((5, 20)), rng.standard_normal(5)
    w = R.ridge(X, y, 0.1)
    assert np.allclose(X.T @ (y - X @ w), 0.1 * w)  # stationarity of the penalised objective


def test_fitted_values_are_shrunk_by_d2_over_d2_plus_lambda():
    rng = np.random.default_rng(2)
    u, _ = np.linalg.qr(rng.standard_normal((20, 3)))
    v, _ = np.linalg.qr(rng.standard_normal((3, 3)))
    X = u @ np.diag(D) @ v.T
    y = rng.standard_normal(20)
    fit = X @ R.ridge(X, y, LAM_SVD)
    assert np.allclose(u.T @ fit, R.shrinkage(D, LAM_SVD) * (u.T @ y))


def test_lasso_coordinate_descent_matches_soft_thresholding_on_an_orthonormal_design():
    rng = np.random.default_rng(3)
    q, _ = np.linalg.qr(rng.standard_normal((10, 2)))
    y = q @ BETA_OLS  # so that the OLS estimate on this design is exactly BETA_OLS
    assert np.allclose(R.lasso_cd(q, y, LAM_ORTHO), R.soft_threshold(BETA_OLS, LAM_ORTHO / 2))


def test_lasso_solution_satisfies_the_kkt_conditions_on_a_general_design():
    rng = np.random.default_rng(4)
    X, y, lam = rng.standard_normal((40, 6)), rng.standard_normal(40), 8.0
    w = R.lasso_cd(X, y, lam)
    g = 2 * X.T @ (y - X @ w)  # must equal lam * sign(w_j) where w_j != 0 and lie in [-lam, lam] elsewhere
    assert np.allclose(g[w != 0], lam * np.sign(w[w != 0]), atol=1e-6)
    assert np.all(np.abs(g[w == 0]) <= lam + 1e-6) and (w == 0).any()


def laplace_posterior_mean(z, noise_var, b):
    """Mean of p(w) proportional to exp(-(w - z)^2 / (2 noise_var) - |w| / b), by quadrature."""
    w = np.linspace(-30, 30, 600_001)
    log_p = -((w - z) ** 2) / (2 * noise_var) - np.abs(w) / b
    p = np.exp(log_p - log_p.max())
    return float((w * p).sum() / p.sum()), float(w[np.argmax(p)])


def expected_values():
    f = R.shrinkage(D, LAM_SVD)
    ridge_o = BETA_OLS / (1 + LAM_ORTHO)
    lasso_o = R.soft_threshold(BETA_OLS, LAM_ORTHO / 2)
    mean, mode = laplace_posterior_mean(BETA_OLS[1], NOISE_VAR, B_LAPLACE)
    assert abs(mode) < 1e-4 and np.isclose(2 * NOISE_VAR / B_LAPLACE, LAM_ORTHO)
    return {
        "noise-var": f"{NOISE_VAR:.0f}",
        "prior-var": f"{PRIOR_VAR}",
        "lam-map": f"{NOISE_VAR / PRIOR_VAR:.0f}",
        "lam-svd": f"{LAM_SVD:.0f}",
        "d1": f"{D[0]:.0f}",
        "d2": f"{D[1]:.0f}",
        "d3": f"{D[2]}",
        "f1": f"{f[0]:.3f}",
        "f2": f"{f[1]:.3f}",
        "f3": f"{f[2]:.4f}",
        "df": f"{f.sum():.3f}",
        "b1": f"{BETA_OLS[0]:.0f}",
        "b2": f"{BETA_OLS[1]}",
        "lam-ortho": f"{LAM_ORTHO:.0f}",
        "ridge1": f"{ridge_o[0]}",
        "ridge2": f"{ridge_o[1]}",
        "lasso1": f"{lasso_o[0]}",
        "lasso2": f"{lasso_o[1]:.0f}",
        "b-laplace": f"{B_LAPLACE:.0f}",
        "post-mean": f"{mean:.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
