"""questions/coding/merge-intervals.md: the snippet's outputs on the page's examples, floats kept as
floats, the red-flag version's bug and the half-open variant, each run rather than restated."""

import random
from fractions import Fraction

import pytest

from tests.content.helpers import SNIPPETS, assert_values, load_snippet

PAGE = "questions/coding/merge-intervals.md"

STANDARD = [[1, 3], [2, 6], [8, 10], [15, 18]]
TOUCHING = [[5, 7], [1, 4], [4, 5]]
NESTED = [[1, 10], [2, 3]]
FLOATS = [[0.5, 1.5], [1.2, 2.7], [2.8, 3.1]]
TOUCH_A, TOUCH_B = [1, 4], [4, 5]


def merge():
    return load_snippet("coding/merge_intervals.py").merge_intervals


def inner(intervals) -> str:
    """How the page writes a list of intervals inside a mark: without the outer `[[` and `]]`."""
    return str(intervals)[2:-2]


def one(interval) -> str:
    return str(list(interval))[1:-1]


def keeps_new_end(intervals):
    """The red-flag version: overwrites the block's end with the new interval's end."""
    out = []
    for lo, hi in sorted(intervals):
        if out and lo <= out[-1][1]:
            out[-1][1] = hi
        else:
            out.append([lo, hi])
    return out


def half_open_variant():
    """The snippet with `<=` changed to `<`, as the page suggests for [start, end)."""
    source = (SNIPPETS / "coding/merge_intervals.py").read_text(encoding="utf-8")
    assert source.count("lo <= merged[-1][1]") == 1
    namespace: dict = {}
    exec(compile(source.replace("lo <= merged[-1][1]", "lo < merged[-1][1]"), "half_open", "exec"), namespace)
    return namespace["merge_intervals"]


def union_by_sweep(intervals):
    """Independent reference: sweep the endpoints, opening before closing at equal coordinates."""
    events = sorted([(lo, 0) for lo, _ in intervals] + [(hi, 1) for _, hi in intervals])
    out, depth = [], 0
    for x, kind in events:
        if kind == 0:
            if depth == 0:
                out.append([x, None])
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                out[-1][1] = x
    return out


def expected_values() -> dict[str, str]:
    m = merge()
    truncated = [[int(lo), int(hi)] for lo, hi in FLOATS]
    nested_long, nested_short = NESTED
    return {
        "weak-long": one(nested_long),
        "weak-short": one(nested_short),
        "weak-out": one(keeps_new_end(NESTED)[0]),
        "touch-a": one(TOUCH_A),
        "touch-b": one(TOUCH_B),
        "standard-in": inner(STANDARD),
        "standard-out": inner(m(STANDARD)),
        "touching-in": inner(TOUCHING),
        "touching-out": inner(m(TOUCHING)),
        "nested-in": inner(NESTED),
        "nested-out": inner(m(NESTED)),
        "float-in": inner(FLOATS),
        "float-out": inner(m(FLOATS)),
        "trunc-1": one(truncated[0]),
        "trunc-2": one(truncated[1]),
        "trunc-3": one(truncated[2]),
        "trunc-out": inner(m(truncated)),
        "half-open-a": one(TOUCH_A),
        "half-open-b": one(TOUCH_B),
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_red_flag_version_shrinks_a_nested_interval():
    assert keeps_new_end(NESTED) != merge()(NESTED)


def test_touching_intervals_merge_when_closed_and_stay_apart_when_half_open():
    assert merge()([TOUCH_A, TOUCH_B]) == [[1, 5]]
    assert half_open_variant()([TOUCH_A, TOUCH_B]) == [TOUCH_A, TOUCH_B]


def test_floats_and_fractions_are_not_truncated():
    m = merge()
    assert m([[0.1, 0.2], [0.25, 0.3]]) == [[0.1, 0.2], [0.25, 0.3]]
    assert m([[-0.5, 0.4], [0.4, 0.9]]) == [[-0.5, 0.9]]
    third = Fraction(1, 3)
    assert m([[0, third], [third, 1]]) == [[0, 1]]
    assert m(FLOATS) != m([[int(lo), int(hi)] for lo, hi in FLOATS])


def test_edge_cases_and_no_mutation():
    m = merge()
    assert m([]) == []
    assert m([[2, 2]]) == [[2, 2]]
    assert m([(3, 4), (1, 2)]) == [[1, 2], [3, 4]]
    data = [[1, 3], [2, 6]]
    m(data)
    assert data == [[1, 3], [2, 6]]
    result = m(data)
    result[0][1] = 99
    assert data == [[1, 3], [2, 6]]  # the output does not alias the input
    with pytest.raises(ValueError):
        m([[3, 1]])
    with pytest.raises(ValueError):
        m([[0.5, 0.25]])


def test_random_integer_and_float_intervals_against_a_sweep():
    m = merge()
    rng = random.Random(0)
    for trial in range(600):
        intervals = []
        for _ in range(rng.randint(0, 8)):
            if trial % 2:
                lo = rng.randint(0, 20)
                intervals.append([lo, lo + rng.randint(0, 5)])
            else:
                lo = round(rng.uniform(0, 10), 1)
                intervals.append([lo, round(lo + rng.uniform(0, 2), 1)])
        assert m(intervals) == union_by_sweep(intervals)
