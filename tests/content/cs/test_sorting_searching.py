"""questions/cs/sorting-searching.md: the comparison lower bound, merge sort and Ford–Johnson worst cases,
quicksort's constant and stack depth, and the binary-search examples and probe bound."""

import math
import random
from bisect import bisect_left

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/sorting-searching.md"
N_SMALL, N_LARGE = 10, 1000
QS_N = 1000
DATA, TARGETS = [1, 3, 3, 3, 7], (0, 3, 4, 8)
ITEMS = 10**6


def merge_sort_comparisons(xs: list) -> tuple[list, int]:
    """Top-down merge sort; returns (sorted list, comparisons made)."""
    if len(xs) <= 1:
        return xs, 0
    mid = len(xs) // 2
    left, cl = merge_sort_comparisons(xs[:mid])
    right, cr = merge_sort_comparisons(xs[mid:])
    out, i, j, c = [], 0, 0, cl + cr
    while i < len(left) and j < len(right):
        c += 1
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    return out + left[i:] + right[j:], c


def merge_sort_worst(n: int) -> int:
    """Worst case by the recurrence W(n) = W(ceil(n/2)) + W(floor(n/2)) + n - 1 (a merge of n keys)."""
    return 0 if n <= 1 else merge_sort_worst((n + 1) // 2) + merge_sort_worst(n // 2) + n - 1


def ford_johnson(n: int) -> int:
    """Worst-case comparisons of merge insertion, Knuth's sum of ceil(log2(3k/4))."""
    return sum(math.ceil(math.log2(3 * k / 4)) for k in range(1, n + 1))


def quicksort_depth(xs: list, smaller_first: bool) -> int:
    """Sort xs in place with a first-element pivot (Lomuto); return the deepest stack of calls on >= 2 keys."""
    deepest = 0

    def partition(lo: int, hi: int) -> int:  # sorts around xs[lo]; returns the pivot's final index
        pivot, store = xs[lo], lo
        for i in range(lo + 1, hi):
            if xs[i] < pivot:
                store += 1
                xs[store], xs[i] = xs[i], xs[store]
        xs[lo], xs[store] = xs[store], xs[lo]
        return store

    def naive(lo: int, hi: int, depth: int) -> None:
        """Recurse into both parts; simulated with an explicit list so Python's own stack is not the limit."""
        nonlocal deepest
        calls = [(lo, hi, depth)]
        while calls:
            lo, hi, depth = calls.pop()
            if hi - lo < 2:
                continue
            deepest = max(deepest, depth)
            p = partition(lo, hi)
            calls += [(lo, p, depth + 1), (p + 1, hi, depth + 1)]

    def smaller(lo: int, hi: int, depth: int) -> None:
        nonlocal deepest
        while hi - lo >= 2:
            deepest = max(deepest, depth)
            p = partition(lo, hi)
            if p - lo < hi - p - 1:
                smaller(lo, p, depth + 1)  # recurse into the smaller part ...
                lo = p + 1  # ... and loop on the larger one
            else:
                smaller(p + 1, hi, depth + 1)
                hi = p

    (smaller if smaller_first else naive)(0, len(xs), 1)
    return deepest


def expected_quicksort_comparisons(n: int) -> float:
    """Exact mean comparisons of quicksort with a random pivot: 2(n+1)H_n - 4n."""
    return 2 * (n + 1) * sum(1 / k for k in range(1, n + 1)) - 4 * n


def quicksort_constant() -> float:
    """Leading constant a of C(n) ~ a n log2 n, from C(2n) - 2 C(n) ~ 2 a n at large n."""
    n = 2**17
    return (expected_quicksort_comparisons(2 * n) - 2 * expected_quicksort_comparisons(n)) / (2 * n)


class CountingList(list):
    """A list that counts reads by index: the probes a search makes."""

    probes = 0

    def __getitem__(self, i):
        type(self).probes += 1
        return super().__getitem__(i)


def worst_probes(n: int) -> int:
    bs = load_snippet("cs/binary_search.py")
    items = CountingList(range(n))
    worst = 0
    for target in [-1, 0, 1, n // 2, n - 1, n, n + 5, *range(0, n, 9973)]:
        CountingList.probes = 0
        bs.lower_bound(items, target)
        worst = max(worst, CountingList.probes)
    return worst


def expected_values() -> dict[str, str]:
    bs = load_snippet("cs/binary_search.py")
    sorted_keys = list(range(QS_N))
    return {
        "n-small": f"{N_SMALL}",
        "n-small-again": f"{N_SMALL}",
        "n-small-log": f"{N_SMALL}",
        "n-small-ceil": f"{N_SMALL}",
        "n-small-keys": f"{N_SMALL}",
        "factorial": f"{math.factorial(N_SMALL)}",
        "log-factorial": f"{math.log2(math.factorial(N_SMALL)):.2f}",
        "lower-bound": f"{math.ceil(math.log2(math.factorial(N_SMALL)))}",
        "merge-worst": f"{merge_sort_worst(N_SMALL)}",
        "ford-johnson": f"{ford_johnson(N_SMALL)}",
        "n-large": f"{N_LARGE}",
        "log-factorial-large": f"{math.lgamma(N_LARGE + 1) / math.log(2):.1f}",
        "n-log-n-large": f"{N_LARGE * math.log2(N_LARGE):.1f}",
        "quicksort-constant": f"{quicksort_constant():.3f}",
        "qs-n": f"{QS_N}",
        "qs-n-again": f"{QS_N}",
        "qs-naive-depth": f"{quicksort_depth(sorted_keys, False)}",
        "qs-depth-bound": f"{math.floor(math.log2(QS_N))}",
        "data": ", ".join(map(str, DATA)),
        "targets": ", ".join(map(str, TARGETS)),
        "bounds": ", ".join(str(bs.lower_bound(DATA, t)) for t in TARGETS),
        "index-3": f"{bs.index_of(DATA, 3)}",
        "index-4": f"{bs.index_of(DATA, 4)}",
        "index-empty": f"{bs.index_of([], 1)}",
        "items": f"10^{round(math.log10(ITEMS))}",
        "items-again": f"10^{round(math.log10(ITEMS))}",
        "probes": f"{worst_probes(ITEMS)}",
    }


def quicksort_inputs(n: int) -> list[list[int]]:
    """Sorted, reversed, organ-pipe and 50 shuffled inputs."""
    rng = random.Random(0)
    inputs = [list(range(n)), list(range(n))[::-1], [*range(0, n, 2), *range(n - 1, 0, -2)]]
    for _ in range(50):
        xs = list(range(n))
        rng.shuffle(xs)
        inputs.append(xs)
    return inputs


def test_merge_sort_reaches_its_worst_case_bound():
    """The recurrence is an upper bound; random permutations reach it, and it equals the closed form."""
    n, k = N_SMALL, math.ceil(math.log2(N_SMALL))
    assert merge_sort_worst(n) == n * k - 2**k + 1
    rng = random.Random(0)
    worst = 0
    for _ in range(20_000):
        xs = list(range(n))
        rng.shuffle(xs)
        out, comparisons = merge_sort_comparisons(xs)
        assert out == sorted(xs)
        worst = max(worst, comparisons)
    assert worst == merge_sort_worst(n)


def test_ford_johnson_meets_the_lower_bound_only_for_small_n():
    for n in range(1, 12):
        assert ford_johnson(n) == math.ceil(math.log2(math.factorial(n)))
    assert ford_johnson(12) > math.ceil(math.log2(math.factorial(12)))  # 30 against 29


def test_the_stirling_bound_matches_the_exact_sum():
    assert math.isclose(math.lgamma(N_LARGE + 1) / math.log(2), sum(math.log2(k) for k in range(1, N_LARGE + 1)))


def test_quicksort_mean_comparisons_match_simulation():
    n, trials = 100, 2000
    rng = random.Random(1)
    counts = []
    for _ in range(trials):
        xs = list(range(n))
        rng.shuffle(xs)  # a random order with a first-element pivot = a random pivot
        counts.append(quicksort_comparisons(xs))
    mean = sum(counts) / trials
    sd = math.sqrt(sum((c - mean) ** 2 for c in counts) / (trials - 1))
    assert abs(mean - expected_quicksort_comparisons(n)) < 4 * sd / math.sqrt(trials)
    assert abs(quicksort_constant() - 2 * math.log(2)) < 1e-3


def quicksort_comparisons(xs: list) -> int:
    if len(xs) <= 1:
        return 0
    pivot, rest = xs[0], xs[1:]
    return (
        len(rest)
        + quicksort_comparisons([x for x in rest if x < pivot])
        + quicksort_comparisons([x for x in rest if x > pivot])
    )


def test_quicksort_sorts_and_smaller_first_keeps_the_stack_logarithmic():
    for xs in quicksort_inputs(QS_N):
        for smaller_first in (False, True):
            ys = list(xs)
            depth = quicksort_depth(ys, smaller_first)
            assert ys == sorted(xs)
            if smaller_first:
                assert depth <= math.floor(math.log2(QS_N))


def test_binary_search_agrees_with_bisect():
    bs = load_snippet("cs/binary_search.py")
    rng = random.Random(1)
    for _ in range(500):
        xs = sorted(rng.randint(0, 20) for _ in range(rng.randint(0, 15)))
        target = rng.randint(-1, 21)
        assert bs.lower_bound(xs, target) == bisect_left(xs, target)
        want = xs.index(target) if target in xs else -1
        assert bs.index_of(xs, target) == want
    assert bs.index_of([5], 5) == 0 and bs.index_of([5], 4) == -1 and bs.index_of([5], 6) == -1


def test_probes_meet_the_ceiling_bound():
    assert worst_probes(ITEMS) == math.ceil(math.log2(ITEMS + 1))


def test_stated_values():
    assert_values(PAGE, expected_values())
