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
