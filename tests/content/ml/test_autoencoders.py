"""questions/ml/autoencoders.md: the PCA reconstruction error, a linear autoencoder that reaches it,
and the Gaussian KL term (closed form and Monte Carlo)."""

import math

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/ml/autoencoders.md"
EIGENVALUES = [4, 2, 1, 0.5, 0.5]
CODE_DIM, SAMPLES = 2, 2000
MU, SIGMA = 1.0, 1.0


def train_linear_autoencoder(seed: int = 0, steps: int = 1000, lr: float = 0.05) -> tuple[float, float]:
    """Plain gradient descent on encoder E and decoder D; returns (autoencoder error, sample PCA error)."""
    rng = np.random.default_rng(seed)
    Q, _ = np.linalg.qr(rng.standard_normal((len(EIGENVALUES), len(EIGENVALUES))))
    X = rng.multivariate_normal(np.zeros(len(EIGENVALUES)), Q @ np.diag(EIGENVALUES) @ Q.T, size=SAMPLES)
    X -= X.mean(axis=0)
    sample_eigenvalues = np.sort(np.linalg.eigvalsh(X.T @ X / len(X)))[::-1]
    E = 0.1 * rng.standard_normal((CODE_DIM, X.shape[1]))
    D = 0.1 * rng.standard_normal((X.shape[1], CODE_DIM))
    for _ in range(steps):
        R = X @ E.T @ D.T - X
        gD = 2 * R.T @ (X @ E.T) / len(X)
        gE = 2 * D.T @ R.T @ X / len(X)
        D -= lr * gD
        E -= lr * gE
    error = float(((X @ E.T @ D.T - X) ** 2).sum(axis=1).mean())
    return error, float(sample_eigenvalues[CODE_DIM:].sum())


def gaussian_kl(mu: float, sigma: float) -> float:
    """KL(N(mu, sigma^2) || N(0, 1)) in closed form."""
    return 0.5 * (mu**2 + sigma**2 - 1 - math.log(sigma**2))


def monte_carlo_kl(mu: float, sigma: float, samples: int = 400_000, seed: int = 0) -> tuple[float, float]:
    """E_q[log q - log p] by sampling z ~ q; returns (estimate, standard error)."""
    z = np.random.default_rng(seed).normal(mu, sigma, samples)
    ratio = -0.5 * ((z - mu) / sigma) ** 2 - math.log(sigma) + 0.5 * z**2
    return float(ratio.mean()), float(ratio.std() / math.sqrt(samples))


def expected_values() -> dict[str, str]:
    dropped = sorted(EIGENVALUES, reverse=True)[CODE_DIM:]
    total = sum(EIGENVALUES)
    ae_error, pca_error = train_linear_autoencoder()
    values = {f"eig-{i}": f"{v:g}" for i, v in enumerate(EIGENVALUES, 1)}
    values |= {f"drop-{i}": f"{v:g}" for i, v in enumerate(dropped, 1)}
    values |= {
        "code-dim": f"{CODE_DIM}",
        "error": f"{sum(dropped):g}",
        "total": f"{total:g}",
        "kept": f"{total - sum(dropped):g}",
        "total-again": f"{total:g}",
        "kept-share": f"{(total - sum(dropped)) / total:.0%}".replace("%", "\\,\\%"),
        "ae-samples": f"{SAMPLES}",
        "ae-error": f"{ae_error:.3f}",
        "pca-error": f"{pca_error:.3f}",
        "kl-example": f"{gaussian_kl(MU, SIGMA):g}",
        "mu": f"{MU:g}",
        "sigma": f"{SIGMA:g}",
        "kl-prior": f"{gaussian_kl(0.0, 1.0):g}",
    }
    return values


def test_the_autoencoder_reaches_the_pca_error():
    ae_error, pca_error = train_linear_autoencoder()
    assert abs(ae_error - pca_error) < 1e-6 * pca_error


def test_the_closed_form_kl_matches_monte_carlo():
    for mu, sigma in [(MU, SIGMA), (0.3, 0.5), (-1.0, 2.0)]:
        estimate, standard_error = monte_carlo_kl(mu, sigma)
        assert abs(estimate - gaussian_kl(mu, sigma)) < 4 * standard_error


def test_stated_values():
    assert_values(PAGE, expected_values())
