"""questions/cs/hash-map-internals.md: birthday collisions, the load-factor table and Java's resize threshold."""

import math
import random

from tests.content.helpers import assert_values

PAGE = "questions/cs/hash-map-internals.md"
HASH_BITS, KEYS = 32, 10**5
ALPHAS = (0.5, 0.75, 0.9)
SIM_SLOTS, SIM_SEEDS, SIM_TOLERANCE = 100_003, 8, 0.10
JAVA_LOAD, JAVA_BUCKETS = 0.75, 16


def collision_numbers(n: int, bits: int) -> tuple[float, float]:
    """Expected colliding pairs C(n,2)/m, and P(some collision) from the exact product prod(1 - i/m)."""
    m = 2**bits
    pairs = math.comb(n, 2) / m
    log_none = sum(math.log1p(-i / m) for i in range(n))
    return pairs, 1 - math.exp(log_none)


def knuth_linear_probing(alpha: float) -> tuple[float, float]:
    """Knuth's estimates for linear probing: (probes for a miss, probes for a hit)."""
    return 0.5 * (1 + 1 / (1 - alpha) ** 2), 0.5 * (1 + 1 / (1 - alpha))


def simulate_linear_probing(alpha: float, slots: int, seed: int) -> tuple[float, float]:
    """Fill a table to load alpha with uniformly random home slots; measure (miss, hit) probe counts.

    A hit costs the probes its key took on insertion; a miss from a uniformly random slot costs the
    probes up to and including the first empty slot.
    """
    rng = random.Random(seed)
    table = [False] * slots
    keys = int(alpha * slots)
    hit_total = 0
    for _ in range(keys):
        i, probes = rng.randrange(slots), 1
        while table[i]:
            i, probes = (i + 1) % slots, probes + 1
        table[i] = True
        hit_total += probes
    start = table.index(False)
    run = miss_total = 0
    for k in range(slots):  # walk backwards: a slot's miss cost is one more than its right neighbour's
        run = 1 if not table[(start - k) % slots] else run + 1
        miss_total += run
    return miss_total / slots, hit_total / keys


def expected_values() -> dict[str, str]:
    pairs, p_any = collision_numbers(KEYS, HASH_BITS)
    values = {
        "hash-bits": f"{HASH_BITS}",
        "hash-bits-again": f"{HASH_BITS}",
        "keys": f"10^{round(math.log10(KEYS))}",
        "pairs-exponent": f"{round(math.log2(2 * 2**HASH_BITS))}",
        "expected-pairs": f"{pairs:.3f}",
        "p-collision": f"{p_any:.3f}",
    }
    for row, alpha in enumerate(ALPHAS, 1):
        miss, hit = knuth_linear_probing(alpha)
        values |= {
            f"alpha-{row}": f"{alpha:g}",
            f"chain-miss-{row}": f"{1 + alpha:g}",
            f"probe-miss-{row}": f"{miss:.1f}",
            f"probe-hit-{row}": f"{hit:.1f}",
        }
    values |= {
        "sim-slots": f"{SIM_SLOTS:,}",
        "sim-seeds": f"{SIM_SEEDS}",
        "sim-tolerance": f"{SIM_TOLERANCE:.0%}".replace("%", " %"),
        "java-load": f"{JAVA_LOAD}",
        "java-load-again": f"{JAVA_LOAD}",
        "java-buckets": f"{JAVA_BUCKETS}",
        "java-buckets-again": f"{JAVA_BUCKETS}",
        "java-threshold": f"{int(JAVA_BUCKETS * JAVA_LOAD)}",
    }
    return values


def test_the_poisson_approximation_agrees_with_the_exact_product():
    pairs, p_any = collision_numbers(KEYS, HASH_BITS)
    assert abs((1 - math.exp(-pairs)) - p_any) < 5e-4


def test_birthday_collisions_in_a_small_space_match_simulation():
    """Same formula where simulation is cheap: 2000 keys in 2^20 slots, 4000 trials."""
    rng = random.Random(0)
    n, bits, trials = 2000, 20, 4000
    _, p_any = collision_numbers(n, bits)
    hits = sum(len({rng.getrandbits(bits) for _ in range(n)}) < n for _ in range(trials))
    standard_error = math.sqrt(p_any * (1 - p_any) / trials)
    assert abs(hits / trials - p_any) < 4 * standard_error


def test_linear_probing_simulation_matches_knuth():
    for alpha in ALPHAS:
        runs = [simulate_linear_probing(alpha, SIM_SLOTS, seed) for seed in range(SIM_SEEDS)]
        miss = sum(r[0] for r in runs) / SIM_SEEDS
        hit = sum(r[1] for r in runs) / SIM_SEEDS
        want_miss, want_hit = knuth_linear_probing(alpha)
        assert abs(miss / want_miss - 1) < SIM_TOLERANCE, (alpha, miss, want_miss)
        assert abs(hit / want_hit - 1) < SIM_TOLERANCE, (alpha, hit, want_hit)


def test_stated_values():
    assert_values(PAGE, expected_values())
