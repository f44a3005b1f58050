"""A binary min-heap in a Python list, O(n) bottom-up heapify, and in-place heapsort."""


def sift_up(a, i):
    """Move a[i] up while it is smaller than its parent. Returns the number of swaps."""
    swaps = 0
    while i > 0:
        parent = (i - 1) // 2
        if a[i] >= a[parent]:
            break
        a[i], a[parent] = a[parent], a[i]
        i, swaps = parent, swaps + 1
    return swaps


def sift_down(a, i, n, before=lambda x, y: x < y):
    """Move a[i] down within a[:n] until no child should come before it. Returns the number of swaps."""
    swaps = 0
    while True:
        child = 2 * i + 1
        if child >= n:
            return swaps
        if child + 1 < n and before(a[child + 1], a[child]):
            child += 1  # the child that should be on top
        if not before(a[child], a[i]):
            return swaps
        a[i], a[child] = a[child], a[i]
        i, swaps = child, swaps + 1


def heapify(a, before=lambda x, y: x < y):
    """Floyd's bottom-up construction: sift down every internal node, last one first. Returns the swaps."""
    return sum(sift_down(a, i, len(a), before) for i in range(len(a) // 2 - 1, -1, -1))


class MinHeap:
    def __init__(self, items=()):
        self.a = list(items)
        heapify(self.a)

    def __len__(self):
        return len(self.a)

    def peek(self):
        return self.a[0]

    def push(self, x):
        self.a.append(x)
        sift_up(self.a, len(self.a) - 1)

    def pop(self):
        """Remove the minimum: move the last leaf to the root and sift it down."""
        a = self.a
        a[0], a[-1] = a[-1], a[0]
        smallest = a.pop()
        sift_down(a, 0, len(a))
        return smallest


def heapsort(a):
    """In place, ascending: build a max-heap, then repeatedly swap the root to the end of the heap."""
    larger = lambda x, y: x > y  # noqa: E731
    heapify(a, larger)
    for end in range(len(a) - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift_down(a, 0, end, larger)
    return a


if __name__ == "__main__":
    h = MinHeap([5, 3, 8, 1])
    h.push(2)
    print([h.pop() for _ in range(len(h))])
    print(heapsort([9, 4, 7, 1, 8, 2]))
    heap, swaps = [], 0
    for x in range(15, 0, -1):  # decreasing keys: every push climbs to the root
        heap.append(x)
        swaps += sift_up(heap, len(heap) - 1)
    print("15 pushes:", swaps, "swaps; heapify of the same keys:", heapify(list(range(15, 0, -1))), "swaps")
