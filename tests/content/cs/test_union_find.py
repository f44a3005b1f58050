"""questions/cs/union-find.md: against a naive relabelling structure, Kruskal against brute force, the heights."""

import itertools
import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/union-find.md"
UF = load_snippet("cs/union_find.py")
N_HEIGHT = 2**14


class Naive:
    """Every element stores its component label; a union relabels one component."""

    def __init__(self, n):
        self.label = list(range(n))

    def same(self, a, b):
        return self.label[a] == self.label[b]

    def union(self, a, b):
        old, new = self.label[b], self.label[a]
        if old == new:
            return False
        self.label = [new if x == old else x for x in self.label]
        return True


def test_random_operations_agree_with_the_naive_structure():
    rng = np.random.default_rng(0)
    for by_rank, compress in itertools.product([True, False], repeat=2):
        for _ in range(30):
            n = int(rng.integers(1, 40))
            dsu, naive = UF.DisjointSet(n, by_rank, compress), Naive(n)
            for _ in range(80):
                a, b = (int(v) for v in rng.integers(0, n, 2))
                if rng.random() < 0.5:
                    assert dsu.union(a, b) == naive.union(a, b)
                else:
                    assert (dsu.find(a) == dsu.find(b)) == naive.same(a, b)
            assert dsu.components == len(set(naive.label))


def tree_height(parent):
    depth = {}

    def d(x):
        path = []
        while x not in depth and parent[x] != x:
            path.append(x)
            x = parent[x]
        base = depth.get(x, 0)
        for i, node in enumerate(reversed(path), start=1):
            depth[node] = base + i
        return depth.get(path[0], 0) if path else base

    return max(d(x) for x in range(len(parent)))


def heights():
    chain = UF.DisjointSet(N_HEIGHT, by_rank=False, compress=False)
    for i in range(N_HEIGHT - 1):
        chain.union(i + 1, i)  # the old root goes under the new one
    paired = UF.DisjointSet(N_HEIGHT, by_rank=True, compress=False)
    step = 1
    while step < N_HEIGHT:
        for i in range(0, N_HEIGHT, 2 * step):
            paired.union(i, i + step)
        step *= 2
    rank_height = tree_height(paired.parent)
    paired.compress = True
    for x in range(N_HEIGHT):
        paired.find(x)
    return tree_height(chain.parent), rank_height, tree_height(paired.parent)


def test_union_by_rank_never_exceeds_log2_n():
    rng = np.random.default_rng(1)
    for _ in range(20):
        n = int(rng.integers(2, 3000))
        dsu = UF.DisjointSet(n, by_rank=True, compress=False)
        for a, b in rng.integers(0, n, size=(3 * n, 2)):
            dsu.union(int(a), int(b))
        assert tree_height(dsu.parent) <= math.floor(math.log2(n))


def brute_force_mst(n, edges):
    best = math.inf
    for subset in itertools.combinations(edges, n - 1):
        dsu = UF.DisjointSet(n)
        if all(dsu.union(u, v) for _, u, v in subset):
            best = min(best, sum(w for w, _, _ in subset))
    return best


def test_kruskal_is_minimal_on_small_random_graphs():
    rng = np.random.default_rng(2)
    for _ in range(40):
        n = int(rng.integers(2, 7))
        edges = [(int(rng.integers(1, 20)), u, v) for u, v in itertools.combinations(range(n), 2) if rng.random() < 0.7]
        weight, tree = UF.kruskal(n, edges)
        expected = brute_force_mst(n, edges)
        if expected < math.inf:  # connected
            assert len(tree) == n - 1 and weight == expected


def ackermann_by_definition(k, j):
    """CLRS's A_k(j): A_0(j) = j + 1, and A_k(j) applies A_(k-1) to j, j + 1 times."""
    if k == 0:
        return j + 1
    for _ in range(j + 1):
        j = ackermann_by_definition(k - 1, j)
    return j


def ackermann_a(k, j):
    """The same, with A_2 in its closed form 2^(j+1) (j+1) - 1 so that A_3(1) is cheap."""
    if k == 2:
        return 2 ** (j + 1) * (j + 1) - 1
    if k < 2:
        return ackermann_by_definition(k, j)
    for _ in range(j + 1):
        j = ackermann_a(k - 1, j)
    return j


def test_the_closed_form_of_a2_and_the_a4_bound():
    assert all(ackermann_a(2, j) == ackermann_by_definition(2, j) for j in range(6))
    # A_4(1) = A_3(A_3(1)) = A_3(2047) >= A_2(2047) = 2^2048 * 2048 - 1 > 2^2048
    assert ackermann_a(3, 1) == 2047 and ackermann_a(2, ackermann_a(3, 1)) > 2**2048


def expected_values() -> dict[str, str]:
    naive, by_rank, compressed = heights()
    weight, tree = UF.kruskal(6, UF.EDGES)
    examined = sorted(UF.EDGES)[: sorted(UF.EDGES).index(tree[-1]) + 1]
    return {
        "n": f"{N_HEIGHT:,}",
        "naive-height": f"{naive:,}",
        "rank-height": f"{by_rank}",
        "compressed-height": f"{compressed}",
        "a3": f"{ackermann_a(3, 1)}",
        "a4-exp": f"{ackermann_a(3, 1) + 1}",
        "tree-edges": f"{len(tree)}",
        "mst": f"{weight}",
        "skipped": f"{len(examined) - len(tree)}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
