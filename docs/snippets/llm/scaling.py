"""Compute-optimal model size under C = 6ND and a Chinchilla-style loss L(N, D) = E + A/N^a + B/D^b."""

import math

# Besiroglu et al. (2024) refit of Hoffmann et al.'s parametric law (Approach 3).
REFIT = {"E": 1.8172, "A": 482.01, "B": 2085.43, "alpha": 0.3478, "beta": 0.3658}
# The rounded values printed in Hoffmann et al. (2022).
PUBLISHED = {"E": 1.69, "A": 406.4, "B": 410.7, "alpha": 0.34, "beta": 0.28}


def loss(n, d, law):
    return law["E"] + law["A"] / n ** law["alpha"] + law["B"] / d ** law["beta"]


def compute_optimal(c, law):
    """Minimise L(N, C / 6N) over N. Setting dL/dN = 0 gives N = G (C/6)^(b/(a+b))."""
    a, b = law["alpha"], law["beta"]
    g = (a * law["A"] / (b * law["B"])) ** (1 / (a + b))
    n = g * (c / 6) ** (b / (a + b))
    return n, c / (6 * n)


def tokens_per_parameter_rule(c, ratio=20.0):
    """Chinchilla's rule of thumb D = ratio * N with C = 6ND, so N = sqrt(C / (6 ratio))."""
    n = math.sqrt(c / (6 * ratio))
    return n, ratio * n


def tokens_for_loss(n, target, law):
    """Training tokens a model with n parameters needs to reach `target` loss (inf if it never can)."""
    gap = target - law["E"] - law["A"] / n ** law["alpha"]
    return math.inf if gap <= 0 else (law["B"] / gap) ** (1 / law["beta"])


def overtraining(c, shrink, law):
    """Train a model `shrink` times smaller than compute-optimal to the same loss.

    Returns (n, d, extra training FLOPs, inference tokens after which the smaller model is cheaper
    overall), with inference costing 2N FLOPs per token.
    """
    n_opt, d_opt = compute_optimal(c, law)
    n = n_opt / shrink
    d = tokens_for_loss(n, loss(n_opt, d_opt, law), law)
    extra = 6 * n * d - c
    return n, d, extra, extra / (2 * (n_opt - n))


if __name__ == "__main__":
    c = 1e24
    for name, law in (("refit", REFIT), ("published", PUBLISHED)):
        n, d = compute_optimal(c, law)
        print(f"{name}: N = {n / 1e9:.1f}B, D = {d / 1e12:.2f}T, D/N = {d / n:.0f}, L = {loss(n, d, law):.3f}")
    n, d = tokens_per_parameter_rule(c)
    print(f"20 tokens/param: N = {n / 1e9:.1f}B, D = {d / 1e12:.2f}T")
    n, d, extra, breakeven = overtraining(c, 2, REFIT)
    print(f"half-size: N = {n / 1e9:.1f}B on {d / 1e12:.2f}T tokens, +{extra / c:.1%} compute, "
          f"cheaper after {breakeven / 1e12:.1f}T inference tokens")  # fmt: skip
