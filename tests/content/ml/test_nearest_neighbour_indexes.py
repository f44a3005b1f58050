"""questions/ml/nearest-neighbour-indexes.md: the IVF cost and its best list count, KD-tree depth,
octants, and the LSH table (formulas, the snippet's simulation and an independent simulation)."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/ml/nearest-neighbour-indexes.md"
N, NLIST, NPROBE = 10**6, 1000, 10
ANGLES = (30, 60, 90)
BITS, TABLES = 10, 20


def ivf_cost(n: int, nlist: int, nprobe: int) -> int:
    """Distances per query: every centroid, then every point in the nprobe opened (balanced) lists."""
    return nlist + nprobe * (n // nlist)


def kd_depth(n: int) -> int:
    """Levels of a median-split tree until every leaf holds one point, by splitting sizes."""
    depth, largest = 0, n
    while largest > 1:
        largest = largest - largest // 2  # the larger half
        depth += 1
    return depth


def simulated_candidate_probability(theta: float, bits: int, tables: int, trials: int = 20_000) -> float:
    """Independent check of 1 - (1 - p^k)^L: draw k*L hyperplanes per trial, count shared buckets."""
    rng = np.random.default_rng(1)
    u = np.array([1.0, 0.0])
    v = np.array([math.cos(theta), math.sin(theta)])
    planes = rng.standard_normal((trials, tables, bits, 2))  # only the plane's projection onto span(u, v) matters
    same = np.sign(planes @ u) == np.sign(planes @ v)
    return float(same.all(axis=2).any(axis=1).mean())


def to_exponent(n: int) -> str:
    return f"10^{round(math.log10(n))}"


def expected_values() -> dict[str, str]:
    lsh = load_snippet("ml/lsh.py")
    cost = ivf_cost(N, NLIST, NPROBE)
    best = min(range(1, 20_001), key=lambda nlist: nlist + N / nlist)
    defaults = lsh.empirical_bit_collision.__defaults__  # (dim, n_planes, seed)
    values = {
        "n": to_exponent(N),
        "nlist": f"{NLIST}",
        "nprobe": f"{NPROBE}",
        "nlist-again": f"{NLIST}",
        "nprobe-again": f"{NPROBE}",
        "per-list": f"{N // NLIST}",
        "ivf-cost": f"{cost:,}".replace(",", "\\,"),
        "n-again": to_exponent(N),
        "speedup": f"{N / cost:.0f}",
        "best-nlist": f"{best}",
        "kd-points": to_exponent(N),
        "kd-depth": f"{kd_depth(N)}",
        "octree-dims": "3",
        "octree-dims-again": "3",
        "octants": f"{len({(x, y, z) for x in (0, 1) for y in (0, 1) for z in (0, 1)})}",
        "bits": f"{BITS}",
        "tables": f"{TABLES}",
        "planes": f"{defaults[1]:,}",
        "dims": f"{defaults[0]}",
    }
    for row, degrees in enumerate(ANGLES, 1):
        theta = math.radians(degrees)
        p = lsh.bit_collision(theta)
        values |= {
            f"angle-{row}": f"{degrees}",
            f"p-{row}": f"{p:.4g}",
            f"sim-{row}": f"{lsh.empirical_bit_collision(theta):.3f}",
            f"big-p-{row}": f"{lsh.candidate_probability(p, k=BITS, n_tables=TABLES):.3f}",
        }
    return values


def test_the_snippet_simulation_agrees_with_one_minus_theta_over_pi():
    lsh = load_snippet("ml/lsh.py")
    planes = lsh.empirical_bit_collision.__defaults__[1]
    for degrees in ANGLES:
        theta = math.radians(degrees)
        p = lsh.bit_collision(theta)
        assert abs(lsh.empirical_bit_collision(theta) - p) < 4 * math.sqrt(p * (1 - p) / planes) + 1e-12


def test_the_banding_formula_matches_an_independent_simulation():
    lsh = load_snippet("ml/lsh.py")
    for degrees in ANGLES:
        theta = math.radians(degrees)
        want = lsh.candidate_probability(lsh.bit_collision(theta), k=BITS, n_tables=TABLES)
        got = simulated_candidate_probability(theta, BITS, TABLES)
        assert abs(got - want) < 4 * math.sqrt(want * (1 - want) / 20_000) + 1e-3


def test_edge_cases():
    lsh = load_snippet("ml/lsh.py")
    assert lsh.bit_collision(0.0) == 1.0 and lsh.bit_collision(math.pi) == 0.0
    assert lsh.candidate_probability(1.0, BITS, TABLES) == 1.0
    assert lsh.candidate_probability(0.0, BITS, TABLES) == 0.0


def test_kd_depth_is_the_ceiling_of_log2():
    for n in (1, 2, 3, 7, 8, 9, 1000, N):
        assert kd_depth(n) == math.ceil(math.log2(n))


def test_stated_values():
    assert_values(PAGE, expected_values())
