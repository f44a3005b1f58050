"""questions/cs/virtual-memory.md: the address split, the four-level walk of one address, the TLB
access time (formula and simulation) and TLB reach."""

import math
import random

from tests.content.helpers import assert_values

PAGE = "questions/cs/virtual-memory.md"
PAGE_BYTES, VA_BITS, PTE_BYTES, LEVELS = 4 * 1024, 48, 8, 4
ADDRESS = 0x7F3A12345678
HIT, MEMORY_NS = 0.99, 100
TLB_ENTRIES, HUGE_PAGE_BYTES = 64, 2 * 1024 * 1024
FIVE_LEVELS = 5


def split(address: int) -> tuple[list[int], int]:
    """Indices from the top level down and the page offset of a 48-bit address (9 bits a level)."""
    offset_bits = PAGE_BYTES.bit_length() - 1
    index_bits = (PAGE_BYTES // PTE_BYTES).bit_length() - 1
    shifts = [offset_bits + index_bits * level for level in reversed(range(LEVELS))]
    return [(address >> s) & ((1 << index_bits) - 1) for s in shifts], address & (PAGE_BYTES - 1)


def walk(tables: dict, address: int):
    """Follow a sparse radix page table (nested dicts) down to the frame, as the MMU would."""
    indices, offset = split(address)
    node = tables
    for index in indices:
        node = node[index]
    return node, offset


def effective_access_ns(hit: float, memory_ns: float, walk_reads: int) -> float:
    return hit * memory_ns + (1 - hit) * (walk_reads + 1) * memory_ns


def simulated_access_ns(hit: float, memory_ns: float, walk_reads: int, accesses: int = 200_000) -> float:
    rng = random.Random(0)
    return sum(memory_ns * (1 if rng.random() < hit else walk_reads + 1) for _ in range(accesses)) / accesses


def expected_values() -> dict[str, str]:
    offset_bits = int(math.log2(PAGE_BYTES))
    vpn_bits = VA_BITS - offset_bits
    index_bits = int(math.log2(PAGE_BYTES // PTE_BYTES))
    assert LEVELS * index_bits == vpn_bits  # four 9-bit levels cover the page number exactly
    indices, offset = split(ADDRESS)
    walk_reads = LEVELS
    return {
        "page-kib": f"{PAGE_BYTES // 1024}",
        "offset-bits": f"{offset_bits}",
        "va-bits": f"{VA_BITS}",
        "offset-bits-again": f"{offset_bits}",
        "vpn-bits": f"{vpn_bits}",
        "pages": f"{2**vpn_bits:,}".replace(",", "\\,"),
        "pte-bytes": f"{PTE_BYTES}",
        "flat-exp": f"{int(math.log2(2**vpn_bits * PTE_BYTES))}",
        "flat-gib": f"{2**vpn_bits * PTE_BYTES // 2**30}",
        "levels": f"{LEVELS}",
        "index-bits": f"{index_bits}",
        "entries": f"{2**index_bits}",
        "table-bytes": f"{2**index_bits * PTE_BYTES}",
        "address": f"{ADDRESS:#x}",
        "indices": ", ".join(map(str, indices[:-1])),
        "index-last": f"{indices[-1]}",
        "offset": f"{offset:#x}",
        "hit-rate": f"{HIT:.0%}".replace("%", " %"),
        "memory-ns": f"{MEMORY_NS}",
        "walk-reads": f"{walk_reads}",
        "hit-fraction": f"{HIT}",
        "memory-ns-again": f"{MEMORY_NS}",
        "miss-fraction": f"{1 - HIT:.2f}",
        "miss-ns": f"{(walk_reads + 1) * MEMORY_NS}",
        "access-ns": f"{effective_access_ns(HIT, MEMORY_NS, walk_reads):.0f}",
        "tlb-entries": f"{TLB_ENTRIES}",
        "reach-small": f"{TLB_ENTRIES * PAGE_BYTES // 1024}",
        "small-page-kib": f"{PAGE_BYTES // 1024}",
        "reach-huge": f"{TLB_ENTRIES * HUGE_PAGE_BYTES // 2**20}",
        "huge-page-mib": f"{HUGE_PAGE_BYTES // 2**20}",
        "index-bits-five": f"{index_bits}",
        "levels-five": f"{FIVE_LEVELS}",
        "index-bits-five-again": f"{index_bits}",
        "offset-bits-five": f"{offset_bits}",
        "va-bits-five": f"{FIVE_LEVELS * index_bits + offset_bits}",
    }


def test_a_walk_through_a_sparse_table_reaches_the_mapped_frame():
    indices, offset = split(ADDRESS)
    tables = {}
    node = tables
    for index in indices[:-1]:
        node = node.setdefault(index, {})
    node[indices[-1]] = "frame 42"
    assert walk(tables, ADDRESS) == ("frame 42", offset)
    # the indices and offset put back together give the address again
    shifts = [39, 30, 21, 12]
    assert sum(i << s for i, s in zip(indices, shifts, strict=True)) + offset == ADDRESS
    assert ADDRESS < 2**VA_BITS


def test_the_access_time_formula_matches_simulation():
    walk_reads = LEVELS
    want = effective_access_ns(HIT, MEMORY_NS, walk_reads)
    sd = math.sqrt(HIT * (1 - HIT)) * walk_reads * MEMORY_NS  # per access
    assert abs(simulated_access_ns(HIT, MEMORY_NS, walk_reads) - want) < 4 * sd / math.sqrt(200_000)


def test_stated_values():
    assert_values(PAGE, expected_values())
