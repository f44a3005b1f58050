"""questions/design/youtube-recommender.md: load, storage and log volumes from the stated
assumptions, the accelerators and cores those loads need under the stated per-device throughput,
and the latency toy model in which stage p99s do not add (exact, and by simulation)."""

import math

import numpy as np
import pytest

from tests.content.design.common import grouped, sci
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/youtube-recommender.md"
USERS, REQUESTS, PEAK, CORPUS, DIM = 1e9, 20, 3, 1e9, 256
FEED, LIGHT, HEAVY = 20, 1000, 200
FLOAT_BYTES, INT8_BYTES, PQ_BYTES, LOG_BYTES = 4, 1, 32, 100
COMPILATION_FACTOR = 100
# Hardware assumptions, labelled as ours on the page.
HEAVY_FLOP, LIGHT_FLOP = 5e7, 1e5
ACCEL_PEAK, UTILISATION, CORE_FLOPS = 1e15, 0.10, 1e10
HEADROOM, CORES_PER_SERVER = 2, 64
# Latency budget (ms) and the stall toy model.
BUDGET = {"retrieval": 30, "light": 20, "features": 40, "heavy": 80, "rerank": 10, "network": 20}
STALL_MS, STALL_P = 60, 0.009


def est():
    return load_snippet("design/estimates.py")


def expected_values() -> dict[str, str]:
    e = est()
    avg, peak = e.average_qps(USERS, REQUESTS), e.peak_qps(USERS, REQUESTS, PEAK)
    light_load, heavy_load = peak * LIGHT, peak * HEAVY
    accel = ACCEL_PEAK * UTILISATION
    heavy_accels = e.devices_for(heavy_load, HEAVY_FLOP, accel)
    light_cores = e.devices_for(light_load, LIGHT_FLOP, CORE_FLOPS)
    impressions = USERS * REQUESTS * FEED
    stages = list(BUDGET.values())
    stall_any = 1 - (1 - STALL_P) ** len(stages)
    return {
        "feed-size": f"{FEED}",
        "p99-target": f"{sum(stages)}",
        "users": sci(USERS),
        "requests-per-user": f"{REQUESTS}",
        "peak-factor": f"{PEAK}",
        "corpus": sci(CORPUS),
        "dim": f"{DIM}",
        "users-again": sci(USERS),
        "requests-again": f"{REQUESTS}",
        "seconds-per-day": grouped(e.SECONDS_PER_DAY),
        "avg-qps": sci(avg),
        "peak-again": f"{PEAK}",
        "peak-qps": sci(peak),
        "corpus-again": sci(CORPUS),
        "dim-again": f"{DIM}",
        "float-bytes": f"{FLOAT_BYTES}",
        "embedding-bytes": sci(e.vector_bytes(CORPUS, DIM, FLOAT_BYTES)),
        "int8-bytes": f"{INT8_BYTES}",
        "pq-bytes": f"{PQ_BYTES}",
        "int8-gb": f"{e.vector_bytes(CORPUS, DIM, INT8_BYTES) / 1e9:.0f}",
        "pq-gb": f"{CORPUS * PQ_BYTES / 1e9:.0f}",
        "light-candidates": f"{LIGHT}",
        "light-load": sci(light_load),
        "heavy-candidates": f"{HEAVY}",
        "heavy-load": sci(heavy_load),
        "impressions": sci(impressions, 0),
        "log-bytes": f"{LOG_BYTES}",
        "log-tb": f"{impressions * LOG_BYTES / 1e12:.0f}",
        "compilation-factor": f"{COMPILATION_FACTOR}",
        "compilation-qps": sci(e.average_qps(USERS, COMPILATION_FACTOR)),
        "heavy-flop": sci(HEAVY_FLOP, 0),
        "accel-peak": sci(ACCEL_PEAK),
        "utilisation": f"{100 * UTILISATION:.0f}",
        "heavy-per-accel": sci(accel / HEAVY_FLOP, 0),
        "heavy-accels": f"{heavy_accels}",
        "heavy-accels-provisioned": f"{HEADROOM * heavy_accels}",
        "core-flops": sci(CORE_FLOPS),
        "heavy-cores": sci(heavy_load * HEAVY_FLOP / CORE_FLOPS, 1),
        "light-flop": sci(LIGHT_FLOP),
        "light-per-core": sci(CORE_FLOPS / LIGHT_FLOP),
        "light-cores": f"{light_cores:,}",
        "light-servers": f"{math.ceil(light_cores / CORES_PER_SERVER)}",
        "cores-per-server": f"{CORES_PER_SERVER}",
        "budget-retrieval": f"{BUDGET['retrieval']}",
        "budget-light": f"{BUDGET['light']}",
        "budget-features": f"{BUDGET['features']}",
        "budget-heavy": f"{BUDGET['heavy']}",
        "budget-rerank": f"{BUDGET['rerank']}",
        "budget-network": f"{BUDGET['network']}",
        "budget-sum": f"{sum(stages)}",
        "stall-ms": f"{STALL_MS}",
        "stall-p": f"{100 * STALL_P:.1f}",
        "stall-p-frac": f"{STALL_P}",
        "stages": f"{len(stages)}",
        "stall-any": f"{100 * stall_any:.1f}",
        "end-p99": f"{e.quantile_with_stalls(stages, STALL_MS, STALL_P):.0f}",
        "diagram-light": f"{LIGHT}",
        "diagram-heavy": f"{HEAVY}",
        "diagram-feed": f"{FEED}",
        "dedup-candidates": f"{LIGHT}",
        "recall-at": f"{LIGHT}",
        "ndcg-at": f"{FEED}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_each_stage_meets_its_p99_budget_but_the_sum_is_not_the_end_to_end_p99():
    e = est()
    stages = list(BUDGET.values())
    for ms in stages:
        assert e.quantile_with_stalls([ms], STALL_MS, STALL_P) == ms
    rng = np.random.default_rng(0)
    n = 400_000
    totals = sum(ms + STALL_MS * (rng.random(n) < STALL_P) for ms in stages)
    per_stage_p99 = [np.quantile(ms + STALL_MS * (rng.random(n) < STALL_P), 0.99) for ms in stages]
    assert sum(per_stage_p99) == pytest.approx(sum(stages))
    assert np.quantile(totals, 0.99) == pytest.approx(e.quantile_with_stalls(stages, STALL_MS, STALL_P))
    assert np.quantile(totals, 0.99) > sum(per_stage_p99)


def test_devices_cover_the_load_and_one_fewer_would_not():
    e = est()
    heavy_load = e.peak_qps(USERS, REQUESTS, PEAK) * HEAVY
    accel = ACCEL_PEAK * UTILISATION
    n = e.devices_for(heavy_load, HEAVY_FLOP, accel)
    assert n * accel >= heavy_load * HEAVY_FLOP > (n - 1) * accel


def test_qps_definition_matches_a_day_of_requests():
    e = est()
    assert e.SECONDS_PER_DAY == 24 * 60 * 60
    assert e.average_qps(USERS, REQUESTS) * e.SECONDS_PER_DAY == pytest.approx(USERS * REQUESTS)
