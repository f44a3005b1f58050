"""A hash map from scratch: open addressing with linear probing.

Deletion uses backward shifting (no tombstones), so probe chains never fill up
with dead slots. The table doubles when the load factor would exceed 2/3.
"""

from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

_GOLDEN = 0x9E3779B97F4A7C15  # 2**64 / golden ratio, odd: spreads consecutive hashes
_MASK64 = (1 << 64) - 1


class HashMap(Generic[K, V]):
    """Dictionary with put/get/delete in expected O(1) time and O(capacity) space."""

    def __init__(self, initial_bits: int = 3) -> None:
        self._bits = initial_bits
        self._slots: list[tuple[int, K, V] | None] = [None] * (1 << initial_bits)
        self._size = 0

    # ----- helpers -------------------------------------------------------
    @property
    def capacity(self) -> int:
        return len(self._slots)

    def _home(self, h: int) -> int:
        """Fibonacci hashing: keep the top `bits` bits of hash * golden constant."""
        return ((h * _GOLDEN) & _MASK64) >> (64 - self._bits)

    def _find(self, key: K) -> tuple[int, bool]:
        """(slot index, found?). When not found, the index is the empty slot ending the probe."""
        h = hash(key)
        mask = self.capacity - 1
        i = self._home(h)
        while (entry := self._slots[i]) is not None:
            if entry[0] == h and entry[1] == key:
                return i, True
            i = (i + 1) & mask
        return i, False

    def _grow(self) -> None:
        old = self._slots
        self._bits += 1
        self._slots = [None] * (1 << self._bits)
        self._size = 0
        for entry in old:
            if entry is not None:
                self.put(entry[1], entry[2])

    # ----- public API ----------------------------------------------------
    def put(self, key: K, value: V) -> None:
        i, found = self._find(key)
        if found:
            self._slots[i] = (hash(key), key, value)
            return
        if 3 * (self._size + 1) > 2 * self.capacity:  # load factor would pass 2/3
            self._grow()
            i, _ = self._find(key)
        self._slots[i] = (hash(key), key, value)
        self._size += 1

    def get(self, key: K, default: V | None = None) -> V | None:
        i, found = self._find(key)
        entry = self._slots[i]
        return entry[2] if found and entry is not None else default

    def delete(self, key: K) -> None:
        """Remove key (KeyError if absent), then shift later cluster members back."""
        hole, found = self._find(key)
        if not found:
            raise KeyError(key)
        mask = self.capacity - 1
        self._slots[hole] = None
        j = (hole + 1) & mask
        while (entry := self._slots[j]) is not None:
            home = self._home(entry[0])
            # The entry may move into the hole if the hole lies on its probe path home..j.
            if (j - home) & mask >= (j - hole) & mask:
                self._slots[hole] = entry
                self._slots[j] = None
                hole = j
            j = (j + 1) & mask
        self._size -= 1

    def __contains__(self, key: K) -> bool:
        return self._find(key)[1]

    def __len__(self) -> int:
        return self._size

    def items(self) -> Iterator[tuple[K, V]]:
        for entry in self._slots:
            if entry is not None:
                yield entry[1], entry[2]


if __name__ == "__main__":
    m: HashMap[str, int] = HashMap()
    for n, word in enumerate("the quick brown fox jumps over the lazy dog".split()):
        m.put(word, n)
    m.delete("fox")
    print(len(m), m.capacity, m.get("the"), m.get("fox"))  # 7 16 6 None
