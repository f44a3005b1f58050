"""Bonferroni, Holm and Benjamini-Hochberg on a list of p-values, and their error rates by simulation."""

from statistics import NormalDist

import numpy as np


def bonferroni(p, alpha=0.05):
    p = np.asarray(p, float)
    return p <= alpha / p.size


def holm(p, alpha=0.05):
    """Step-down: compare the i-th smallest p-value (i = 1..m) with alpha / (m - i + 1); stop at the first failure."""
    p = np.asarray(p, float)
    m = p.size
    order = np.argsort(p, kind="stable")
    passed = p[order] <= alpha / (m - np.arange(m))
    k = m if passed.all() else int(np.argmin(passed))  # number of leading passes
    reject = np.zeros(m, bool)
    reject[order[:k]] = True
    return reject


def benjamini_hochberg(p, alpha=0.05):
    """Step-up: find the largest i with p_(i) <= i alpha / m and reject the i smallest p-values."""
    p = np.asarray(p, float)
    m = p.size
    order = np.argsort(p, kind="stable")
    below = np.flatnonzero(p[order] <= alpha * np.arange(1, m + 1) / m)
    reject = np.zeros(m, bool)
    if below.size:
        reject[order[: below[-1] + 1]] = True
    return reject


def bh_adjusted(p):
    """BH-adjusted p-values (q-values): reject exactly those with q <= alpha."""
    p = np.asarray(p, float)
    m = p.size
    order = np.argsort(p, kind="stable")
    scaled = p[order] * m / np.arange(1, m + 1)
    q = np.minimum(1.0, np.minimum.accumulate(scaled[::-1])[::-1])
    out = np.empty(m)
    out[order] = q
    return out


def simulate_error_rates(m=20, m_alt=5, shift=3.0, alpha=0.05, reps=50_000, seed=0):
    """FWER, FDR and average power of each procedure; two-sided z-tests, nulls first then alternatives."""
    rng = np.random.default_rng(seed)
    cdf = np.vectorize(NormalDist().cdf)
    z = rng.standard_normal((reps, m))
    z[:, m - m_alt :] += shift
    pvals = 2 * (1 - cdf(np.abs(z)))
    is_null = np.arange(m) < m - m_alt
    results = {}
    for name, rule in (("bonferroni", bonferroni), ("holm", holm), ("bh", benjamini_hochberg)):
        reject = np.array([rule(row, alpha) for row in pvals])
        false = (reject & is_null).sum(axis=1)
        total = reject.sum(axis=1)
        results[name] = {
            "fwer": float((false > 0).mean()),
            "fdr": float(np.mean(np.where(total > 0, false / np.maximum(total, 1), 0.0))),
            "power": float((reject & ~is_null).sum(axis=1).mean() / m_alt),
        }
    return results


P_VALUES = [0.001, 0.0052, 0.016, 0.019, 0.024, 0.041, 0.074, 0.205, 0.212, 0.216]

if __name__ == "__main__":
    for rule in (bonferroni, holm, benjamini_hochberg):
        print(f"{rule.__name__:20s} rejects {int(rule(P_VALUES).sum())}")
    print("BH q-values:", np.round(bh_adjusted(P_VALUES), 4))
    print(simulate_error_rates())
