"""questions/distributed/all-reduce.md: the ring simulation sums correctly and sends 2(N-1)/N of the
data per rank; the alpha-beta costs for a large gradient and a small message."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/distributed/all-reduce.md"
ar = load_snippet("distributed/ring_allreduce.py")

GRAD_BYTES = 14e9  # a 7B model's bf16 gradients
BANDWIDTH = 50e9  # one 400 Gb/s link per accelerator
ALPHA = 5e-6
FEW, MANY = 8, 64
SMALL_BYTES, HUGE_N = 1e6, 1024


def test_ring_allreduce_sums_on_every_rank():
    rng = np.random.default_rng(0)
    for n in (2, 3, 5, 8):
        for size in (n, 17, 64):
            buffers = [rng.normal(size=size) for _ in range(n)]
            results, _ = ar.ring_allreduce(buffers)
            for r in results:
                np.testing.assert_allclose(r, np.sum(buffers, axis=0), atol=1e-12)


def test_each_rank_sends_two_n_minus_one_over_n_of_the_data():
    for n in (2, 4, 8):
        size = 12 * n
        _, sent = ar.ring_allreduce([np.ones(size)] * n)
        assert sent == [2 * (n - 1) * size // n] * n


def test_halving_doubling_is_never_slower_than_the_ring_or_the_tree():
    for size in (1e3, 1e6, 1e9):
        for n in (8, 64, 1024):
            hd = ar.halving_doubling_time(size, n, ALPHA, BANDWIDTH)
            assert hd <= ar.ring_time(size, n, ALPHA, BANDWIDTH) + 1e-15
            assert hd <= ar.tree_time(size, n, ALPHA, BANDWIDTH) + 1e-15


def expected_values() -> dict[str, str]:
    ring_few = ar.ring_time(GRAD_BYTES, FEW, ALPHA, BANDWIDTH)
    ring_many = ar.ring_time(GRAD_BYTES, MANY, ALPHA, BANDWIDTH)
    ring_small = ar.ring_time(SMALL_BYTES, HUGE_N, ALPHA, BANDWIDTH)
    tree_small = ar.tree_time(SMALL_BYTES, HUGE_N, ALPHA, BANDWIDTH)
    hd_small = ar.halving_doubling_time(SMALL_BYTES, HUGE_N, ALPHA, BANDWIDTH)
    tree_big = ar.tree_time(GRAD_BYTES, MANY, ALPHA, BANDWIDTH)
    return {
        "grad-gb": f"{GRAD_BYTES / 1e9:.0f}",
        "bandwidth": f"{BANDWIDTH / 1e9:.0f}",
        "alpha": f"{ALPHA * 1e6:.0f}",
        "few": str(FEW),
        "traffic-few": f"{2 * (FEW - 1) / FEW * GRAD_BYTES / 1e9:.1f}",
        "ring-few": f"{ring_few:.2f}",
        "many": str(MANY),
        "traffic-many": f"{2 * (MANY - 1) / MANY * GRAD_BYTES / 1e9:.2f}",
        "ring-many": f"{ring_many:.2f}",
        "slowdown": f"{(ring_many / ring_few - 1) * 100:.0f} %",
        "latency-many": f"{2 * (MANY - 1) * ALPHA * 1e3:.2f}",
        "tree-big": f"{tree_big:.1f}",
        "small-mb": f"{SMALL_BYTES / 1e6:.0f}",
        "huge-n": f"{HUGE_N:,}",
        "ring-small-latency": f"{2 * (HUGE_N - 1) * ALPHA * 1e3:.2f}",
        "ring-small-bw": f"{2 * (HUGE_N - 1) / HUGE_N * SMALL_BYTES / BANDWIDTH * 1e6:.0f}",
        "ring-small": f"{ring_small * 1e3:.2f}",
        "tree-hops": str(2 * int(np.log2(HUGE_N))),
        "tree-small": f"{tree_small * 1e3:.2f}",
        "hd-small": f"{hd_small * 1e3:.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
