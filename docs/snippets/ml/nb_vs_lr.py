"""Gaussian naive Bayes versus logistic regression: learning curves with exact test error.

Both classifiers are linear; naive Bayes fits class means and per-feature variances (joint
likelihood), logistic regression fits P(y | x) directly (conditional likelihood, small L2 penalty).
Test error of a linear rule sign(w.x + b) under Gaussian classes is computed exactly, so the curves
carry no test-set noise.
"""

from statistics import NormalDist

import numpy as np

PHI = NormalDist().cdf


def fit_naive_bayes(X, y):
    """Shared per-feature variance: log-odds = sum_j (mu1_j - mu0_j)/s_j^2 x_j + const (+ log prior ratio)."""
    mu0, mu1 = X[y == 0].mean(axis=0), X[y == 1].mean(axis=0)
    resid = np.where(y[:, None] == 1, X - mu1, X - mu0)
    var = (resid**2).sum(axis=0) / max(len(y) - 2, 1) + 1e-9
    w = (mu1 - mu0) / var
    prior = np.log(y.mean() / (1 - y.mean()))
    b = -0.5 * ((mu1**2 - mu0**2) / var).sum() + prior
    return w, b


def fit_logistic(X, y, l2=1.0, iters=50):
    """L2-penalised logistic regression by Newton's method (intercept not penalised)."""
    Xb = np.column_stack([np.ones(len(y)), X])
    theta = np.zeros(Xb.shape[1])
    pen = l2 * np.eye(Xb.shape[1])
    pen[0, 0] = 0.0
    for _ in range(iters):
        p = 0.5 * (1 + np.tanh(0.5 * (Xb @ theta)))
        grad = Xb.T @ (p - y) + pen @ theta
        hess = Xb.T @ (Xb * (p * (1 - p))[:, None]) + pen + 1e-9 * np.eye(len(theta))
        theta -= np.linalg.solve(hess, grad)
    return theta[1:], theta[0]


def linear_rule_error(w, b, mu0, mu1, cov):
    """Exact error of predicting 1 when w.x + b > 0, for x | y ~ N(mu_y, cov) and equal priors."""
    s = float(np.sqrt(w @ cov @ w)) or 1e-12
    return 0.5 * PHI(-(w @ mu1 + b) / s) + 0.5 * PHI((w @ mu0 + b) / s)


def make_problem(independent=20, copies=3, shift=0.3, copy_noise=0.5):
    """Class means -+shift/2 on `independent` unit-variance features, plus `copies` noisy duplicates of
    feature 0 (x_0 + N(0, copy_noise^2)). The copies add no information but naive Bayes counts them as
    new evidence. Returns (mu0, mu1, cov) for equal-prior Gaussian classes."""
    d = independent + copies
    cov = np.eye(d)
    cov[independent:, independent:] = 1.0 + copy_noise**2 * np.eye(copies)
    cov[0, independent:] = cov[independent:, 0] = 1.0
    delta = np.full(d, shift)
    return -delta / 2, delta / 2, cov


def learning_curve(sizes, problem, reps=200, seed=0, l2=1.0):
    """Mean exact test error of (naive Bayes, logistic regression) for each training size."""
    mu0, mu1, cov = problem
    chol = np.linalg.cholesky(cov)
    rng = np.random.default_rng(seed)
    out = []
    for m in sizes:
        errs = np.zeros(2)
        for _ in range(reps):
            y = np.arange(m) % 2  # balanced classes
            X = np.where(y[:, None] == 1, mu1, mu0) + rng.standard_normal((m, len(mu0))) @ chol.T
            errs[0] += linear_rule_error(*fit_naive_bayes(X, y.astype(float)), mu0, mu1, cov)
            errs[1] += linear_rule_error(*fit_logistic(X, y.astype(float), l2), mu0, mu1, cov)
        out.append((m, *(errs / reps)))
    return out


def bayes_error(problem):
    """Error of the Bayes rule; it is linear here, so it is also logistic regression's large-sample limit."""
    mu0, mu1, cov = problem
    delta = mu1 - mu0
    return PHI(-0.5 * float(np.sqrt(delta @ np.linalg.solve(cov, delta))))


def naive_bayes_limit(problem):
    """Large-sample error of naive Bayes: weights delta_j / var_j from the true moments, zero offset."""
    mu0, mu1, cov = problem
    return linear_rule_error((mu1 - mu0) / np.diag(cov), 0.0, mu0, mu1, cov)


SIZES = (10, 20, 50, 100, 200, 500)

if __name__ == "__main__":
    problem = make_problem()
    for m, nb, lr in learning_curve(SIZES, problem):
        print(f"m = {m:4d}: naive Bayes {nb:.3f}, logistic regression {lr:.3f}")
    print(f"limits: naive Bayes {naive_bayes_limit(problem):.3f}, logistic regression {bayes_error(problem):.3f}")
