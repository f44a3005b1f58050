"""questions/design/text-to-image-search.md: storage, load and re-index cost from the stated
assumptions, the cross-encoder's pairs per second turned into accelerators under the stated,
labelled per-device throughput, and the contrastive loss's batch numbers."""

import math

import numpy as np

from tests.content.design.common import grouped, sci
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/text-to-image-search.md"
P99_MS = 150
IMAGES, DIM, FLOAT_BYTES, PQ_BYTES, ID_BYTES = 1e9, 512, 4, 64, 8
QUERIES_PER_DAY, PEAK, NEW_PER_DAY = 5e7, 3, 1e7
ENCODE_RATE = 2000  # images/s per GPU, an assumption
ANN_LIST, RERANK, SHORT_LIST, NDCG_AT = 1000, 100, 50, 10
# Cross-encoder assumptions, labelled as ours on the page.
CE_PARAMS, CE_TOKENS, ACCEL_PEAK, CE_UTILISATION, CORE_FLOPS, HEADROOM = 2e8, 300, 1e15, 0.40, 1e10, 2
BATCH = 32_768


def est():
    return load_snippet("design/estimates.py")


def expected_values() -> dict[str, str]:
    e = est()
    avg, peak = e.average_qps(QUERIES_PER_DAY, 1), e.peak_qps(QUERIES_PER_DAY, 1, PEAK)
    pairs = peak * RERANK
    ce_flop = 2 * CE_PARAMS * CE_TOKENS
    accel = ACCEL_PEAK * CE_UTILISATION
    accels = e.devices_for(pairs, ce_flop, accel)
    full_scan = IMAGES * ce_flop
    return {
        "p99-target": f"{P99_MS}",
        "images": sci(IMAGES),
        "dim": f"{DIM}",
        "queries-per-day": sci(QUERIES_PER_DAY, 0),
        "peak-factor": f"{PEAK}",
        "new-per-day": sci(NEW_PER_DAY),
        "images-again": sci(IMAGES),
        "dim-again": f"{DIM}",
        "float-bytes": f"{FLOAT_BYTES}",
        "embedding-bytes": sci(e.vector_bytes(IMAGES, DIM, FLOAT_BYTES)),
        "images-pq": sci(IMAGES),
        "pq-bytes": f"{PQ_BYTES}",
        "id-bytes": f"{ID_BYTES}",
        "pq-gb": f"{IMAGES * (PQ_BYTES + ID_BYTES) / 1e9:.0f}",
        "queries-again": sci(QUERIES_PER_DAY, 0),
        "seconds-per-day": grouped(e.SECONDS_PER_DAY),
        "peak-again": f"{PEAK}",
        "avg-qps": f"{avg:.0f}",
        "peak-qps": f"{peak:.0f}",
        "new-again": sci(NEW_PER_DAY),
        "seconds-again": grouped(e.SECONDS_PER_DAY),
        "ingest-rate": f"{NEW_PER_DAY / e.SECONDS_PER_DAY:.0f}",
        "encode-rate": f"{ENCODE_RATE}",
        "images-reindex": sci(IMAGES),
        "encode-again": f"{ENCODE_RATE}",
        "reindex-gpu-hours": f"{IMAGES / ENCODE_RATE / 3600:.1f}",
        "peak-qps-again": f"{peak:.0f}",
        "rerank-list": f"{RERANK}",
        "pairs-per-s": sci(pairs),
        "ce-params": sci(CE_PARAMS, 0),
        "ce-tokens": f"{CE_TOKENS}",
        "ce-flop": sci(ce_flop, 1),
        "accel-peak": sci(ACCEL_PEAK),
        "ce-utilisation": f"{100 * CE_UTILISATION:.0f}",
        "pairs-per-accel": f"{accel / ce_flop:,.0f}",
        "ce-accels": f"{accels}",
        "ce-accels-provisioned": f"{HEADROOM * accels}",
        "core-flops": sci(CORE_FLOPS),
        "ce-cores": sci(pairs * ce_flop / CORE_FLOPS, 1),
        "short-list": f"{SHORT_LIST}",
        "diagram-ann": f"{ANN_LIST}",
        "diagram-rerank": f"{RERANK}",
        "batch": grouped(BATCH),
        "negatives": grouped(BATCH - 1),
        "log-batch": f"{math.log(BATCH):.2f}",
        "ann-list": f"{ANN_LIST}",
        "rerank-list-again": f"{RERANK}",
        "ndcg-at": f"{NDCG_AT}",
        "rerank-list-followup": f"{RERANK}",
        "full-scan-flop": sci(full_scan, 1),
        "full-scan-hours": f"{full_scan / accel / 3600:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_halving_the_list_halves_the_accelerators():
    e = est()
    peak = e.peak_qps(QUERIES_PER_DAY, 1, PEAK)
    ce_flop, accel = 2 * CE_PARAMS * CE_TOKENS, ACCEL_PEAK * CE_UTILISATION
    full, half = e.devices_for(peak * RERANK, ce_flop, accel), e.devices_for(peak * SHORT_LIST, ce_flop, accel)
    assert abs(full - 2 * half) <= 1


def test_contrastive_loss_at_uniform_similarities_is_ln_b():
    """With equal logits every softmax is uniform over B, so each term is ln B; checked on a small batch."""
    b = 64
    logits = np.zeros((b, b))
    log_softmax_rows = logits - np.log(np.exp(logits).sum(1, keepdims=True))
    log_softmax_cols = logits - np.log(np.exp(logits).sum(0, keepdims=True))
    loss = -(np.trace(log_softmax_rows) + np.trace(log_softmax_cols)) / (2 * b)
    assert math.isclose(loss, math.log(b))
