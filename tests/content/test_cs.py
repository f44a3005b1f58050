"""Checks for docs/questions/cs.md: snippet behaviour and every number the page states."""

import math

from tests.content.helpers import assert_stated

PAGE = "questions/cs.md"


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
