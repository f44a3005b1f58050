"""Maximum of every length-k window in O(n) time with a monotonic deque."""

from collections import deque
from collections.abc import Sequence


def sliding_window_max(nums: Sequence[float], k: int) -> list[float]:
    """Return [max(nums[i:i + k]) for every window], n - k + 1 values; [] for empty input.

    The deque holds indices whose values strictly decrease from front to back; the front
    is the current maximum. Each index is pushed and popped at most once: O(n) time,
    O(k) extra memory.
    """
    if not nums:
        return []
    if not 1 <= k <= len(nums):
        raise ValueError("window size must satisfy 1 <= k <= len(nums)")
    window: deque[int] = deque()
    out: list[float] = []
    for i, x in enumerate(nums):
        while window and nums[window[-1]] <= x:  # dominated: can never be a maximum again
            window.pop()
        window.append(i)
        if window[0] <= i - k:  # front has slid out of the window
            window.popleft()
        if i >= k - 1:
            out.append(nums[window[0]])
    return out


if __name__ == "__main__":
    print(sliding_window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))  # [3, 3, 5, 5, 6, 7]
    print(sliding_window_max([4, 4, 4, 1], 2))  # [4, 4, 4]
