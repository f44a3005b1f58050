"""Unbiased pass@k, perplexity versus bits per byte, and the Fréchet distance behind FID."""

import math

import numpy as np


def pass_at_k(n, c, k):
    """Chen et al. (2021): 1 - C(n-c, k) / C(n, k), the chance that k of the n samples drawn without
    replacement include a correct one. Written as a product so it never overflows."""
    if n - c < k:
        return 1.0
    return 1.0 - float(np.prod(1.0 - k / np.arange(n - c + 1, n + 1)))


def pass_at_k_plugin(n, c, k):
    """The tempting estimate 1 - (1 - c/n)^k: biased low, because 1 - (1 - x)^k is concave."""
    return 1.0 - (1.0 - c / n) ** k


def perplexity(total_nll_nats, tokens):
    return math.exp(total_nll_nats / tokens)


def bits_per_byte(total_nll_nats, utf8_bytes):
    """Tokeniser-independent: the same text has the same byte count under every tokeniser."""
    return total_nll_nats / (utf8_bytes * math.log(2))


def _sqrt_psd(m):
    vals, vecs = np.linalg.eigh((m + m.T) / 2)
    return (vecs * np.sqrt(np.clip(vals, 0.0, None))) @ vecs.T


def frechet_distance(mu1, cov1, mu2, cov2):
    """||mu1 - mu2||^2 + Tr(S1 + S2 - 2 (S1 S2)^(1/2)), the FID between two Gaussians.

    Tr((S1 S2)^(1/2)) is computed as Tr((S1^(1/2) S2 S1^(1/2))^(1/2)), a symmetric PSD matrix with the
    same eigenvalues, which avoids a non-symmetric matrix square root.
    """
    root1 = _sqrt_psd(cov1)
    cross = _sqrt_psd(root1 @ cov2 @ root1)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(cov1) + np.trace(cov2) - 2 * np.trace(cross))


if __name__ == "__main__":
    for k in (1, 5):
        print(f"n=10, c=3: pass@{k} = {pass_at_k(10, 3, k):.4f} (plug-in {pass_at_k_plugin(10, 3, k):.4f})")
    print("perplexity, 250 vs 400 tokens for 500 nats:", perplexity(500, 250), perplexity(500, 400))
    print("bits per byte for 1,000 bytes:", bits_per_byte(500, 1000))
    print("FID N(0,1) vs N(1,4):", frechet_distance(np.zeros(1), np.eye(1), np.ones(1), 4 * np.eye(1)))
