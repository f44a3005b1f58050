"""k nearest points to a query with a bounded max-heap: O(n log k) time, O(k) memory."""

import heapq
from collections.abc import Sequence

Point = Sequence[float]


def squared_distance(a: Point, b: Point) -> float:
    return sum((x - y) ** 2 for x, y in zip(a, b, strict=True))


def k_nearest(points: Sequence[Point], query: Point, k: int) -> list[int]:
    """Indices of the k points closest to query, nearest first; ties go to the smaller index.

    The heap holds (-distance, -index) for the k best seen so far, so its root is the
    worst kept point (largest distance, and among equal distances the largest index).
    """
    if k <= 0:
        return []
    heap: list[tuple[float, int]] = []
    for i, p in enumerate(points):
        key = (-squared_distance(p, query), -i)
        if len(heap) < k:
            heapq.heappush(heap, key)
        elif key > heap[0]:  # strictly better than the worst kept point
            heapq.heapreplace(heap, key)
    # Sort the survivors by (distance, index): O(k log k).
    return [-neg_i for _, neg_i in sorted(heap, key=lambda t: (-t[0], -t[1]))]


def k_nearest_brute(points: Sequence[Point], query: Point, k: int) -> list[int]:
    """Reference answer: sort everything, O(n log n)."""
    order = sorted(range(len(points)), key=lambda i: (squared_distance(points[i], query), i))
    return order[: max(k, 0)]


if __name__ == "__main__":
    pts = [(1, 1), (2, 2), (-1, -1), (0, 3), (3, 0)]
    print(k_nearest(pts, (0, 0), 3))  # [0, 2, 1]
    print(k_nearest(pts, (0, 0), 4))  # [0, 2, 1, 3]
