"""questions/coding/sliding-window-max.md: the snippet on the page's examples and against brute force,
its deque operation count, and the sliding-median follow-up: a two-heap median with lazy deletion is
run to show its heaps grow to O(n) entries (so O(n log n), not O(n log k), in the worst case)."""

import heapq
import random
import statistics
from collections import Counter

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/sliding-window-max.md"
INPUT_1, K_1 = [1, 3, -1, -3, 5, 3, 6, 7], 3
INPUT_2, K_2 = [4, 4, 4, 1], 2
MEDIAN_N, MEDIAN_K = 10_000, 101


def swm():
    return load_snippet("coding/sliding_window_max.py").sliding_window_max


def listed(values) -> str:
    return ", ".join(str(v) for v in values)


def lazy_two_heap_medians(nums, k):
    """Sliding medians with a max-heap (lower half) and a min-heap (upper half) and lazy deletion.

    Returns (medians, largest total number of entries the two heaps held).
    """
    lower, upper = [], []  # lower stores negated values
    delayed: Counter = Counter()
    sizes = {"lower": 0, "upper": 0}  # live entries only
    largest = 0

    def prune(heap, sign):
        while heap and delayed[sign * heap[0]]:
            delayed[sign * heap[0]] -= 1
            heapq.heappop(heap)

    def rebalance():
        if sizes["lower"] > sizes["upper"] + 1:
            heapq.heappush(upper, -heapq.heappop(lower))
            sizes["lower"], sizes["upper"] = sizes["lower"] - 1, sizes["upper"] + 1
            prune(lower, -1)
        elif sizes["lower"] < sizes["upper"]:
            heapq.heappush(lower, -heapq.heappop(upper))
            sizes["lower"], sizes["upper"] = sizes["lower"] + 1, sizes["upper"] - 1
            prune(upper, 1)

    medians = []
    for i, x in enumerate(nums):
        if not lower or x <= -lower[0]:
            heapq.heappush(lower, -x)
            sizes["lower"] += 1
        else:
            heapq.heappush(upper, x)
            sizes["upper"] += 1
        rebalance()
        if i >= k:
            y = nums[i - k]
            delayed[y] += 1
            if y <= -lower[0]:
                sizes["lower"] -= 1
                if y == -lower[0]:
                    prune(lower, -1)
            else:
                sizes["upper"] -= 1
                if upper and y == upper[0]:
                    prune(upper, 1)
            rebalance()
            prune(lower, -1)
            prune(upper, 1)
        largest = max(largest, len(lower) + len(upper))
        if i >= k - 1:
            medians.append(-lower[0] if k % 2 else (-lower[0] + upper[0]) / 2)
    return medians, largest


def expected_values() -> dict[str, str]:
    f = swm()
    _, heap_entries = lazy_two_heap_medians(list(range(MEDIAN_N)), MEDIAN_K)
    return {
        "input-1": listed(INPUT_1),
        "k-1": f"{K_1}",
        "output-1": listed(f(INPUT_1, K_1)),
        "input-2": listed(INPUT_2),
        "k-2": f"{K_2}",
        "output-2": listed(f(INPUT_2, K_2)),
        "median-n": f"{MEDIAN_N:,}".replace(",", "\\,"),
        "median-k": f"{MEDIAN_K}",
        "median-heap": f"{heap_entries:,}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_lazy_two_heap_medians_are_correct():
    rng = random.Random(0)
    for _ in range(300):
        nums = [rng.randint(-5, 5) for _ in range(rng.randint(1, 40))]
        for k in range(1, len(nums) + 1):
            medians, _ = lazy_two_heap_medians(nums, k)
            assert medians == [statistics.median(nums[i : i + k]) for i in range(len(nums) - k + 1)]


def test_lazy_heaps_grow_with_n_not_with_k():
    _, small = lazy_two_heap_medians(list(range(MEDIAN_N // 4)), MEDIAN_K)
    _, large = lazy_two_heap_medians(list(range(MEDIAN_N)), MEDIAN_K)
    assert large > 3.5 * small > 10 * MEDIAN_K


def test_examples_and_edge_cases():
    f = swm()
    assert f([5, 1, 2], 1) == [5, 1, 2]
    assert f([5, 1, 9, 2], 4) == [9]
    assert f([], 3) == []
    for bad in (0, 4):
        with pytest.raises(ValueError):
            f([1, 2, 3], bad)


def test_matches_brute_force_with_many_ties():
    f = swm()
    rng = random.Random(0)
    for _ in range(500):
        nums = [rng.randint(-3, 3) for _ in range(rng.randint(1, 25))]
        for k in range(1, len(nums) + 1):
            assert f(nums, k) == [max(nums[i : i + k]) for i in range(len(nums) - k + 1)]


class _CountingList(list):
    """A sequence that counts how often the snippet reads it: each read is one value comparison."""

    reads = 0

    def __getitem__(self, index):
        _CountingList.reads += 1
        return super().__getitem__(index)


def test_work_is_linear_even_when_one_step_pops_many():
    f = swm()
    for n in (1000, 4000):
        nums = _CountingList([n - i for i in range(n - 1)] + [n + 1])  # decreasing, then one big value
        _CountingList.reads = 0
        f(nums, n // 2)
        assert _CountingList.reads <= 4 * n
