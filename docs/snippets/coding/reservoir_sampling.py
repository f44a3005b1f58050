"""Reservoir sampling (Algorithm R): a uniform k-subset of a stream of unknown length."""

import itertools
import math
import random
from collections import Counter
from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")


def reservoir_sample(stream: Iterable[T], k: int, rng: random.Random) -> list[T]:
    """One pass, O(k) memory, O(n) time; every k-subset is equally likely.

    Invariant: after i items, each of them is in the reservoir with probability k / i.
    """
    if k < 0:
        raise ValueError("k must be non-negative")
    reservoir: list[T] = []
    for i, item in enumerate(stream):  # item number i + 1
        if i < k:
            reservoir.append(item)
        else:
            j = rng.randrange(i + 1)  # uniform on 0..i
            if j < k:  # happens with probability k / (i + 1)
                reservoir[j] = item
    return reservoir


def subset_counts(n: int, k: int, trials: int, seed: int = 0) -> Counter[frozenset[int]]:
    """How often each k-subset of range(n) comes out over many independent runs."""
    rng = random.Random(seed)
    return Counter(frozenset(reservoir_sample(range(n), k, rng)) for _ in range(trials))


def chi_square_uniform(counts: Counter[frozenset[int]], n: int, k: int) -> tuple[float, int]:
    """Pearson statistic against 'all C(n, k) subsets equally likely', and its degrees of freedom."""
    cells = math.comb(n, k)
    expected = sum(counts.values()) / cells
    stat = sum((counts.get(frozenset(s), 0) - expected) ** 2 / expected for s in itertools.combinations(range(n), k))
    return stat, cells - 1


def chi_square_critical(dof: int, z: float) -> float:
    """Wilson-Hilferty approximation of the chi-square quantile at standard-normal quantile z."""
    a = 2.0 / (9.0 * dof)
    return dof * (1.0 - a + z * math.sqrt(a)) ** 3


if __name__ == "__main__":
    counts = subset_counts(n=10, k=3, trials=24_000)
    stat, dof = chi_square_uniform(counts, 10, 3)
    print(f"chi2 = {stat:.1f} on {dof} dof; 0.1% critical value {chi_square_critical(dof, 3.0902):.1f}")
