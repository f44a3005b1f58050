"""questions/cs/dynamic-programming.md: edit distances against two independent references, and the LIS follow-up."""

import functools
import itertools
import random
from bisect import bisect_left
from collections import deque

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/dynamic-programming.md"
LIS_INPUT = [10, 9, 2, 5, 3, 7, 101, 18]


def recursive_distance(a: str, b: str) -> int:
    """The recurrence top-down with memoisation: a second implementation of the same table."""

    @functools.cache
    def d(i, j):
        if i == 0 or j == 0:
            return i + j
        return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

    return d(len(a), len(b))


def bfs_distance(a: str, b: str, alphabet: str) -> int:
    """Fewest single-character edits from a to b, by breadth-first search over strings (tiny inputs only)."""
    limit = max(len(a), len(b)) + 1
    seen, queue = {a}, deque([(a, 0)])
    while queue:
        word, dist = queue.popleft()
        if word == b:
            return dist
        neighbours = set()
        for i in range(len(word) + 1):
            neighbours |= {word[:i] + c + word[i:] for c in alphabet} if len(word) < limit else set()
            if i < len(word):
                neighbours.add(word[:i] + word[i + 1 :])
                neighbours |= {word[:i] + c + word[i + 1 :] for c in alphabet}
        for nxt in neighbours - seen:
            seen.add(nxt)
            queue.append((nxt, dist + 1))
    raise AssertionError("unreachable")


def edit_script(a: str, b: str) -> list[str]:
    """One optimal list of edits, by backtracking through the full table."""
    m, n = len(a), len(b)
    table = [[i + j if i == 0 or j == 0 else 0 for j in range(n + 1)] for i in range(m + 1)]
    for i, j in itertools.product(range(1, m + 1), range(1, n + 1)):
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    ops, i, j = [], m, n
    while i or j:
        if i and j and table[i][j] == table[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                ops.append(f"{a[i - 1]}→{b[j - 1]}")
            i, j = i - 1, j - 1
        elif j and table[i][j] == table[i][j - 1] + 1:
            ops.append(f"+{b[j - 1]}")
            j -= 1
        else:
            ops.append(f"-{a[i - 1]}")
            i -= 1
    return ops[::-1]


def lis_length(xs: list[int]) -> int:
    """The page's method: the smallest tail of an increasing run of each length, placed by lower bound."""
    tails = []
    for x in xs:
        i = bisect_left(tails, x)
        tails[i : i + 1] = [x]
    return len(tails)


def longest_increasing_by_brute_force(xs: list[int]) -> list[tuple[int, ...]]:
    """Every strictly increasing subsequence of maximal length."""
    found = []
    for r in range(len(xs), 0, -1):
        found = [c for c in itertools.combinations(xs, r) if all(p < q for p, q in itertools.pairwise(c))]
        if found:
            return found
    return [()]


def expected_values() -> dict[str, str]:
    ed = load_snippet("cs/edit_distance.py")
    best = longest_increasing_by_brute_force(LIS_INPUT)
    return {
        "kitten": f"{ed.edit_distance('kitten', 'sitting')}",
        "intention": f"{ed.edit_distance('intention', 'execution')}",
        "len-kitten": f"{len('kitten')}",
        "len-sitting": f"{len('sitting')}",
        "cells": f"{len('kitten') * len('sitting')}",
        "lis-input": ", ".join(map(str, LIS_INPUT)),
        "lis-length": f"{lis_length(LIS_INPUT)}",
        "lis-witness": ", ".join(map(str, min(best))),
    }


def test_edit_distance_matches_the_memoised_recursion():
    ed = load_snippet("cs/edit_distance.py")
    words = ["", "a", "ab", "ba", "abc", "kitten", "sitting", "intention", "execution", "flaw", "lawn", "azced"]
    for a in words:
        for b in words:
            assert ed.edit_distance(a, b) == recursive_distance(a, b) == ed.edit_distance(b, a)


def test_edit_distance_matches_breadth_first_search_on_tiny_strings():
    ed = load_snippet("cs/edit_distance.py")
    words = ["".join(p) for n in range(4) for p in itertools.product("ab", repeat=n)]
    for a in words:
        for b in words:
            assert ed.edit_distance(a, b) == bfs_distance(a, b, "ab")


def test_the_kitten_script_is_two_substitutions_and_an_insertion():
    assert edit_script("kitten", "sitting") == ["k→s", "e→i", "+g"]


def test_the_page_method_finds_the_brute_force_lis_length():
    rng = random.Random(0)
    for _ in range(200):
        xs = [rng.randint(0, 9) for _ in range(rng.randint(0, 9))]
        assert lis_length(xs) == len(longest_increasing_by_brute_force(xs)[0])


def test_stated_values():
    assert_values(PAGE, expected_values())
