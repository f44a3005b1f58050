"""LRU cache: a dict for O(1) lookup plus a doubly linked list for O(1) recency updates."""

from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class _Node(Generic[K, V]):
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key: K, value: V) -> None:
        self.key = key
        self.value = value
        self.prev: _Node[K, V] = self
        self.next: _Node[K, V] = self


class LRUCache(Generic[K, V]):
    """get and put in O(1); memory O(capacity). The list runs from most to least recent."""

    def __init__(self, capacity: int) -> None:
        if capacity < 0:
            raise ValueError("capacity must be non-negative")
        self.capacity = capacity
        self._index: dict[K, _Node[K, V]] = {}
        # Sentinel of a circular list: head.next is the most recent node, head.prev the least.
        self._head: _Node[K, V] = _Node(cast(K, None), cast(V, None))

    def _unlink(self, node: _Node[K, V]) -> None:
        node.prev.next = node.next
        node.next.prev = node.prev

    def _push_front(self, node: _Node[K, V]) -> None:
        node.prev, node.next = self._head, self._head.next
        self._head.next.prev = node
        self._head.next = node

    def get(self, key: K) -> V | None:
        node = self._index.get(key)
        if node is None:
            return None
        self._unlink(node)
        self._push_front(node)
        return node.value

    def put(self, key: K, value: V) -> None:
        if self.capacity == 0:
            return
        node = self._index.get(key)
        if node is not None:  # update in place and mark as most recent
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self._index) == self.capacity:
            lru = self._head.prev  # least recent sits just before the sentinel
            self._unlink(lru)
            del self._index[lru.key]
        node = _Node(key, value)
        self._index[key] = node
        self._push_front(node)

    def __len__(self) -> int:
        return len(self._index)


class OrderedDictLRU(Generic[K, V]):
    """The same contract in a few lines, on top of OrderedDict's own linked list."""

    def __init__(self, capacity: int) -> None:
        self.capacity = capacity
        self._data: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        if key not in self._data:
            return None
        self._data.move_to_end(key)
        return self._data[key]

    def put(self, key: K, value: V) -> None:
        if self.capacity == 0:
            return
        self._data[key] = value
        self._data.move_to_end(key)
        if len(self._data) > self.capacity:
            self._data.popitem(last=False)


if __name__ == "__main__":
    cache: LRUCache[int, str] = LRUCache(2)
    cache.put(1, "a")
    cache.put(2, "b")
    print(cache.get(1))  # a   (1 is now the most recent)
    cache.put(3, "c")  # evicts 2
    print(cache.get(2))  # None
    cache.put(4, "d")  # evicts 1
    print(cache.get(1), cache.get(3), cache.get(4))  # None c d
