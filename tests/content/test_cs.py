"""Checks for docs/questions/cs.md: snippet behaviour and every number the page states."""

import functools
import math
from bisect import bisect_left

from tests.content.helpers import assert_stated, load_snippet

PAGE = "questions/cs.md"


# --- q-dynamic-programming --------------------------------------------------------------------


def test_edit_distance_examples():
    ed = load_snippet("cs/edit_distance.py")
    assert ed.edit_distance("kitten", "sitting") == 3
    assert ed.edit_distance("intention", "execution") == 5
    assert ed.edit_distance("", "abc") == 3 and ed.edit_distance("abc", "") == 3
    assert ed.edit_distance("", "") == 0 and ed.edit_distance("same", "same") == 0
    assert ed.edit_distance("a", "b") == 1
    assert len("kitten") * len("sitting") == 42
    assert_stated(
        PAGE,
        '`edit_distance("kitten", "sitting") == 3`',
        '`edit_distance("intention", "execution") == 5`',
        "$6 \\times 7 = 42$",
    )


def test_edit_distance_matches_brute_force_recursion():

    ed = load_snippet("cs/edit_distance.py")

    def reference(a, b):
        @functools.cache
        def d(i, j):
            if i == 0 or j == 0:
                return i + j
            return min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (a[i - 1] != b[j - 1]))

        return d(len(a), len(b))

    words = ["", "a", "ab", "ba", "abc", "kitten", "sitting", "flaw", "lawn", "abcdef", "azced"]
    for a in words:
        for b in words:
            assert ed.edit_distance(a, b) == reference(a, b) == ed.edit_distance(b, a)


def test_lis_follow_up():
    xs = [10, 9, 2, 5, 3, 7, 101, 18]
    tails = []
    for x in xs:
        i = bisect_left(tails, x)
        tails[i : i + 1] = [x]
    assert len(tails) == 4
    witness = [2, 3, 7, 18]
    it = iter(xs)
    assert all(x in it for x in witness) and witness == sorted(set(witness))
    assert_stated(PAGE, "`[10, 9, 2, 5, 3, 7, 101, 18]`", "`[2, 3, 7, 18]`", "$2k + 1$")


# --- q-threads-deadlocks ----------------------------------------------------------------------


def test_ordered_locks_conserve_money():
    ol = load_snippet("cs/ordered_locks.py")
    assert ol.stress() == 4 * 100 == 400
    assert ol.stress(n_accounts=2, n_threads=3, transfers_per_thread=500, start=7) == 14
    a = ol.Account(0, 10)
    ol.transfer(a, a, 5)  # self-transfer is a no-op, not a self-deadlock
    assert a.balance == 10
    assert_stated(PAGE, "`400`", "$4 \\times 100$")


# --- q-virtual-memory -------------------------------------------------------------------------


def test_virtual_memory_split():
    page_bits = int(math.log2(4 * 1024))
    assert page_bits == 12
    vpn_bits = 48 - page_bits
    assert vpn_bits == 36 and 2**vpn_bits == 68_719_476_736
    flat = 2**vpn_bits * 8
    assert flat == 2**39 and flat // 2**30 == 512
    assert 4 * 9 == vpn_bits and 2**9 == 512 and 512 * 8 == 4096
    assert_stated(
        PAGE,
        "$2^{12}$",
        "$48 - 12 = 36$",
        "68\\,719\\,476\\,736",
        "2^{39}",
        "512 GiB",
        "$4 \\times 9 = 36$",
        "$2^9 = 512$",
        "$512 \\times 8 = 4096$",
    )


def test_virtual_memory_example_address():
    addr = 0x7F3A12345678
    assert addr < 2**48
    indices = [(addr >> shift) & 0x1FF for shift in (39, 30, 21, 12)]
    assert indices == [254, 232, 145, 325]
    assert addr & 0xFFF == 0x678
    assert_stated(PAGE, "`0x7f3a12345678`", "254, 232, 145", "325", "`0x678`")


def test_tlb_numbers():
    hit, mem, walk = 0.99, 100, 4
    eat = hit * mem + (1 - hit) * (walk + 1) * mem
    assert round(eat, 9) == 104
    assert 64 * 4 == 256  # KiB
    assert 64 * 2 == 128  # MiB
    assert 5 * 9 + 12 == 57
    assert_stated(
        PAGE, "$0.99 \\times 100 + 0.01 \\times 500 = 104$", "99 %", "256 KiB", "128 MiB", "$5 \\times 9 + 12 = 57$"
    )
