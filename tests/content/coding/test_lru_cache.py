"""questions/coding/lru-cache.md: the page's operation sequence is replayed on both classes to get
every stated result and eviction; both classes are checked against a list-based reference."""

import random

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/lru-cache.md"
CAPACITY = 2
OPS = [("put", 1, "a"), ("put", 2, "b"), ("get", 1), ("put", 3, "c"), ("get", 2), ("put", 4, "d")]
OPS += [("get", 1), ("get", 3), ("get", 4)]


def lru():
    return load_snippet("coding/lru_cache.py")


def call(op) -> str:
    return f'put({op[1]}, "{op[2]}")' if op[0] == "put" else f"get({op[1]})"


def shown(value) -> str:
    return "None" if value is None else f'"{value}"'


def replay(cls_name: str):
    cache = getattr(lru(), cls_name)(CAPACITY)
    gets = []
    for op in OPS:
        if op[0] == "put":
            cache.put(op[1], op[2])
        else:
            gets.append(cache.get(op[1]))
    return gets


def expected_values() -> dict[str, str]:
    gets = replay("LRUCache")
    assert gets == replay("OrderedDictLRU")
    evicted = reference_evictions()
    first_get_key = next(op[1] for op in OPS if op[0] == "get")
    values = {"capacity": f"{CAPACITY}"}
    values.update({f"op{i}": call(op) for i, op in enumerate(OPS, start=1)})
    values.update(
        {
            "first-get": shown(gets[0]),
            "fresh-key": f"{first_get_key}",
            "evicted-first": f"{evicted[0]}",
            "second-get": shown(gets[1]),
            "evicted-second": f"{evicted[1]}",
            "final-1": shown(gets[2]),
            "final-2": shown(gets[3]),
            "final-3": shown(gets[4]),
        }
    )
    return values


def reference_evictions():
    """Evictions from a plain list model of LRU (most recent last), independent of the snippet."""
    order, evicted = [], []
    for op in OPS:
        key = op[1]
        if op[0] == "get":
            if key in order:
                order.remove(key)
                order.append(key)
            continue
        if key in order:
            order.remove(key)
        elif len(order) == CAPACITY:
            evicted.append(order.pop(0))
        order.append(key)
    return evicted


def test_stated_values():
    assert_values(PAGE, expected_values())


@pytest.mark.parametrize("cls_name", ["LRUCache", "OrderedDictLRU"])
def test_both_classes_evict_what_the_reference_evicts(cls_name):
    cache = getattr(lru(), cls_name)(CAPACITY)
    evicted = []
    for op in OPS:
        if op[0] == "put":
            keys_before = set(getattr(cache, "_index", getattr(cache, "_data", {})).keys())
            cache.put(op[1], op[2])
            keys_after = set(getattr(cache, "_index", getattr(cache, "_data", {})).keys())
            evicted.extend(keys_before - keys_after)
        else:
            cache.get(op[1])
    assert evicted == reference_evictions()


def test_edge_cases():
    mod = lru()
    zero = mod.LRUCache(0)
    zero.put(1, 1)
    assert zero.get(1) is None and len(zero) == 0
    c = mod.LRUCache(2)
    c.put("x", 1)
    c.put("y", 2)
    c.put("x", 3)  # update refreshes recency and evicts nothing
    assert len(c) == 2 and c.get("x") == 3
    c.put("z", 4)  # evicts y, the least recent
    assert c.get("y") is None and c.get("x") == 3 and c.get("z") == 4
    with pytest.raises(ValueError):
        mod.LRUCache(-1)


def test_both_versions_agree_with_a_list_reference_on_random_operations():
    mod = lru()
    rng = random.Random(0)
    for capacity in range(0, 5):
        a, b = mod.LRUCache(capacity), mod.OrderedDictLRU(capacity)
        ref: list[tuple[int, int]] = []  # most recent last
        for step in range(2000):
            key = rng.randrange(7)
            if rng.random() < 0.5:
                a.put(key, step)
                b.put(key, step)
                if capacity:
                    ref = [(k, v) for k, v in ref if k != key] + [(key, step)]
                    ref = ref[-capacity:]
            else:
                hit = [v for k, v in ref if k == key]
                expected = hit[0] if hit else None
                if hit:
                    ref = [(k, v) for k, v in ref if k != key] + [(key, hit[0])]
                assert a.get(key) == b.get(key) == expected
            assert len(a) == len(ref)
