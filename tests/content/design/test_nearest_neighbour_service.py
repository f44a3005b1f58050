"""questions/design/nearest-neighbour-service.md: memory per index, work per query and replicas from
the stated requirements; the re-ranking step sized (raw vectors on SSD in TB, random reads per
second = QPS x shortlist); the toy IVF table recomputed by running the snippet (IVF-Flat, PQ-only,
PQ + exact re-ranking); the fan-out tail; and the Faiss figures the page quotes."""

import math
from functools import cache

import numpy as np
import pytest

from tests.content.design.common import grouped, sci
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/nearest-neighbour-service.md"
N, D, K, PEAK_QPS, P99_MS, RECALL_TARGET, RAM_GB = 1e9, 128, 10, 10_000, 50, 0.95, 200
FLOAT_BYTES, HNSW_M, LINK_BYTES, PQ_CODE, PQ_ID, NLIST, NPROBE = 4, 32, 4, 16, 8, 65_536, 32
REPLICA_QPS = 1000
PQ_SUBDIM, PQ_CENTROIDS = 8, 256
SHORTLIST, SHORTLIST_LARGE, PAGE_KIB, SSD_IOPS = 100, 1000, 4, 1e6
SLOW_P, SHARDS = 0.01, (4, 10, 100)
TOY = {"n": 20_000, "dim": 32, "nlist": 128, "n_queries": 200, "pq_m": 4, "rerank": 100}
# Checked by hand against the Faiss wiki page "Indexing 1G vectors" (2017 revision, the tables also
# in Johnson, Douze and Jegou 2017): Bigann/SIFT1B with 8-byte codes, 1-recall@10 of 0.376 and 0.448
# (OPQ8_32,IVF262144,PQ8 on a Titan X); Deep1B, 1-recall@1 of 0.488-0.493 with 20-byte codes and
# 0.671 with 32-byte codes.
FAISS = {"bytes-small": 8, "r10-low": 0.376, "r10-high": 0.448, "bytes-mid": 20, "r1-mid": 0.49}
FAISS |= {"bytes-large": 32, "r1-large": 0.67}


def est():
    return load_snippet("design/estimates.py")


@cache
def toy_rows():
    return tuple(load_snippet("design/ivf_recall.py").recall_table(**TOY))


def row(r) -> str:
    nprobe, flat, pq, rerank, share = r
    return f"{nprobe} | {flat:.3f} | {pq:.3f} | {rerank:.3f} | {100 * share:.1f} %"


def first_meeting(column: int) -> int:
    return next(r[0] for r in toy_rows() if r[column] >= RECALL_TARGET)


def expected_values() -> dict[str, str]:
    e = est()
    usable = RAM_GB * 1e9
    flat, hnsw = e.vector_bytes(N, D, FLOAT_BYTES), e.hnsw_bytes(N, D, HNSW_M, FLOAT_BYTES, LINK_BYTES)
    ivfpq = e.ivf_pq_bytes(N, code_bytes=PQ_CODE, nlist=NLIST, dim=D, id_bytes=PQ_ID)
    machines = [e.machines_for(b, usable) for b in (flat, hnsw, ivfpq)]
    replicas = math.ceil(PEAK_QPS / REPLICA_QPS)
    scanned = NPROBE * N / NLIST
    raw_tb = flat / 1e12
    iops, iops_large = PEAK_QPS * SHORTLIST, PEAK_QPS * SHORTLIST_LARGE
    rows = toy_rows()
    pq_plateau = max(r[2] for r in rows)
    values = {
        "d-question": f"{D}",
        "d-weak": f"{D}",
        "n": sci(N),
        "d": f"{D}",
        "k": f"{K}",
        "peak-qps": grouped(PEAK_QPS),
        "p99-target": f"{P99_MS}",
        "recall-target": f"{RECALL_TARGET}",
        "ram-gb": f"{RAM_GB}",
        "d-flat": f"{D}",
        "float-bytes": f"{FLOAT_BYTES}",
        "flat-bpv": f"{flat / N:.0f}",
        "flat-total": sci(flat),
        "flat-machines": f"{machines[0]}",
        "hnsw-m": f"{HNSW_M}",
        "hnsw-base": f"{flat / N:.0f}",
        "hnsw-m-again": f"{HNSW_M}",
        "link-bytes": f"{LINK_BYTES}",
        "hnsw-bpv": f"{hnsw / N:.0f}",
        "hnsw-total": sci(hnsw),
        "hnsw-machines": f"{machines[1]}",
        "pq-code": f"{PQ_CODE}",
        "pq-id": f"{PQ_ID}",
        "pq-bpv": f"{PQ_CODE + PQ_ID}",
        "centroid-mb": f"{NLIST * D * FLOAT_BYTES / 1e6:.1f}",
        "pq-total": sci(ivfpq),
        "pq-machines": f"{machines[2]}",
        "nlist": grouped(NLIST),
        "nprobe": f"{NPROBE}",
        "nprobe-again": f"{NPROBE}",
        "n-again": sci(N),
        "nlist-again": grouped(NLIST),
        "codes-scanned": grouped(int(scanned)),
        "scan-fraction": f"1/{NLIST // NPROBE}",
        "brute-force": sci(N * D),
        "replica-qps": f"{REPLICA_QPS}",
        "peak-qps-again": grouped(PEAK_QPS),
        "replicas": f"{replicas}",
        "hnsw-fleet": f"{machines[1] * replicas}",
        "pq-fleet": f"{machines[2] * replicas}",
        "recall-target-heading": f"{RECALL_TARGET}",
        "pq-code-again": f"{PQ_CODE}",
        "flat-bpv-again": f"{flat / N:.0f}",
        "faiss-bytes-small": f"{FAISS['bytes-small']}",
        "faiss-r10-low": f"{FAISS['r10-low']}",
        "faiss-r10-high": f"{FAISS['r10-high']}",
        "faiss-r1-mid": f"{FAISS['r1-mid']}",
        "faiss-bytes-mid": f"{FAISS['bytes-mid']}",
        "faiss-r1-large": f"{FAISS['r1-large']}",
        "faiss-bytes-large": f"{FAISS['bytes-large']}",
        "recall-target-again": f"{RECALL_TARGET}",
        "toy-pq-plateau": f"{pq_plateau:.2f}",
        "raw-bytes": sci(flat),
        "raw-tb": f"{raw_tb:.3f}",
        "vector-bytes": f"{D * FLOAT_BYTES}",
        "page-kib": f"{PAGE_KIB}",
        "shortlist": f"{SHORTLIST}",
        "peak-qps-third": grouped(PEAK_QPS),
        "shortlist-again": f"{SHORTLIST}",
        "iops": sci(iops),
        "iops-per-replica": sci(iops / replicas),
        "read-gbps": f"{iops * PAGE_KIB * 1024 / 1e9:.1f}",
        "shortlist-large": f"{SHORTLIST_LARGE}",
        "iops-large": sci(iops_large),
        "iops-large-per-replica": sci(iops_large / replicas),
        "ssd-iops": sci(SSD_IOPS),
        "shortlist-third": f"{SHORTLIST}",
        "drive-share": f"{100 * iops / replicas / SSD_IOPS:.0f}",
        "shortlist-large-again": f"{SHORTLIST_LARGE}",
        "p99-target-again": f"{P99_MS}",
        "replicas-again": f"{replicas}",
        "raw-tb-again": f"{raw_tb:.3f}",
        "ssd-total-tb": f"{replicas * raw_tb:.2f}",
        "toy-rerank-needed": f"{TOY['rerank']}",
        "toy-base": f"{TOY['n']:,}",
        "sq8-gb": f"{e.vector_bytes(N, D, 1) / 1e9:.0f}",
        "pq-subvectors": f"{D // PQ_SUBDIM}",
        "pq-subdim": f"{PQ_SUBDIM}",
        "pq-centroids": f"{PQ_CENTROIDS}",
        "pq-lookups": f"{D // PQ_SUBDIM}",
        "toy-n": grouped(TOY["n"]),
        "toy-dim": f"{TOY['dim']}",
        "toy-nlist": f"{TOY['nlist']}",
        "toy-queries": f"{TOY['n_queries']}",
        "toy-pq-bytes": f"{TOY['pq_m']}",
        "toy-dims-per-byte": f"{TOY['dim'] // TOY['pq_m']}",
        "toy-rerank": f"{TOY['rerank']}",
        "toy-flat-ok": f"{first_meeting(1)}",
        "recall-target-third": f"{RECALL_TARGET}",
        "toy-pq-plateau-again": f"{pq_plateau:.2f}",
        "toy-rerank-again": f"{TOY['rerank']}",
        "toy-rerank-ok": f"{first_meeting(3)}",
        "slow-p": f"{100 * SLOW_P:.0f}",
        "shards-small": f"{SHARDS[0]}",
        "slow-small": f"{100 * e.prob_any_slow(SHARDS[0], SLOW_P):.2f}",
        "shards-mid": f"{SHARDS[1]}",
        "slow-mid": f"{100 * e.prob_any_slow(SHARDS[1], SLOW_P):.2f}",
        "shards-large": f"{SHARDS[2]}",
        "slow-large": f"{100 * e.prob_any_slow(SHARDS[2], SLOW_P):.1f}",
        "k-metric": f"{K}",
    }
    values |= {f"row{i}": row(r) for i, r in enumerate(rows, start=1)}
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_pq_layout_is_one_byte_per_sub_vector():
    assert (D // PQ_SUBDIM) * PQ_SUBDIM == D and PQ_CENTROIDS == 2**8 and D // PQ_SUBDIM == PQ_CODE
    assert TOY["dim"] // TOY["pq_m"] == PQ_SUBDIM  # the toy keeps the same 8 dimensions per byte


def test_toy_pq_alone_misses_the_target_and_re_ranking_recovers_it():
    rows = toy_rows()
    flat, pq, rerank = ([r[c] for r in rows] for c in (1, 2, 3))
    assert flat == sorted(flat) and max(pq) < 0.5 < RECALL_TARGET
    assert all(p <= r <= f + 1e-12 for p, r, f in zip(pq, rerank, flat, strict=True))
    assert max(rerank) >= RECALL_TARGET


def test_re_ranking_everything_probed_equals_ivf_flat():
    """With a shortlist as long as the candidate list, re-ranking is exact search within the probed lists."""
    small = {**TOY, "n": 3000, "nlist": 32, "n_queries": 40, "probes": (2, 4)}
    rows = load_snippet("design/ivf_recall.py").recall_table(**{**small, "rerank": small["n"]})
    assert all(r[3] == pytest.approx(r[1]) for r in rows)


def test_memory_fits_the_stated_machines_and_one_fewer_would_not():
    e = est()
    usable = RAM_GB * 1e9
    for total in (e.vector_bytes(N, D, FLOAT_BYTES), e.hnsw_bytes(N, D, HNSW_M, FLOAT_BYTES, LINK_BYTES)):
        m = e.machines_for(total, usable)
        assert m * usable >= total > (m - 1) * usable


def test_fan_out_tail_by_simulation():
    e = est()
    rng = np.random.default_rng(0)
    trials = 200_000
    for shards in SHARDS:
        any_slow = float((rng.random((trials, shards)) < SLOW_P).any(axis=1).mean())
        p = e.prob_any_slow(shards, SLOW_P)
        assert abs(any_slow - p) < 4 * math.sqrt(p * (1 - p) / trials)
