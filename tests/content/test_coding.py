"""Checks for questions/coding.md: every snippet runs, returns what the page says, and
handles its edge cases; every number the page states is recomputed here."""

import inspect
import itertools
import math
import random
import statistics
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from tests.content.helpers import assert_stated, load_snippet, page_sources

PAGE = "questions/coding.md"


def minus(text: str) -> str:
    """The pages print negative numbers with a real minus sign."""
    return text.replace("-", "\u2212")


def assert_each(en: str, ru: str) -> None:
    """A number stated inside language-specific wording, checked on each page separately."""
    sources = page_sources(PAGE)
    assert en in sources["en"], f"EN page does not state {en!r}"
    assert ru in sources["ru"], f"RU page does not state {ru!r}"


# ----- topological sort -----------------------------------------------------------------------


def test_topological_sort_examples():
    mod = load_snippet("coding/topological_sort.py")
    pipeline = {
        "download": ["tokenise"],
        "tokenise": ["train"],
        "configure": ["train"],
        "train": ["evaluate"],
        "evaluate": ["report"],
    }
    order = mod.topological_sort(pipeline)
    assert order == ["download", "configure", "tokenise", "train", "evaluate", "report"]
    assert_stated(PAGE, f"`{order}`")
    with pytest.raises(mod.CycleError) as err:
        mod.topological_sort({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})
    assert err.value.blocked == ["a", "b", "c"]
    assert_stated(PAGE, f"`{err.value.blocked}`")


def test_topological_sort_edge_cases():
    mod = load_snippet("coding/topological_sort.py")
    assert mod.topological_sort({}) == []
    assert mod.topological_sort({"solo": []}) == ["solo"]
    with pytest.raises(mod.CycleError):
        mod.topological_sort({"x": ["x"]})
    with pytest.raises(mod.CycleError) as err:  # nodes downstream of a cycle are blocked too
        mod.topological_sort({"a": ["b"], "b": ["a", "c"]})
    assert err.value.blocked == ["a", "b", "c"]


def test_topological_sort_random_dags():
    mod = load_snippet("coding/topological_sort.py")
    rng = random.Random(0)
    for _ in range(200):
        n = rng.randint(1, 25)
        labels = list(range(n))
        rng.shuffle(labels)  # hidden order; edges only go forward in it
        edges = [(labels[i], labels[j]) for i, j in itertools.combinations(range(n), 2) if rng.random() < 0.2]
        graph: dict[int, list[int]] = {v: [] for v in rng.sample(range(n), n)}
        for u, v in edges:
            graph[u].append(v)
        order = mod.topological_sort(graph)
        pos = {v: i for i, v in enumerate(order)}
        assert sorted(order) == list(range(n))
        assert all(pos[u] < pos[v] for u, v in edges)


# ----- sliding window maximum ---------------------------------------------------------------


def test_sliding_window_examples():
    f = load_snippet("coding/sliding_window_max.py").sliding_window_max
    assert f([1, 3, -1, -3, 5, 3, 6, 7], 3) == [3, 3, 5, 5, 6, 7]
    assert f([4, 4, 4, 1], 2) == [4, 4, 4]
    assert_stated(PAGE, "`[1, 3, -1, -3, 5, 3, 6, 7]`", "`[3, 3, 5, 5, 6, 7]`", "`[4, 4, 4, 1]`", "`[4, 4, 4]`")
    assert f([5, 1, 2], 1) == [5, 1, 2]
    assert f([5, 1, 9, 2], 4) == [9]
    assert f([], 3) == []
    for bad in (0, 4):
        with pytest.raises(ValueError):
            f([1, 2, 3], bad)


def test_sliding_window_matches_brute_force():
    f = load_snippet("coding/sliding_window_max.py").sliding_window_max
    rng = random.Random(0)
    for _ in range(500):
        nums = [rng.randint(-3, 3) for _ in range(rng.randint(1, 25))]
        for k in range(1, len(nums) + 1):
            assert f(nums, k) == [max(nums[i : i + k]) for i in range(len(nums) - k + 1)]


def test_intro_session_length():
    assert_each("a 45-minute session over Google Meet", "45-минутная сессия в Google Meet")
