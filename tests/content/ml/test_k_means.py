"""questions/ml/k-means.md: Lloyd's runs from the two starts, the share of stuck starts, k-means++
(seeded runs and its exact success probability), its bound and the best inertia for each k."""

import itertools
import math
from fractions import Fraction

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/k-means.md"
K = 3
BAD_START, GOOD_START = [0.0, 1.0, 15.0], [0.0, 10.0, 20.0]
RUNS = 100


def km():
    return load_snippet("ml/lloyd.py")


def code_list(values) -> str:
    return ", ".join(f"{float(v):.1f}" for v in np.ravel(values))


def optimal_inertia(points: list[float], k: int) -> float:
    """Global optimum in one dimension: optimal clusters are contiguous runs of the sorted points."""
    xs = sorted(points)
    best = math.inf
    for cuts in itertools.combinations(range(1, len(xs)), k - 1):
        groups = [xs[a:b] for a, b in itertools.pairwise((0, *cuts, len(xs)))]
        best = min(best, sum(sum((x - sum(g) / len(g)) ** 2 for x in g) for g in groups))
    return best


def kmeans_pp_success_probability(points: list[float], k: int, optimum: float) -> Fraction:
    """Exact probability that k-means++ seeding followed by Lloyd reaches the optimum, by enumeration."""
    lloyd = km().lloyd

    def extend(chosen: list[int], prob: Fraction) -> Fraction:
        if len(chosen) == k:
            return prob if abs(lloyd(points, [points[i] for i in chosen])[2] - optimum) < 1e-9 else Fraction(0)
        d2 = [Fraction(min((x - points[c]) ** 2 for c in chosen)) for x in points]
        total = sum(d2)
        return sum((extend([*chosen, i], prob * w / total) for i, w in enumerate(d2) if w), Fraction(0))

    return sum(extend([i], Fraction(1, len(points))) for i in range(len(points)))


def elbow(inertias: list[float]) -> int:
    """The k (1-based) after which the decrease slows the most: the largest ratio of successive drops."""
    drops = [a - b for a, b in itertools.pairwise(inertias)]
    return 1 + max(range(1, len(drops)), key=lambda i: drops[i - 1] / drops[i])


def expected_values() -> dict[str, str]:
    m = km()
    points = m.POINTS
    bad_c, _, bad_j, bad_passes = m.lloyd(points, BAD_START)
    good_c, _, good_j, good_passes = m.lloyd(points, GOOD_START)
    optimum = optimal_inertia(points, K)
    starts = list(itertools.combinations(points, K))
    stuck = [s for s in starts if m.lloyd(points, list(s))[2] == bad_j]
    best = [optimal_inertia(points, k) for k in range(1, 5)]
    values = {
        "points": code_list(points),
        "k": f"{K}",
        "bad-start": code_list(BAD_START),
        "bad-centroids": code_list(bad_c),
        "bad-inertia": f"{bad_j:.1f}",
        "bad-passes": f"{bad_passes}",
        "good-start": code_list(GOOD_START),
        "good-centroids": code_list(good_c),
        "good-inertia": f"{good_j:g}",
        "good-passes": f"{good_passes}",
        "starts": f"{len(starts)}",
        "starts-again": f"{len(starts)}",
        "stuck-starts": f"{len(stuck)}",
        "stuck-again": f"{len(stuck)}",
        "stuck-inertia": f"{bad_j:.1f}",
        "stuck-share": f"{len(stuck) / len(starts):.0%}".replace("%", "\\,\\%"),
        "random-hits": f"{round(m.success_rate(m.random_init, runs=RUNS) * RUNS)}",
        "random-runs": f"{RUNS}",
        "pp-inertia": f"{optimum:g}",
        "pp-hits": f"{round(m.success_rate(m.kmeans_pp_init, runs=RUNS) * RUNS)}",
        "pp-runs": f"{RUNS}",
        "pp-last-seed": f"{RUNS - 1}",
        "pp-exact": f"{float(kmeans_pp_success_probability(points, K, optimum)):.3f}",
        "pp-bound": f"{8 * (math.log(K) + 2):.1f}",
        "pp-bound-k": f"{K}",
        "k-max": f"{len(best)}",
        "elbow": f"{elbow(best)}",
    }
    values |= {f"best-{k}": f"{j:.1f}" for k, j in enumerate(best, 1)}
    return values


def test_exhaustive_starts_find_the_global_optimum_for_every_k():
    m = km()
    for k in range(1, 5):
        from_starts = min(m.lloyd(m.POINTS, list(c))[2] for c in itertools.combinations(m.POINTS, k))
        assert math.isclose(from_starts, optimal_inertia(m.POINTS, k))


def test_inertia_never_increases_along_a_run():
    m = km()
    rng = np.random.default_rng(0)
    points = list(rng.normal(size=40) * 5)
    centroids = list(rng.choice(points, 4, replace=False))
    previous = math.inf
    for steps in range(1, 8):
        inertia = m.lloyd(points, centroids, max_iter=steps)[2]
        assert inertia <= previous + 1e-12
        previous = inertia


def test_seeded_success_counts_are_consistent_with_the_exact_probabilities():
    m = km()
    optimum = optimal_inertia(m.POINTS, K)
    starts = list(itertools.combinations(m.POINTS, K))  # random_init picks one of these uniformly
    p_random = sum(math.isclose(m.lloyd(m.POINTS, list(c))[2], optimum) for c in starts) / len(starts)
    p_pp = float(kmeans_pp_success_probability(m.POINTS, K, optimum))
    for rate, p in [(m.success_rate(m.random_init, runs=RUNS), p_random), (m.success_rate(m.kmeans_pp_init), p_pp)]:
        assert abs(rate - p) <= 4 * math.sqrt(p * (1 - p) / RUNS) + 1 / RUNS


def test_single_and_empty_clusters():
    m = km()
    centroids, _, inertia, _ = m.lloyd([2.0, 4.0], [3.0])
    assert centroids.ravel().tolist() == [3.0] and inertia == 2.0
    centroids, _, _, _ = m.lloyd([0.0, 1.0], [0.5, 100.0])  # the far centroid gets no points and stays
    assert centroids.ravel().tolist() == [0.5, 100.0]


def test_stated_values():
    assert_values(PAGE, expected_values())
