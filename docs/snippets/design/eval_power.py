"""Statistics and cost of an evaluation sweep: items needed, judge agreement, accelerator-hours."""

import math
from statistics import NormalDist

import numpy as np


def z(q: float) -> float:
    return NormalDist().inv_cdf(q)


def items_unpaired(p_a: float, p_b: float, alpha: float = 0.05, power: float = 0.8) -> int:
    """Items per model to detect p_b - p_a with a two-sided z-test when the two models are scored
    on independent item sets (normal approximation)."""
    k = (z(1 - alpha / 2) + z(power)) ** 2
    return math.ceil(k * (p_a * (1 - p_a) + p_b * (1 - p_b)) / (p_b - p_a) ** 2)


def items_paired(delta: float, discordant: float, alpha=0.05, power=0.8, deff: float = 1.0) -> int:
    """Items to detect a difference delta when both models answer the same items. The per-item
    difference is +1, -1 or 0; with a share `discordant` of items on which exactly one model is
    right, its variance is discordant - delta**2. deff inflates it for clustered items."""
    k = (z(1 - alpha / 2) + z(power)) ** 2
    return math.ceil(k * (discordant - delta**2) * deff / delta**2)


def design_effect(cluster_size: int, icc: float) -> float:
    """Variance inflation when items come in clusters (several questions on one passage)."""
    return 1 + (cluster_size - 1) * icc


def ci_half_width(p: float, n: int, alpha: float = 0.05) -> float:
    return z(1 - alpha / 2) * math.sqrt(p * (1 - p) / n)


def cohens_kappa(confusion) -> float:
    """Agreement between two raters beyond chance; rows: rater 1's label, columns: rater 2's."""
    m = np.asarray(confusion, dtype=float)
    n = m.sum()
    observed = np.trace(m) / n
    expected = float(m.sum(axis=1) @ m.sum(axis=0)) / n**2
    return (observed - expected) / (1 - expected)


def simulate_paired_power(cells, n: int, trials: int, rng, alpha: float = 0.05) -> float:
    """Share of simulated evals in which a paired z-test finds the difference.

    cells = P(both right), P(only A right), P(only B right), P(both wrong), per item.
    """
    counts = rng.multinomial(n, cells, size=trials)
    diffs = counts[:, 2] - counts[:, 1]  # B right and A wrong minus the reverse
    mean = diffs / n
    var = (counts[:, 1] + counts[:, 2]) / n - mean**2
    zstat = mean / np.sqrt(var / n)
    return float(np.mean(np.abs(zstat) > z(1 - alpha / 2)))


def accelerator_hours(tokens: float, flop_per_token: float, sustained_flops: float) -> float:
    return tokens * flop_per_token / sustained_flops / 3600


if __name__ == "__main__":
    print(items_unpaired(0.70, 0.72), "items per model, unpaired")
    print(items_paired(0.02, 0.10), "items, paired")
    print(f"kappa {cohens_kappa([[80, 20], [15, 85]]):.2f}")
    rng = np.random.default_rng(0)
    print(f"power {simulate_paired_power([0.66, 0.04, 0.06, 0.24], 1954, 4000, rng):.3f}")
