"""questions/cs/heaps.md: the heap against heapq, heapify's worst case by brute force, heapsort."""

import heapq
import itertools
import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/heaps.md"
HEAP = load_snippet("cs/heap.py")
N_SMALL, N_BIG = 15, 10**6


def is_min_heap(a):
    return all(a[(i - 1) // 2] <= a[i] for i in range(1, len(a)))


def test_random_operations_agree_with_heapq():
    rng = np.random.default_rng(0)
    for _ in range(200):
        start = [int(v) for v in rng.integers(0, 50, rng.integers(0, 20))]
        ours, ref = HEAP.MinHeap(start), list(start)
        heapq.heapify(ref)
        assert is_min_heap(ours.a)
        for _ in range(60):
            if ref and rng.random() < 0.45:
                assert ours.pop() == heapq.heappop(ref)
            else:
                x = int(rng.integers(0, 50))
                ours.push(x)
                heapq.heappush(ref, x)
            assert len(ours) == len(ref) and is_min_heap(ours.a)
            if ref:
                assert ours.peek() == ref[0]


def test_heapsort_sorts():
    rng = np.random.default_rng(1)
    for n in range(0, 40):
        values = [int(v) for v in rng.integers(-20, 20, n)]
        assert HEAP.heapsort(list(values)) == sorted(values)


def sum_of_heights(n):
    """Sum over the nodes of a heap with n nodes of their heights (longest path down to a leaf)."""

    def height(i):
        return 0 if 2 * i + 1 >= n else 1 + max(height(2 * i + 1), height(2 * i + 2) if 2 * i + 2 < n else -1)

    return sum(height(i) for i in range(n))


def test_heapify_worst_case_is_the_sum_of_heights_by_brute_force():
    for n in range(1, 9):
        worst = max(HEAP.heapify(list(p)) for p in itertools.permutations(range(n)))
        assert worst == sum_of_heights(n) == n - bin(n).count("1")


def pushes_one_at_a_time(keys):
    heap, swaps = [], 0
    for x in keys:
        heap.append(x)
        swaps += HEAP.sift_up(heap, len(heap) - 1)
    return swaps


def expected_values() -> dict[str, str]:
    decreasing = list(range(N_SMALL, 0, -1))
    push_big = sum(int(math.log2(i)) for i in range(1, N_BIG + 1))
    assert push_big == sum(i.bit_length() - 1 for i in range(1, N_BIG + 1))
    return {
        "n-small": f"{N_SMALL}",
        "heapify-15": f"{HEAP.heapify(list(decreasing))}",
        "push-15": f"{pushes_one_at_a_time(decreasing)}",
        "n-big": f"{N_BIG:,}",
        "heapify-big": f"{N_BIG - bin(N_BIG).count('1'):,}",
        "push-big": f"{push_big:,}",
    }


def test_the_small_case_is_the_worst_case():
    assert HEAP.heapify(list(range(N_SMALL, 0, -1))) == sum_of_heights(N_SMALL)


def test_stated_values():
    assert_values(PAGE, expected_values())
