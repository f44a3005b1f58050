"""Checks for docs/questions/ml.md: snippet behaviour and every number the page states."""

import itertools
import math

import pytest

from tests.content.helpers import assert_stated, load_snippet

PAGE = "questions/ml.md"


# --- q-k-means --------------------------------------------------------------------------------


def test_lloyd_stuck_and_optimal_starts():
    km = load_snippet("ml/lloyd.py")
    C, _, inertia, iters = km.lloyd(km.POINTS, [0.0, 1.0, 15.0])
    assert C.ravel().tolist() == [0.0, 1.0, 15.5] and (inertia, iters) == (101.0, 2)
    C, _, inertia, iters = km.lloyd(km.POINTS, [0.0, 10.0, 20.0])
    assert C.ravel().tolist() == [0.5, 10.5, 20.5] and (inertia, iters) == (1.5, 2)
    assert km.lloyd(km.POINTS, [0.0, 1.0, 15.0])[2:] == (101.0, 2)
    assert_stated(
        PAGE,
        "0, 1, 10, 11, 20, 21",
        "0, 1, 15",
        "0, 1, 15.5",
        "`lloyd(POINTS, [0.0, 1.0, 15.0])[2:]`",
        "`(101.0, 2)`",
        "0.5, 10.5, 20.5",
        "`(1.5, 2)`",
    )


def test_random_starts_fraction():
    km = load_snippet("ml/lloyd.py")
    starts = list(itertools.combinations(km.POINTS, 3))
    stuck = [s for s in starts if km.lloyd(km.POINTS, list(s))[2] == 101.0]
    others = {km.lloyd(km.POINTS, list(s))[2] for s in starts} - {101.0}
    assert len(starts) == 20 and len(stuck) == 4 and others == {1.5}
    assert_stated(PAGE, "$4/20 = 20\\,\\%$")


def test_kmeans_pp_success():
    km = load_snippet("ml/lloyd.py")
    assert km.success_rate(km.kmeans_pp_init) == 1.0
    assert km.success_rate(km.random_init) < 1.0
    assert_stated(PAGE, "0–99", "100")


def test_kmeans_pp_bound_and_elbow():
    km = load_snippet("ml/lloyd.py")
    assert f"{8 * (math.log(3) + 2):.1f}" == "24.8"
    best = []
    for k in (1, 2, 3, 4):
        best.append(min(km.lloyd(km.POINTS, list(c))[2] for c in itertools.combinations(km.POINTS, k)))
    assert best == [401.5, 101.5, 1.5, 1.0]
    assert_stated(PAGE, "24.8", "401.5, 101.5, 1.5", "1.0", "$k = 1, \\dots, 4$")


def test_lloyd_single_cluster_and_empty_cluster():
    km = load_snippet("ml/lloyd.py")
    C, labels, inertia, _ = km.lloyd([2.0, 4.0], [3.0])
    assert C.ravel().tolist() == [3.0] and inertia == 2.0
    C, labels, _, _ = km.lloyd([0.0, 1.0], [0.5, 100.0])  # far centroid gets no points
    assert C.ravel().tolist() == [0.5, 100.0]


# --- q-nearest-neighbour-indexes --------------------------------------------------------------


def test_ivf_cost():
    N, nlist, nprobe = 10**6, 1000, 10
    cost = nlist + nprobe * N // nlist
    assert cost == 11_000 and round(N / cost) == 91
    costs = {n: n + N / n for n in range(100, 10_001)}
    assert min(costs, key=costs.get) == math.isqrt(N) == 1000
    assert math.ceil(math.log2(N)) == 20 and 2**3 == 8
    assert_stated(
        PAGE,
        "$N = 10^6$",
        "$1000 + 10 \\times 1000 = 11\\,000$",
        "91",
        "\\sqrt{N} = 1000",
        "\\lceil\\log_2 10^6\\rceil = 20",
        "$2^3 = 8$",
    )


def test_lsh_table():
    lsh = load_snippet("ml/lsh.py")
    rows = []
    for degrees in (30, 60, 90):
        theta = math.radians(degrees)
        p = lsh.bit_collision(theta)
        sim = lsh.empirical_bit_collision(theta)
        assert abs(sim - p) < 0.005
        big = lsh.candidate_probability(p, k=10, n_tables=20)
        rows.append(f"| {degrees}° | {p:.4g} | {sim:.3f} | {big:.3f} |")
    assert rows == [
        "| 30° | 0.8333 | 0.833 | 0.970 |",
        "| 60° | 0.6667 | 0.668 | 0.295 |",
        "| 90° | 0.5 | 0.501 | 0.019 |",
    ]
    assert_stated(PAGE, *rows)
    assert_stated(PAGE, "$k = 10$", "$L = 20$", "100 000", "32")


def test_lsh_edge_cases():
    lsh = load_snippet("ml/lsh.py")
    assert lsh.bit_collision(0.0) == 1.0 and lsh.bit_collision(math.pi) == 0.0
    assert lsh.candidate_probability(1.0, 10, 20) == 1.0
    assert lsh.candidate_probability(0.0, 10, 20) == 0.0


# --- q-evaluation-metrics ---------------------------------------------------------------------


def test_confusion_matrix_metrics():
    mt = load_snippet("ml/metrics.py")
    m = mt.confusion_metrics(tp=45, fp=30, fn=15, tn=910)
    assert 45 + 30 == 75 and 45 + 15 == 60 and 45 + 30 + 15 + 910 == 1000
    assert m["precision"] == 0.6 and m["recall"] == 0.75
    assert f"{m['f1']:.3f}" == "0.667" and math.isclose(2 * 0.6 * 0.75, 0.9) and math.isclose(0.6 + 0.75, 1.35)
    assert m["accuracy"] == 0.955 and f"{m['fpr']:.4f}" == "0.0319"
    assert f"{910 / 940:.3f}" == "0.968"
    base = mt.confusion_metrics(tp=0, fp=0, fn=60, tn=940)
    assert base["accuracy"] == 0.94 and base["precision"] == 0.0 and base["f1"] == 0.0
    assert f"{30 / 75:.0%}" == "40%" and 60 / 1000 == 0.06
    assert_stated(
        PAGE,
        "TP = 45",
        "FN = 15",
        "FP = 30",
        "TN = 910",
        "$= 45/75 = 0.6$",
        "$= 45/60 = 0.75$",
        "0.9/1.35 \\approx 0.667",
        "$= 955/1000 = 0.955$",
        "0.94",
        "30/940 \\approx 0.0319",
        "0.968",
        "40 %",
        "(0.06",
        "95.5 %",
        "94 %",
    )


def test_roc_auc_example():
    mt = load_snippet("ml/metrics.py")
    pos = sum(mt.LABELS)
    neg = len(mt.LABELS) - pos
    assert (pos, neg) == (4, 6) and len(mt.SCORES) == 10
    auc = mt.roc_auc(mt.SCORES, mt.LABELS)
    assert auc * pos * neg == 20.5 and f"{auc:.3f}" == "0.854"
    assert mt.roc_auc([0.9, 0.1], [1, 0]) == 1.0 and mt.roc_auc([0.5, 0.5], [1, 0]) == 0.5
    with pytest.raises(ValueError):
        mt.roc_auc([0.3, 0.4], [1, 1])
    # invariant to monotone transforms of the scores
    assert mt.roc_auc([s**3 for s in mt.SCORES], mt.LABELS) == auc
    assert_stated(PAGE, "20.5", "24", "$= 20.5/24 \\approx 0.854$")


def test_f1_edge_cases():
    mt = load_snippet("ml/metrics.py")
    assert mt.confusion_metrics(0, 0, 0, 10)["f1"] == 0.0
    assert mt.confusion_metrics(5, 0, 0, 5)["f1"] == 1.0


# --- q-class-imbalance ------------------------------------------------------------------------


def test_imbalance_numbers():
    n, pos = 100_000, 1000
    neg = n - pos
    assert pos / n == 0.01 and neg / n == 0.99
    assert pos // 5 == 200
    assert n / (2 * pos) == 50 and f"{n / (2 * neg):.3f}" == "0.505"
    assert f"{1 / (1 + 20):.3f}" == "0.048"
    assert_stated(
        PAGE,
        "1 %",
        "100 000",
        "0.99",
        "0.01",
        "200",
        "$100\\,000/(2 \\times 1000) = 50$",
        "$100\\,000/(2 \\times 99\\,000) \\approx 0.505$",
        "$1/21 \\approx 0.048$",
    )


def test_downsampling_correction():
    beta, pos, neg = 0.1, 1000, 99_000
    kept = round(beta * neg)
    assert kept == 9900 and f"{pos / (pos + kept):.4f}" == "0.0917"

    def correct(ps):
        return beta * ps / (beta * ps - ps + 1)

    assert f"{correct(0.5):.4f}" == "0.0909"
    # consistency: correcting the training-set prevalence gives back the true prevalence
    assert math.isclose(correct(pos / (pos + kept)), pos / (pos + neg))
    assert_stated(PAGE, "$\\beta = 0.1$", "9900", "0.0917", "$p_s = 0.5$", "0.0909")
