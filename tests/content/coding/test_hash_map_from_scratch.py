"""questions/coding/hash-map-from-scratch.md: the load-factor cap read off the snippet's behaviour,
Knuth's probe counts computed and checked against probing the snippet's own table, the demo's
output, and the behaviour of deletion inside and across the end of a cluster."""

import math
import random
import statistics
from fractions import Fraction

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/hash-map-from-scratch.md"
HIGH_LOAD = 0.9
SIM_TABLES, SIM_BITS = 8, 13
RANDOM_OPS = 5_000
SHRINK_AT = Fraction(1, 8)


def hash_map():
    return load_snippet("coding/hash_map.py")


def knuth_hit(alpha):
    return (1 + 1 / (1 - alpha)) / 2


def knuth_miss(alpha):
    return (1 + 1 / (1 - alpha) ** 2) / 2


def observed_load_cap() -> Fraction:
    """The largest load the table accepts, as a limit over capacities: the cap the code enforces.

    For each capacity 2^b, count how many keys fit before the table doubles; that count is
    floor(cap * c) for the true cap c, so c is pinned between count/cap and (count+1)/cap.
    """
    mod = hash_map()
    m = mod.HashMap()
    fits: dict[int, int] = {}
    for key in range(3000):
        capacity = m.capacity
        m.put(key, key)
        if m.capacity != capacity:
            fits[capacity] = key  # `key` keys were already stored when this one forced the doubling
    candidates = {Fraction(n, d) for n in range(1, 10) for d in range(n + 1, 10)}
    consistent = [c for c in candidates if all(math.floor(cap * c) == count for cap, count in fits.items())]
    assert len(consistent) == 1, consistent
    return consistent[0]


def probe_counts(rng: random.Random, bits: int) -> tuple[float, float]:
    """Mean probes for a hit (over stored keys) and a miss (over all home slots) in the snippet's table."""
    m = hash_map().HashMap()
    keys = (2 << bits) // 3  # fills 2^bits slots to just under 2/3 without doubling
    for _ in range(keys):
        m.put(rng.getrandbits(64), None)
    capacity, slots = m.capacity, m._slots
    assert capacity == 1 << bits
    mask = capacity - 1
    hit = sum(((i - m._home(entry[0])) & mask) + 1 for i, entry in enumerate(slots) if entry is not None) / keys
    start = next(i for i in range(capacity) if slots[i] is None)
    run, occupied_after = [0] * capacity, 0
    for step in range(capacity):  # walk backwards: a miss at slot i probes the run that starts at i, plus one
        i = (start - step) & mask
        occupied_after = 0 if slots[i] is None else occupied_after + 1
        run[i] = occupied_after
    return hit, sum(r + 1 for r in run) / capacity


def simulated_probes() -> tuple[tuple[float, float], tuple[float, float]]:
    """(mean, standard error) for hits and for misses over independent tables."""
    rng = random.Random(0)
    results = [probe_counts(rng, SIM_BITS) for _ in range(SIM_TABLES)]
    out = []
    for column in zip(*results, strict=True):
        out.append((statistics.mean(column), statistics.stdev(column) / math.sqrt(len(column))))
    return out[0], out[1]


def demo():
    mod = hash_map()
    words = "the quick brown fox jumps over the lazy dog".split()
    m = mod.HashMap()
    initial = m.capacity
    for n, word in enumerate(words):
        m.put(word, n)
    m.delete("fox")
    return len(set(words)), initial, (len(m), m.capacity, m.get("the"), m.get("fox"))


def expected_values() -> dict[str, str]:
    cap = observed_load_cap()
    (hit, _), (miss, _) = simulated_probes()
    distinct, initial, (size, capacity, the, fox) = demo()
    return {
        "max-load": f"{cap}",
        "load-cap": f"{cap}",
        "hit-probes": f"{knuth_hit(cap)}",
        "miss-probes": f"{knuth_miss(cap)}",
        "high-load": f"{HIGH_LOAD}",
        "miss-probes-high": f"{knuth_miss(HIGH_LOAD):.1f}",
        "sim-tables": f"{SIM_TABLES}",
        "sim-bits": f"{SIM_BITS}",
        "sim-load": f"{cap}",
        "sim-hit": f"{hit:.1f}",
        "sim-miss": f"{miss:.1f}",
        "distinct-words": f"{distinct}",
        "demo-output": f"{size} {capacity} {the} {fox}",
        "demo-keys": f"{size}",
        "demo-capacity": f"{capacity}",
        "initial-capacity": f"{initial}",
        "demo-the": f"{the}",
        "random-ops": f"{RANDOM_OPS:,}".replace(",", "\\,"),
        "shrink-at": f"{SHRINK_AT}",
        "after-shrink": f"{2 * SHRINK_AT}",
        "grow-at": f"{cap}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_knuth_formulas_match_the_snippets_table():
    (hit, hit_se), (miss, miss_se) = simulated_probes()
    cap = observed_load_cap()
    assert abs(hit - knuth_hit(cap)) < 4 * hit_se
    assert abs(miss - knuth_miss(cap)) < 4 * miss_se


def test_the_demo_doubled_exactly_once():
    _, initial, (_, capacity, _, fox) = demo()
    assert capacity == 2 * initial and fox is None


def test_shrinking_leaves_a_gap_below_the_grow_threshold():
    after = 2 * SHRINK_AT
    assert SHRINK_AT < after < observed_load_cap()


class _Colliding:
    """A key whose hash is fixed, to force every key into the same probe cluster."""

    def __init__(self, name: str, h: int = 42) -> None:
        self.name, self.h = name, h

    def __hash__(self) -> int:
        return self.h

    def __eq__(self, other) -> bool:
        return isinstance(other, _Colliding) and self.name == other.name


def test_delete_inside_one_big_cluster():
    m = hash_map().HashMap()
    keys = [_Colliding(f"k{i}") for i in range(40)]
    for i, k in enumerate(keys):
        m.put(k, i)
    for i in range(0, 40, 3):  # delete from the start, middle and end of the cluster
        m.delete(keys[i])
    for i, k in enumerate(keys):
        assert (k in m) == (i % 3 != 0)
        assert m.get(k) == (None if i % 3 == 0 else i)
    assert len(m) == 40 - len(range(0, 40, 3))


def test_delete_in_a_cluster_that_wraps_around_the_end():
    m = hash_map().HashMap()
    last = m.capacity - 1
    homes_at_end = [h for h in range(10_000) if m._home(h) == last][:3]
    homes_at_zero = [h for h in range(10_000) if m._home(h) == 0][:1]
    keys = [_Colliding(f"e{i}", h) for i, h in enumerate(homes_at_end)]
    keys += [_Colliding("z", homes_at_zero[0])]
    for i, k in enumerate(keys):  # 4 keys in capacity 8: no resize, the cluster wraps to slot 0
        m.put(k, i)
    assert m.capacity == 8
    m.delete(keys[0])  # the hole at the last slot must be refilled from across the wrap
    for i, k in enumerate(keys[1:], start=1):
        assert m.get(k) == i
    m.delete(keys[3])
    assert [m.get(k) for k in keys] == [None, 1, 2, None]


def test_resizing_keeps_the_load_factor_and_the_contents():
    m = hash_map().HashMap()
    for i in range(1000):
        m.put(i, i * i)
        assert 3 * len(m) <= 2 * m.capacity
        assert m.capacity & (m.capacity - 1) == 0
    assert m.capacity == 2048
    assert all(m.get(i) == i * i for i in range(1000))
    assert sorted(m.items()) == [(i, i * i) for i in range(1000)]
    with pytest.raises(KeyError):
        m.delete(-1)
    assert m.get(-1, "absent") == "absent"


def test_random_operations_match_dict():
    m, reference = hash_map().HashMap(), {}
    rng = random.Random(0)
    for _ in range(RANDOM_OPS):
        key = rng.randrange(300)
        op = rng.random()
        if op < 0.5:
            m.put(key, op)
            reference[key] = op
        elif op < 0.8:
            if key in reference:
                m.delete(key)
                del reference[key]
            else:
                with pytest.raises(KeyError):
                    m.delete(key)
        else:
            assert m.get(key) == reference.get(key)
        assert len(m) == len(reference)
    assert dict(m.items()) == reference
