"""Binary search on a sorted list, written as lower_bound to handle duplicates and misses."""


def lower_bound(items, target):
    """First index i with items[i] >= target; len(items) if every item is smaller.

    Invariant: items[:lo] < target <= items[hi:]. The half-open interval [lo, hi)
    shrinks every iteration, so the loop ends, and mid never reaches hi.
    """
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2  # Python ints do not overflow; in C use lo + (hi - lo) / 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def index_of(items, target):
    """Index of the first occurrence of target, or -1 if absent."""
    i = lower_bound(items, target)
    return i if i < len(items) and items[i] == target else -1


if __name__ == "__main__":
    data = [1, 3, 3, 3, 7]
    print([lower_bound(data, t) for t in (0, 3, 4, 8)])  # [0, 1, 4, 5]
    print(index_of(data, 3), index_of(data, 4), index_of([], 1))  # 1 -1 -1
