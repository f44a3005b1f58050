"""Checks for questions/design.md: the back-of-the-envelope numbers are recomputed from the
assumptions the page states, and the toy IVF index reproduces its recall table."""

import math

import pytest

from tests.content.helpers import assert_stated, load_snippet, page_sources

PAGE = "questions/design.md"


def sci(x: float) -> str:
    """LaTeX scientific notation with three significant digits, as the page prints it."""
    exponent = math.floor(math.log10(x))
    mantissa = x / 10**exponent
    return f"{mantissa:.2f} \\times 10^{{{exponent}}}"


def grouped(n: int) -> str:
    """Thin-space digit groups inside math, identical in both languages: 488\\,281."""
    return f"{n:,}".replace(",", "\\,")


def assert_each(en: str, ru: str) -> None:
    sources = page_sources(PAGE)
    assert en in sources["en"], f"EN page does not state {en!r}"
    assert ru in sources["ru"], f"RU page does not state {ru!r}"


@pytest.fixture(scope="module")
def est():
    return load_snippet("design/estimates.py")


def test_sci_helper():
    assert sci(231_481.48) == "2.31 \\times 10^{5}"
    assert grouped(86_400) == "86\\,400"


# ----- nearest-neighbour service -----------------------------------------------------------------


def test_nn_memory_table(est):
    n, dim, m = 1e9, 128, 32
    usable = 200e9
    flat = est.vector_bytes(n, dim)
    hnsw = est.hnsw_bytes(n, dim, m)
    ivfpq = est.ivf_pq_bytes(n, code_bytes=16, nlist=65_536, dim=dim)
    assert flat / n == 512 and hnsw / n == 512 + 2 * 32 * 4 == 768
    assert_stated(PAGE, "$128 \\times 4 = 512$", "$512 + 2 \\times 32 \\times 4 = 768$")
    assert_stated(PAGE, f"${sci(flat)}$ B", f"${sci(hnsw)}$ B", f"${sci(ivfpq)}$ B")
    centroid_mb = 65_536 * dim * 4 / 1e6
    assert_stated(PAGE, f"{centroid_mb:.1f} MB", "| 24 (+")
    machines = [est.machines_for(b, usable) for b in (flat, hnsw, ivfpq)]
    assert machines == [3, 4, 1]
    for count in machines:
        assert_stated(PAGE, f"| {count} |")
    assert_stated(PAGE, "200 GB", "$M = 32$", "$d = 128$", "$N = 10^9$")


def test_nn_work_and_replicas():
    n, nlist, nprobe = 10**9, 65_536, 32
    scanned = nprobe * n / nlist
    assert_stated(PAGE, f"$32 \\times 10^9 / {grouped(nlist)} \\approx {grouped(int(scanned))}$")
    assert nlist // nprobe == 2048
    assert_stated(PAGE, "1/2048", f"${sci(n * 128)}$")
    peak, per_replica = 10_000, 1000
    replicas = math.ceil(peak / per_replica)
    assert replicas == 10
    assert_stated(PAGE, f"${grouped(peak)}$ QPS", "1000 QPS")
    assert_each(
        f"{replicas} replicas of each shard: {4 * replicas} machines for HNSW, {1 * replicas} for IVF-PQ",
        f"{replicas} реплик каждого шарда: {4 * replicas} машин для HNSW и {1 * replicas} для IVF-PQ",
    )


def test_nn_fan_out_tail(est):
    for shards in (4, 10, 100):
        p = est.prob_any_slow(shards, 0.01)
        text = f"{100 * p:.2f} %" if shards < 100 else f"{100 * p:.1f} %"
        assert_stated(PAGE, text)
    assert_stated(PAGE, "1 %")


def test_nn_pq_layout():
    sub_vectors, sub_dim, centroids = 16, 8, 256
    assert sub_vectors * sub_dim == 128 and centroids == 2**8  # one byte per sub-vector
    assert_each("16 sub-vectors of 8 dimensions", "16 подвекторов по 8 измерений")
    assert_each("one of 256 centroids", "одним из 256 центроидов")


def test_ivf_recall_table():
    mod = load_snippet("design/ivf_recall.py")
    rows = mod.recall_table()
    recalls = [r for _, r, _ in rows]
    shares = [s for _, _, s in rows]
    assert recalls == sorted(recalls) and shares == sorted(shares)
    for nprobe, recall, share in rows:
        assert_stated(PAGE, f"| {nprobe} | {recall:.3f} | {100 * share:.1f} % |")
    first_ok = next(p for p, r, _ in rows if r >= 0.95)
    assert first_ok == 4  # the 0.95 recall target needs nprobe 4 here
    assert_stated(PAGE, "$20\\,000$", "0.95")
    assert_each("32 dimensions, 128 lists, 200 queries", "32 измерения, 128 списков, 200 запросов")


def test_requirements_and_diagram_numbers():
    assert_each('"about 1000"', '"около 1000"')
    assert_stated(PAGE, '-->|"200"|', '-->|"20"|')
    assert_each("p99 latency 50 ms", "p99 — 50 ms")
    assert_stated(PAGE, "$k = 10$", "512")
    assert_each("a 60-minute system design interview", "60 минут со старшим инженером")
