"""Count the element copies a growable array makes while appending n items."""


def copies_for_appends(n, grow, capacity=1):
    """Simulate n appends; `grow(c)` gives the new capacity when an array of capacity c is full.

    Returns (total elements copied during resizes, final capacity).
    """
    size = copied = 0
    for _ in range(n):
        if size == capacity:
            copied += size  # move every stored element into the new block
            capacity = grow(capacity)
        size += 1
    return copied, capacity


def doubling(c):
    return 2 * c


def plus_ten(c):
    return c + 10


if __name__ == "__main__":
    print("doubling:", copies_for_appends(1000, doubling))
    print("plus ten:", copies_for_appends(1000, plus_ten))
