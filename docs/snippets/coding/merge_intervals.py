"""Merge overlapping closed intervals."""

from collections.abc import Iterable, Sequence


def merge_intervals(intervals: Iterable[Sequence[float]]) -> list[list[float]]:
    """Return the union of closed intervals [start, end] as sorted, disjoint intervals.

    Works for any numbers that compare (ints, floats, Fractions) and keeps them as given.
    Intervals that touch ([1, 4] and [4, 5]) are merged. The input is not modified.
    Raises ValueError on an interval whose start is greater than its end.
    Time O(n log n) for the sort, extra space O(n) for the sorted copy and the output.
    """
    ordered = sorted((lo, hi) for lo, hi in intervals)
    merged: list[list[float]] = []
    for lo, hi in ordered:
        if lo > hi:
            raise ValueError(f"malformed interval [{lo}, {hi}]")
        if merged and lo <= merged[-1][1]:
            # Overlaps (or touches) the last block: extend it if this one reaches further.
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    return merged


if __name__ == "__main__":
    print(merge_intervals([[1, 3], [2, 6], [8, 10], [15, 18]]))  # [[1, 6], [8, 10], [15, 18]]
    print(merge_intervals([[5, 7], [1, 4], [4, 5]]))  # [[1, 7]]
    print(merge_intervals([[1, 10], [2, 3]]))  # [[1, 10]]
    print(merge_intervals([[0.5, 1.5], [1.2, 2.7], [2.8, 3.1]]))  # [[0.5, 2.7], [2.8, 3.1]]
    print(merge_intervals([]))  # []
