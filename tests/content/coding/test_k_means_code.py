"""questions/coding/k-means-code.md: the snippet's results on the page's two data sets, integer input
(and what the missing float cast would do), the expected inertia (n_j - 1) d sigma^2 checked by
simulation, and the k-means++ seeding bound and its D^2 weighting."""

import inspect
import math

import numpy as np
import pytest

from tests.content.helpers import SNIPPETS, assert_values, load_snippet

PAGE = "questions/coding/k-means-code.md"
SQUARE = [[0, 0], [0, 1], [10, 0], [10, 1]]
BLOB_SD = 0.5


def km():
    return load_snippet("coding/kmeans.py")


def without_float_cast():
    """The snippet as it was before the fix: no conversion of X to float."""
    source = (SNIPPETS / "coding/kmeans.py").read_text(encoding="utf-8")
    line = "    X = np.asarray(X, dtype=np.float64)\n"
    assert source.count(line) == 1
    namespace: dict = {}
    exec(compile(source.replace(line, ""), "kmeans_without_cast", "exec"), namespace)
    return namespace["kmeans"]


def by_x(centres):
    return centres[np.argsort(centres[:, 0], kind="stable")]


def pair(c, digits=None) -> str:
    if digits is None:
        return f"{c[0]:g}, {c[1]:g}"
    return f"{c[0]:.{digits}f}, {c[1]:.{digits}f}"


def blob_labels(X, truth):
    return ((X[:, None, :] - truth[None, :, :]) ** 2).sum(-1).argmin(1)


def sum_of_squares_around_sample_means(X, labels):
    return float(sum(((X[labels == j] - X[labels == j].mean(0)) ** 2).sum() for j in np.unique(labels)))


def expected_values() -> dict[str, str]:
    mod = km()
    k_pp = 3
    c, _, sq_inertia, _ = mod.kmeans(np.array(SQUARE), 2)
    c = by_x(c)
    square = np.array(SQUARE, dtype=float)
    offset = (square[:, 1].max() - square[:, 1].min()) / 2
    tc, _, trunc_inertia, _ = without_float_cast()(np.array(SQUARE), 2)
    tc = by_x(tc)
    X, truth = mod.three_blobs()
    labels_true = blob_labels(X, truth)
    sizes = np.bincount(labels_true)
    assert len(set(sizes)) == 1
    size, clusters, dims = int(sizes[0]), len(truth), X.shape[1]
    centres, _, inertia, passes = mod.kmeans(X, 3)
    found = [centres[np.argmin(((centres - t) ** 2).sum(1))] for t in truth]
    variance = BLOB_SD**2
    expected = clusters * (size - 1) * dims * variance
    dof = clusters * (size - 1) * dims
    sd = variance * math.sqrt(2 * dof)
    return {
        "pp-bound": f"{8 * (math.log(k_pp) + 2):.1f}",
        "pp-k": f"{k_pp}",
        "square": ", ".join(f"({x},{y})" for x, y in SQUARE),
        "square-k": "2",
        "square-c1": pair(c[0]),
        "square-c2": pair(c[1]),
        "square-inertia": f"{sq_inertia:.1f}",
        "square-offset": f"{offset:g}",
        "square-offset-sq": f"{offset**2:g}",
        "trunc-c1": pair(tc[0]),
        "trunc-c2": pair(tc[1]),
        "trunc-inertia": f"{trunc_inertia:.1f}",
        "blobs-n": f"{len(X)}",
        "blob-size": f"{size}",
        "truth-1": pair(truth[0]).replace(" ", ""),
        "truth-2": pair(truth[1]).replace(" ", ""),
        "truth-3": pair(truth[2]).replace(" ", ""),
        "blob-sd": f"{BLOB_SD}",
        "blob-seed": f"{inspect.signature(mod.three_blobs).parameters['seed'].default}",
        "found-1": pair(found[0], 2),
        "found-2": pair(found[1], 2),
        "found-3": pair(found[2], 2),
        "passes": f"{passes}",
        "inertia": f"{inertia:.1f}",
        "blob-size-again": f"{size}",
        "clusters": f"{clusters}",
        "blob-size-third": f"{size}",
        "dims": f"{dims}",
        "variance": f"{variance}",
        "expected-inertia": f"{expected}",
        "naive-inertia": f"{clusters * size * dims * variance:g}",
        "dof": f"{dof}",
        "variance-again": f"{variance}",
        "dof-again": f"{dof}",
        "inertia-sd": f"{sd:.2f}",
        "inertia-again": f"{inertia:.1f}",
        "inertia-z": f"{(inertia - expected) / sd:.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_blobs_have_the_stated_spread():
    mod = km()
    deviations = []
    for seed in range(100):
        X, truth = mod.three_blobs(seed)
        deviations.append(X - truth[blob_labels(X, truth)])
    pooled = np.concatenate(deviations)
    assert abs(pooled.std() - BLOB_SD) < 0.01


def test_expected_inertia_by_simulation_is_n_minus_one_not_n():
    mod = km()
    values = []
    for seed in range(1000, 3000):
        X, truth = mod.three_blobs(seed)
        values.append(sum_of_squares_around_sample_means(X, blob_labels(X, truth)))
    mean, se = float(np.mean(values)), float(np.std(values) / math.sqrt(len(values)))
    assert abs(mean - 73.5) < 4 * se
    assert abs(mean - 75.0) > 4 * se


def test_the_found_partition_is_the_true_one_so_inertia_is_the_within_blob_sum():
    mod = km()
    X, truth = mod.three_blobs()
    centres, labels, inertia, _ = mod.kmeans(X, 3)
    truth_of_point = blob_labels(X, truth)
    for j in range(3):
        assert len(set(labels[truth_of_point == j])) == 1
    assert len(set(labels)) == 3
    assert inertia == pytest.approx(sum_of_squares_around_sample_means(X, truth_of_point))


def test_integer_input_gives_the_float_result_and_the_old_code_truncated_it():
    mod = km()
    ints = np.array(SQUARE)
    c_int, _, inertia_int, _ = mod.kmeans(ints, 2)
    c_float, _, inertia_float, _ = mod.kmeans(ints.astype(float), 2)
    assert np.allclose(by_x(c_int), by_x(c_float)) and inertia_int == inertia_float
    assert not np.allclose(by_x(without_float_cast()(ints, 2)[0]), by_x(c_float))
    rng = np.random.default_rng(3)
    data = rng.integers(0, 20, size=(60, 2))
    a, b = mod.kmeans(data, 4, seed=1), mod.kmeans(data.astype(float), 4, seed=1)
    assert np.allclose(a[0], b[0]) and a[2] == pytest.approx(b[2])
    assert a[0].dtype == np.float64


def test_kmeans_pp_seeding_spreads_the_centres_over_the_blobs():
    mod = km()
    X, truth = mod.three_blobs()
    distinct = 0
    for seed in range(300):
        centres = mod.kmeans_pp_init(X, 3, np.random.default_rng(seed))
        distinct += len(set(blob_labels(centres, truth))) == 3
    assert distinct / 300 > 0.9  # uniform seeding would manage only 2/9 of the time


def test_kmeans_pp_seeding_meets_the_expected_bound():
    mod = km()
    X, _ = mod.three_blobs()
    best = min(mod.kmeans(X, 3, seed=s)[2] for s in range(10))
    seeded = []
    for seed in range(300):
        centres = mod.kmeans_pp_init(X, 3, np.random.default_rng(seed))
        seeded.append(((X[:, None, :] - centres[None]) ** 2).sum(-1).min(1).sum())
    assert np.mean(seeded) <= 8 * (math.log(3) + 2) * best


def test_edge_cases():
    mod = km()
    rng = np.random.default_rng(5)
    X = rng.normal(size=(20, 3))
    c, _, inertia, _ = mod.kmeans(X, 1)
    assert np.allclose(c[0], X.mean(0)) and inertia == pytest.approx(((X - X.mean(0)) ** 2).sum())
    assert mod.kmeans(X, 20)[2] == pytest.approx(0.0, abs=1e-9)
    c, _, inertia, _ = mod.kmeans(np.ones((6, 2)), 2)
    assert inertia == pytest.approx(0.0) and np.isfinite(c).all()
    for bad_k in (0, 21):
        with pytest.raises(ValueError):
            mod.kmeans(X, bad_k)
