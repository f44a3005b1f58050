"""questions/design/fault-tolerant-training.md: the per-device MTBF derived from the Llama 3 report,
failures per day and the system MTBF, checkpoint size and write time, the Young and Daly intervals
(Daly's formula checked against the optima printed in his paper), goodput of both plans checked
against Daly's exact model and a Monte Carlo simulation, training days and cost, spares from a
Poisson quantile, straggler cost and checkpoint retention."""

import math

import numpy as np
import pytest

from tests.content.design.common import grouped, sci
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/fault-tolerant-training.md"
# Checked by hand against the Llama 3 report (Dubey et al. 2024, section 3.3.4): 419 unexpected
# interruptions in a 54-day snapshot on 16,384 GPUs, ~78 % attributed to hardware, > 90 % effective
# training time; 15.6T pre-training tokens.
LLAMA = {"unexpected": 419, "days": 54, "gpus": 16_384, "hardware_pct": 78, "effective_pct": 90, "tokens": 15.6e12}
LLAMA["sdc"] = 6  # table 5 of the report: silent data corruption (GPU), 6 of the 419
# Checked by hand against Daly (2006), figures 3-5: M = 24 h, 6 h, 15 min with a 5-minute dump give
# predicted optima of 117 min, 57 min and 9.1 min.
DALY_EXAMPLES = [(24 * 60, 117.0), (6 * 60, 57.0), (15, 9.1)]
DALY_DUMP_MIN = 5

PARAMS, DEVICES, DEVICE_MTBF_H = 405e9, 16_384, 50_000
BYTES_PER_PARAM, WRITE_GBS = 12, 200  # fp32 master + Adam m, v; the job's storage share (our estimate)
COLD_RESTART_S, FAST_C_S, HOT_RESTART_S = 600, 1.0, 120  # our estimates
GOODPUT_TARGET, DETECTION_H, PERSIST_EVERY = 95, 2, 5
MFU, PEAK_TFLOPS, PRICE = 0.4, 989, 2.50
REPAIR_DAYS, SPARE_QUANTILE, NODE_SIZE, SLOW = 1, 0.99, 8, 0.2


def ck():
    return load_snippet("design/checkpoint_interval.py")


def plans():
    c = ck()
    m = c.system_mtbf(DEVICES, DEVICE_MTBF_H)
    write_s = PARAMS * BYTES_PER_PARAM / (WRITE_GBS * 1e9)
    out = {}
    for name, cost, restart in (("base", write_s, COLD_RESTART_S), ("fast", FAST_C_S, HOT_RESTART_S)):
        tau = c.young_interval(cost, m)
        out[name] = {"c": cost, "tau": tau, "r": restart, "lost": c.waste_fraction(tau, cost, restart, m)}
    return m, write_s, out


def expected_values() -> dict[str, str]:
    c = ck()
    m, write_s, p = plans()
    llama_mtbf_h = LLAMA["days"] * 24 / LLAMA["unexpected"]
    llama_device = llama_mtbf_h * LLAMA["gpus"]
    ckpt = PARAMS * BYTES_PER_PARAM
    train_flop = 6 * PARAMS * LLAMA["tokens"]
    compute_days = train_flop / (DEVICES * PEAK_TFLOPS * 1e12 * MFU) / 86_400
    base_days = compute_days / (1 - p["base"]["lost"])
    fast_days = compute_days / (1 - p["fast"]["lost"])
    fleet_hour = DEVICES * PRICE
    failures = c.failures_per_day(DEVICES, DEVICE_MTBF_H)
    spares = c.poisson_quantile(failures * REPAIR_DAYS, SPARE_QUANTILE)
    persisted_every = PERSIST_EVERY * p["fast"]["tau"]
    kept = math.ceil(DETECTION_H * 3600 / persisted_every) + 1
    return {
        "q-params": f"{PARAMS / 1e9:.0f}",
        "q-devices": f"{DEVICES:,}",
        "goodput-target": f"{GOODPUT_TARGET}",
        "detection-window-h": f"{DETECTION_H}",
        "llama-unexpected": f"{LLAMA['unexpected']}",
        "llama-days": f"{LLAMA['days']}",
        "llama-gpus": f"{LLAMA['gpus']:,}",
        "llama-hardware-pct": f"{LLAMA['hardware_pct']}",
        "llama-effective-pct": f"{LLAMA['effective_pct']}",
        "llama-mtbf-h": f"{llama_mtbf_h:.2f}",
        "llama-formula": f"{LLAMA['days']} \\times 24 \\times {grouped(LLAMA['gpus'])} / {LLAMA['unexpected']}",
        "llama-device-mtbf": f"{llama_device:,.0f}",
        "llama-device-years": f"{llama_device / (24 * 365):.1f}",
        "device-mtbf": f"{DEVICE_MTBF_H:,}",
        "devices-t": grouped(DEVICES),
        "device-mtbf-t": grouped(DEVICE_MTBF_H),
        "failures-day": f"{failures:.2f}",
        "device-mtbf-t2": grouped(DEVICE_MTBF_H),
        "devices-t2": grouped(DEVICES),
        "mtbf-min": f"{m / 60:.0f}",
        "mtbf-s": grouped(round(m)),
        "params-t": f"{PARAMS / 1e9:.0f}",
        "bytes-per-param": f"{BYTES_PER_PARAM}",
        "ckpt-tb": f"{ckpt / 1e12:.2f}",
        "write-gbs": f"{WRITE_GBS}",
        "ckpt-tb-t": f"{ckpt / 1e12:.2f}",
        "write-gbs-t": f"{WRITE_GBS}",
        "write-s": f"{write_s:.1f}",
        "write-s-t": f"{write_s:.1f}",
        "mtbf-s-t": grouped(round(m)),
        "young-s": f"{p['base']['tau']:.0f}",
        "young-min": f"{p['base']['tau'] / 60:.1f}",
        "daly-s": f"{c.daly_interval(write_s, m):.0f}",
        "base-c": f"{p['base']['c']:.1f}",
        "base-tau": f"{p['base']['tau']:.0f}",
        "base-r-min": f"{p['base']['r'] / 60:.0f}",
        "base-lost": f"{100 * p['base']['lost']:.1f}",
        "base-goodput": f"{100 * (1 - p['base']['lost']):.1f}",
        "fast-c": f"{p['fast']['c']:.0f}",
        "fast-tau": f"{p['fast']['tau']:.0f}",
        "fast-r-min": f"{p['fast']['r'] / 60:.0f}",
        "fast-lost": f"{100 * p['fast']['lost']:.1f}",
        "fast-goodput": f"{100 * (1 - p['fast']['lost']):.1f}",
        "params-t2": f"{PARAMS / 1e9:.0f}",
        "tokens-t": f"{LLAMA['tokens'] / 1e12:.1f}",
        "train-flop": sci(train_flop),
        "mfu": f"{100 * MFU:.0f}",
        "peak-tflops": f"{PEAK_TFLOPS}",
        "compute-days": f"{compute_days:.1f}",
        "base-days": f"{base_days:.1f}",
        "fast-days": f"{fast_days:.1f}",
        "price": f"{PRICE:.2f}",
        "fleet-hour": f"{fleet_hour:,.0f}",
        "saved-days": f"{base_days - fast_days:.1f}",
        "saved-musd": f"{(base_days - fast_days) * 24 * fleet_hour / 1e6:.1f}",
        "base-ckpt-loss": f"{100 * math.sqrt(2 * write_s / m):.2f}",
        "fast-ckpt-loss": f"{100 * math.sqrt(2 * FAST_C_S / m):.2f}",
        "daly-ex1": f"{c.daly_interval(DALY_DUMP_MIN, DALY_EXAMPLES[0][0]):.0f}",
        "daly-ex2": f"{c.daly_interval(DALY_DUMP_MIN, DALY_EXAMPLES[1][0]):.0f}",
        "daly-ex3": f"{c.daly_interval(DALY_DUMP_MIN, DALY_EXAMPLES[2][0]):.1f}",
        "daly-m1-h": f"{DALY_EXAMPLES[0][0] // 60}",
        "daly-m2-h": f"{DALY_EXAMPLES[1][0] // 60}",
        "daly-m3-min": f"{DALY_EXAMPLES[2][0]}",
        "daly-dump-min": f"{DALY_DUMP_MIN}",
        "shard-mb": f"{ckpt / DEVICES / 1e6:.0f}",
        "write-s-again": f"{write_s:.1f}",
        "persist-every": f"{PERSIST_EVERY}",
        "node-shard-gb": f"{ckpt / (DEVICES / NODE_SIZE) / 1e9:.2f}",
        "repair-days": f"{REPAIR_DAYS}",
        "failures-day-again": f"{failures:.2f}",
        "spare-nodes": f"{spares}",
        "spare-share": f"{100 * spares * NODE_SIZE / DEVICES:.2f}",
        "slow-pct": f"{100 * SLOW:.0f}",
        "devices-again": f"{DEVICES:,}",
        "slow-equivalent": f"{SLOW * DEVICES:,.0f}",
        "kept-ckpts": f"{kept}",
        "kept-tb": f"{kept * ckpt / 1e12:.1f}",
        "llama-sdc": f"{LLAMA['sdc']}",
        "spare-share-again": f"{100 * spares * NODE_SIZE / DEVICES:.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


@pytest.mark.parametrize("mtbf_min, published", DALY_EXAMPLES)
def test_daly_formula_reproduces_the_optima_in_his_paper(mtbf_min, published):
    assert ck().daly_interval(DALY_DUMP_MIN, mtbf_min) == pytest.approx(published, abs=0.5 if published > 10 else 0.05)


def test_young_and_daly_are_near_the_numerical_optimum_of_the_exact_model():
    """Minimise Daly's exact expected wall time over a grid; both approximations land close."""
    c = ck()
    m, write_s, _ = plans()
    grid = np.linspace(100, 3000, 29_001)
    walls = [c.expected_wall_time(1e7, t, write_s, COLD_RESTART_S, m) for t in grid]
    best = grid[int(np.argmin(walls))]
    assert abs(c.daly_interval(write_s, m) - best) / best < 0.01
    assert abs(c.young_interval(write_s, m) - best) / best < 0.05


def test_the_first_order_goodput_agrees_with_the_exact_model_within_a_point():
    c = ck()
    m, _, p = plans()
    for plan in p.values():
        exact = 1e7 / c.expected_wall_time(1e7, plan["tau"], plan["c"], plan["r"], m)
        assert abs(exact - (1 - plan["lost"])) < 0.01


def test_simulated_goodput_matches_the_exact_model():
    """Monte Carlo with exponential failures (fixed seed); tolerance from the spread of 8 runs."""
    c = ck()
    m, _, p = plans()
    rng = np.random.default_rng(1)
    for plan in p.values():
        runs = [c.simulate_goodput(plan["tau"], plan["c"], plan["r"], m, 5e6, rng) for _ in range(8)]
        exact = 5e6 / c.expected_wall_time(5e6, plan["tau"], plan["c"], plan["r"], m)
        se = np.std(runs, ddof=1) / math.sqrt(len(runs))
        assert abs(np.mean(runs) - exact) < 4 * se + 1e-3


def test_failures_per_day_by_simulating_device_lifetimes():
    """Draw exponential lifetimes for every device over many days and count failures per day."""
    rng = np.random.default_rng(2)
    days = 200
    counts = rng.poisson(DEVICES * 24 * days / DEVICE_MTBF_H)  # superposition of Poisson processes
    per_day = counts / days
    expected = ck().failures_per_day(DEVICES, DEVICE_MTBF_H)
    assert abs(per_day - expected) < 4 * math.sqrt(expected / days)
    first = rng.exponential(DEVICE_MTBF_H, size=(400, DEVICES)).min(axis=1)  # first failure of the job
    assert abs(first.mean() * 3600 - ck().system_mtbf(DEVICES, DEVICE_MTBF_H)) < 4 * first.std() * 3600 / 20


def test_poisson_quantile_against_sampling():
    rng = np.random.default_rng(3)
    mean = ck().failures_per_day(DEVICES, DEVICE_MTBF_H) * REPAIR_DAYS
    k = ck().poisson_quantile(mean, SPARE_QUANTILE)
    draws = rng.poisson(mean, size=200_000)
    assert (draws <= k).mean() >= SPARE_QUANTILE - 0.002
    assert (draws <= k - 1).mean() < SPARE_QUANTILE


def test_fast_plan_meets_the_goodput_target_and_the_upload_fits_the_interval():
    m, write_s, p = plans()
    assert 1 - p["fast"]["lost"] >= GOODPUT_TARGET / 100 > 1 - p["base"]["lost"]
    assert write_s < PERSIST_EVERY * p["fast"]["tau"]
