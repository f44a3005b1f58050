"""questions/design/llm-serving.md: the KV-cache budget and how many sequences fit (contiguous at the
maximum context versus paged at the live length), the decode roofline per node, prefill capacity and
TTFT, chunked-prefill and speculative-decoding thresholds, the fleet for the stated traffic and its
cost; all computed by the page's snippet and cross-checked against explicit arrays and a brute-force
step-by-step batch simulation."""

import math

import numpy as np

from tests.content.design.common import grouped
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/llm-serving.md"
PARAMS, LAYERS, Q_HEADS, KV_HEADS, HEAD_DIM, BYTES = 70e9, 80, 64, 8, 128, 2
PEAK_RPS, PROMPT, OUTPUT, MAX_CONTEXT = 100, 2000, 400, 8192
TTFT_TARGET_S, TPOT_TARGET_MS = 1, 50
DEVICES, HBM_GB, PEAK_TFLOPS, BANDWIDTH_TBS = 8, 80, 989, 3.35  # H100 SXM, NVIDIA's figures
MFU, BW_EFFICIENCY, RESERVE = 0.5, 0.8, 0.1  # our assumptions: measure them
TARGET_UTILISATION, SPARES, AVG_TO_PEAK, PRICE = 0.7, 2, 0.5, 2.50  # price: our estimate, 2026-11
GAMMA = 4
LONG_CONTEXT = 2**17
SECONDS_PER_DAY = 86_400


def snippet():
    return load_snippet("design/llm_serving.py")


def setup():
    s = snippet()
    model = s.Model(params=PARAMS, layers=LAYERS, kv_heads=KV_HEADS, head_dim=HEAD_DIM, bytes_per_value=BYTES)
    node = s.Node(
        devices=DEVICES,
        hbm_bytes=HBM_GB * 1e9,
        flops=MFU * PEAK_TFLOPS * 1e12,
        bandwidth=BW_EFFICIENCY * BANDWIDTH_TBS * 1e12,
        reserve=RESERVE,
    )
    return s, model, node


def live_tokens() -> float:
    """Mean cache length of a sequence being decoded: the prompt plus half the answer so far."""
    return PROMPT + OUTPUT / 2


def fleet(load_fraction: float) -> dict[str, int]:
    s, model, node = setup()
    live = live_tokens()
    batch = s.max_sequences(model, node, live)
    step, *_ = s.decode_step(model, node, batch, live)
    rps = PEAK_RPS * load_fraction
    prefill = s.nodes_for(rps * PROMPT, 1 / s.prefill_seconds(model, node, 1), TARGET_UTILISATION)
    decode = s.nodes_for(rps * OUTPUT, batch / step, TARGET_UTILISATION)
    return {"prefill": prefill, "decode": decode, "total": prefill + decode + SPARES}


def expected_values() -> dict[str, str]:
    s, model, node = setup()
    live = live_tokens()
    per_token = model.kv_bytes_per_token()
    budget = node.kv_budget(model)
    contiguous = s.max_sequences(model, node, MAX_CONTEXT)
    paged = s.max_sequences(model, node, live)
    step, compute, memory = s.decode_step(model, node, paged, live)
    c_step, *_ = s.decode_step(model, node, contiguous, live)  # reserved at 8k, but only live tokens read
    decode_rate, c_rate = paged / step, contiguous / c_step
    prefill_rate = 1 / s.prefill_seconds(model, node, 1)
    peak, mean = fleet(1.0), fleet(AVG_TO_PEAK)
    accelerators = peak["total"] * DEVICES
    per_hour = accelerators * PRICE
    mean_per_day = mean["total"] * DEVICES * PRICE * 24
    mean_output_per_day = PEAK_RPS * AVG_TO_PEAK * OUTPUT * SECONDS_PER_DAY
    small_step, *_ = s.decode_step(model, node, 1, live)
    values = {
        "q-params": f"{PARAMS / 1e9:.0f}",
        "q-peak-rps": f"{PEAK_RPS}",
        "q-prompt": f"{PROMPT:,}",
        "q-output": f"{OUTPUT}",
        "params": f"{PARAMS / 1e9:.0f}",
        "layers": f"{LAYERS}",
        "q-heads": f"{Q_HEADS}",
        "kv-heads": f"{KV_HEADS}",
        "head-dim": f"{HEAD_DIM}",
        "max-context": f"{MAX_CONTEXT:,}",
        "peak-rps": f"{PEAK_RPS}",
        "prompt": f"{PROMPT:,}",
        "output": f"{OUTPUT}",
        "ttft-target": f"{TTFT_TARGET_S}",
        "tpot-target": f"{TPOT_TARGET_MS}",
        "hbm": f"{HBM_GB}",
        "peak-tflops": f"{PEAK_TFLOPS}",
        "bandwidth": f"{BANDWIDTH_TBS}",
        "devices": f"{DEVICES}",
        "mfu": f"{100 * MFU:.0f}",
        "bw-eff": f"{100 * BW_EFFICIENCY:.0f}",
        "price": f"{PRICE:.2f}",
        "weights-gb": f"{model.weight_bytes() / 1e9:.0f}",
        "kv-formula": f"2 \\cdot {LAYERS} \\cdot {KV_HEADS} \\cdot {HEAD_DIM} \\cdot {BYTES}",
        "kv-per-token": grouped(per_token),
        "kv-per-token-kib": f"{per_token / 1024:.0f}",
        "kv-per-max-seq": f"{per_token * MAX_CONTEXT / 1e9:.2f}",
        "node-hbm": f"{DEVICES * HBM_GB}",
        "reserve": f"{100 * RESERVE:.0f}",
        "kv-budget": f"{budget / 1e9:.0f}",
        "seqs-contiguous": f"{contiguous}",
        "live-tokens": f"{live:,.0f}",
        "kv-per-live-seq": f"{per_token * live / 1e9:.2f}",
        "seqs-paged": f"{paged}",
        "step-memory": f"{memory * 1e3:.1f}",
        "step-compute": f"{compute * 1e3:.1f}",
        "decode-rate": f"{decode_rate:,.0f}",
        "tpot-at-full": f"{step * 1e3:.1f}",
        "step-contiguous": f"{c_step * 1e3:.1f}",
        "rate-contiguous": f"{c_rate:,.0f}",
        "paging-gain": f"{decode_rate / c_rate:.2f}",
        "prefill-rate": f"{prefill_rate:,.0f}",
        "ttft-compute": f"{s.prefill_seconds(model, node, PROMPT) * 1e3:.0f}",
        "prefill-load": f"{PEAK_RPS * PROMPT:,}",
        "decode-load": f"{PEAK_RPS * OUTPUT:,}",
        "utilisation": f"{100 * TARGET_UTILISATION:.0f}",
        "prefill-nodes": f"{peak['prefill']}",
        "decode-nodes": f"{peak['decode']}",
        "spares": f"{SPARES}",
        "total-nodes": f"{peak['total']}",
        "accelerators": f"{accelerators}",
        "cost-hour": f"{per_hour:,.0f}",
        "cost-day-peak": f"{per_hour * 24:,.0f}",
        "avg-to-peak": f"{AVG_TO_PEAK}",
        "mean-nodes": f"{mean['total']}",
        "cost-day-mean": f"{mean_per_day:,.0f}",
        "cost-per-million": f"{mean_per_day / (mean_output_per_day / 1e6):.2f}",
        "kv-transfer-mb": f"{per_token * PROMPT / 1e6:.0f}",
        "kv-transfer-gbs": f"{PEAK_RPS * per_token * PROMPT / 1e9:.1f}",
        "free-chunk": f"{s.free_chunk(model, node, paged, live)}",
        "largest-chunk": f"{s.largest_chunk(model, node, paged, live, TPOT_TARGET_MS / 1e3):,}",
        "gamma": f"{GAMMA}",
        "spec-break-even": f"{s.speculation_break_even(model, node, live, GAMMA):.0f}",
        "step-batch-one": f"{small_step * 1e3:.2f}",
        "rate-batch-one": f"{1 / small_step:.0f}",
        "batching-gain": f"{decode_rate * small_step:.0f}",
        "latency-cost": f"{step / small_step:.1f}",
    }
    values |= {
        "devices-summary": f"{DEVICES}",
        "tpot-rate": f"{1000 / TPOT_TARGET_MS:.0f}",
        "params-t": f"{PARAMS / 1e9:.0f}",
        "bytes-t": f"{BYTES}",
        "kv-per-token-t": grouped(per_token),
        "max-context-t": grouped(MAX_CONTEXT),
        "kv-budget-t": f"{budget / 1e9:.0f}",
        "kv-per-max-seq-t": f"{per_token * MAX_CONTEXT / 1e9:.2f}",
        "kv-budget-t2": f"{budget / 1e9:.0f}",
        "params-t2": f"{PARAMS / 1e9:.0f}",
        "peak-rps-t": f"{PEAK_RPS}",
        "prompt-t": grouped(PROMPT),
        "peak-rps-t2": f"{PEAK_RPS}",
        "output-t": f"{OUTPUT}",
        "prompt-ratio": f"{PROMPT / OUTPUT:.0f}",
        "total-nodes-again": f"{peak['total']}",
        "accelerators-again": f"{accelerators}",
        "seqs-contiguous-again": f"{contiguous}",
        "live-tokens-again": f"{live:,.0f}",
        "max-context-again": f"{MAX_CONTEXT:,}",
        "seqs-paged-again": f"{paged}",
        "decode-rate-again": f"{decode_rate:,.0f}",
        "weights-gb-again": f"{model.weight_bytes() / 1e9:.0f}",
        "utilisation-again": f"{100 * TARGET_UTILISATION:.0f}",
        "long-context": f"{LONG_CONTEXT:,}",
        "long-context-gb": f"{per_token * LONG_CONTEXT / 1e9:.1f}",
    }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_kv_bytes_match_allocated_arrays():
    """The per-token formula against a cache allocated as arrays (one layer block per layer)."""
    s, model, _ = setup()
    tokens = 3
    keys = np.zeros((LAYERS, KV_HEADS, tokens, HEAD_DIM), dtype=np.float16)
    assert 2 * keys.nbytes == model.kv_bytes_per_token() * tokens


def test_fits_exactly_and_one_more_sequence_does_not():
    s, model, node = setup()
    for tokens in (MAX_CONTEXT, live_tokens()):
        n = s.max_sequences(model, node, tokens)
        per_seq = model.kv_bytes_per_token() * tokens
        assert n * per_seq <= node.kv_budget(model) < (n + 1) * per_seq


def test_continuous_batching_by_simulation_matches_the_capacity_formula():
    """Step a batch token by token: requests join when a slot frees (continuous batching), each holds
    prompt + generated tokens of cache. With the node kept full, tokens per second of simulated time
    approach batch / step time computed from the mean live length."""
    s, model, node = setup()
    batch = s.max_sequences(model, node, live_tokens())
    rng = np.random.default_rng(0)
    generated = rng.integers(0, OUTPUT, size=batch)  # staggered start, as in steady state
    elapsed, emitted = 0.0, 0
    for _ in range(4 * OUTPUT):
        live = float(np.mean(PROMPT + generated))
        step, *_ = s.decode_step(model, node, batch, live)
        elapsed += step
        emitted += batch
        generated += 1
        generated[generated >= OUTPUT] = 0  # finished: a new request takes the slot next step
    rate = emitted / elapsed
    step_mean, *_ = s.decode_step(model, node, batch, live_tokens())
    assert math.isclose(rate, batch / step_mean, rel_tol=0.01)


def test_speculation_break_even_is_where_verification_becomes_compute_bound():
    s, model, node = setup()
    live = live_tokens()
    b = s.speculation_break_even(model, node, live, GAMMA)
    below, above = math.floor(b), math.ceil(b)
    _, c, m = s.decode_step(model, node, below, live, tokens_per_seq=GAMMA + 1)
    assert c <= m
    _, c, m = s.decode_step(model, node, above, live, tokens_per_seq=GAMMA + 1)
    assert c > m


def test_chunk_limits_respect_the_targets():
    s, model, node = setup()
    live = live_tokens()
    batch = s.max_sequences(model, node, live)
    step, compute, memory = s.decode_step(model, node, batch, live)
    per_token = model.flops_per_token() / (node.devices * node.flops)
    free = s.free_chunk(model, node, batch, live)
    assert compute + free * per_token <= memory < compute + (free + 1) * per_token
    largest = s.largest_chunk(model, node, batch, live, TPOT_TARGET_MS / 1e3)
    assert compute + largest * per_token <= TPOT_TARGET_MS / 1e3 < compute + (largest + 1) * per_token


def test_ttft_compute_is_well_inside_the_target():
    s, model, node = setup()
    assert s.prefill_seconds(model, node, PROMPT) < TTFT_TARGET_S / 10
