"""questions/coding/top-k-nearest.md: the snippet's results and tie rule on the page's example, a
brute-force comparison with many ties, and the coordinator's merge of per-machine top-k lists
(k pops from a heap over the m list heads) checked against a global sort."""

import heapq
import random

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/top-k-nearest.md"
POINTS = [(1, 1), (2, 2), (-1, -1), (0, 3), (3, 0)]
QUERY = (0, 0)
K_SMALL, K_LARGE = 3, 4


def tk():
    return load_snippet("coding/top_k_nearest.py")


def listed(values) -> str:
    return ", ".join(str(v) for v in values)


def tie_at_boundary(k: int):
    """(distance, indices) of the tied group that the k-th answer falls into."""
    d = [tk().squared_distance(p, QUERY) for p in POINTS]
    chosen = tk().k_nearest(POINTS, QUERY, k)
    boundary = d[chosen[-1]]
    return boundary, [i for i in range(len(POINTS)) if d[i] == boundary]


def expected_values() -> dict[str, str]:
    mod = tk()
    distances = [mod.squared_distance(p, QUERY) for p in POINTS]
    small, large = mod.k_nearest(POINTS, QUERY, K_SMALL), mod.k_nearest(POINTS, QUERY, K_LARGE)
    tie_small, _ = tie_at_boundary(2)  # the two nearest points tie
    tie_large, tied = tie_at_boundary(K_LARGE)
    winner = large[-1]
    assert winner == min(tied)
    return {
        "points": listed(POINTS),
        "query": listed(QUERY),
        "distances": listed(distances),
        "k-small": f"{K_SMALL}",
        "top-small": listed(small),
        "tie-small": f"{tie_small}",
        "k-large": f"{K_LARGE}",
        "top-large": listed(large),
        "tie-a": f"{tied[0]}",
        "tie-b": f"{tied[1]}",
        "tie-large": f"{tie_large}",
        "tie-winner": f"{winner}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_edge_cases():
    mod = tk()
    assert mod.k_nearest(POINTS, QUERY, 0) == [] and mod.k_nearest(POINTS, QUERY, -2) == []
    assert mod.k_nearest(POINTS, QUERY, 10) == mod.k_nearest_brute(POINTS, QUERY, len(POINTS))
    assert mod.k_nearest([], QUERY, 3) == []


def test_matches_a_full_sort_with_many_ties():
    mod = tk()
    rng = random.Random(0)
    for _ in range(300):
        n = rng.randint(0, 30)
        pts = [(rng.randint(-3, 3), rng.randint(-3, 3)) for _ in range(n)]
        q = (rng.randint(-3, 3), rng.randint(-3, 3))
        for k in range(-1, n + 3):
            assert mod.k_nearest(pts, q, k) == mod.k_nearest_brute(pts, q, k)


def coordinator_top_k(machine_lists, k):
    """Global top k from m sorted lists of (distance, global id): heap over the heads, k pops."""
    heap = [(lst[0], m, 0) for m, lst in enumerate(machine_lists) if lst]
    heapq.heapify(heap)
    out, pops = [], 0
    while heap and len(out) < k:
        item, m, pos = heapq.heappop(heap)
        pops += 1
        out.append(item)
        if pos + 1 < len(machine_lists[m]):
            heapq.heappush(heap, (machine_lists[m][pos + 1], m, pos + 1))
    return out, pops


def test_the_coordinator_needs_only_k_pops_over_the_list_heads():
    mod = tk()
    rng = random.Random(1)
    for _ in range(200):
        m, k = rng.randint(1, 8), rng.randint(1, 10)
        points = [(rng.randint(-4, 4), rng.randint(-4, 4)) for _ in range(rng.randint(0, 60))]
        query = (rng.randint(-4, 4), rng.randint(-4, 4))
        shards = [list(range(len(points)))[s::m] for s in range(m)]  # global ids split over m machines
        lists = []
        for ids in shards:
            local = mod.k_nearest([points[i] for i in ids], query, k)
            lists.append([(mod.squared_distance(points[ids[j]], query), ids[j]) for j in local])
        merged, pops = coordinator_top_k(lists, k)
        assert [gid for _, gid in merged] == mod.k_nearest_brute(points, query, k)
        assert pops == min(k, sum(len(lst) for lst in lists))
