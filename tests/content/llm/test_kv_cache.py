"""questions/llm/kv-cache.md: cache sizes for Llama-2-like configurations, the decode roofline,
paged allocation and speculative sampling."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/kv-cache.md"
kv = load_snippet("llm/kv_cache.py")

LAYERS, HEADS, HEAD_DIM, FP16, TOKENS, BATCH = 32, 32, 128, 2, 4096, 16
GQA_HEADS, MQA_HEADS = 8, 1
L70, H70, KV70 = 80, 64, 8
PEAK_FLOPS, BANDWIDTH = 989e12, 3.35e12  # H100 SXM: dense bf16 and HBM3, NVIDIA's figures
HBM_BYTES = 80e9
PROMPT = 2048
USED, RESERVED, BLOCK = 1000, 4096, 16
ALPHA, GAMMA, DRAFT_COST = 0.8, 4, 0.05
KIB, MIB, GIB = 2**10, 2**20, 2**30


def llama2_7b_params() -> int:
    layers, d, ffn, vocab = 32, 4096, 11008, 32_000
    return 2 * vocab * d + layers * (4 * d * d + 3 * d * ffn + 2 * d) + d


def explicit_cache_bytes(layers, kv_heads, head_dim, tokens, batch):
    """Allocate the cache as arrays, as an inference loop would, and count the bytes."""
    keys = np.zeros((layers, batch, kv_heads, tokens, head_dim), dtype=np.float16)
    values = np.zeros_like(keys)
    return keys.nbytes + values.nbytes


def test_formula_matches_allocated_arrays():
    for layers, heads, dim, tokens, batch in [(2, 4, 8, 16, 3), (3, 1, 16, 5, 2), (4, 2, 4, 7, 1)]:
        assert kv.kv_cache_bytes(layers, heads, dim, tokens, batch) == explicit_cache_bytes(
            layers, heads, dim, tokens, batch
        )


def test_speculative_sampling_reproduces_the_target_distribution():
    """The emitted first token must be distributed exactly as p, whatever the draft q."""
    rng = np.random.default_rng(0)
    p = np.array([0.5, 0.2, 0.2, 0.1])
    q = np.array([0.25, 0.25, 0.25, 0.25])
    trials = 40_000
    first = np.bincount([kv.speculative_step(p, q, 3, rng)[0] for _ in range(trials)], minlength=4) / trials
    tolerance = 5 * np.sqrt(p * (1 - p) / trials)
    assert np.all(np.abs(first - p) < tolerance), first


def test_expected_tokens_matches_simulation():
    """With p and q such that sum(min(p, q)) = alpha, the mean tokens per round is the closed form."""
    rng = np.random.default_rng(1)
    p = np.array([0.6, 0.3, 0.1])
    q = np.array([0.4, 0.4, 0.2])
    alpha = float(np.minimum(p, q).sum())
    trials = 20_000
    mean = np.mean([len(kv.speculative_step(p, q, GAMMA, rng)) for _ in range(trials)])
    assert math.isclose(alpha, 0.8)
    assert abs(mean - kv.expected_tokens_per_pass(alpha, GAMMA)) < 0.03


def expected_values() -> dict[str, str]:
    params = llama2_7b_params()
    weights = 2 * params
    per_token = kv.kv_cache_bytes(LAYERS, HEADS, HEAD_DIM, 1)
    per_seq = kv.kv_cache_bytes(LAYERS, HEADS, HEAD_DIM, TOKENS)
    per_seq_gqa = kv.kv_cache_bytes(LAYERS, GQA_HEADS, HEAD_DIM, TOKENS)
    attn_flops = 4 * LAYERS * TOKENS * HEADS * HEAD_DIM * BATCH  # q.k and weights.v over the whole context
    step, compute, _ = kv.decode_step_seconds(params, BATCH * per_seq, BATCH, PEAK_FLOPS, BANDWIDTH, attn_flops)
    step_gqa, *_ = kv.decode_step_seconds(params, BATCH * per_seq_gqa, BATCH, PEAK_FLOPS, BANDWIDTH, attn_flops)
    step1, *_ = kv.decode_step_seconds(params, 0, 1, PEAK_FLOPS, BANDWIDTH)
    blocks = math.ceil(USED / BLOCK)
    speedup = kv.expected_tokens_per_pass(ALPHA, GAMMA) / (1 + GAMMA * DRAFT_COST)
    return {
        "layers": str(LAYERS),
        "heads": str(HEADS),
        "head-dim": str(HEAD_DIM),
        "bytes": str(FP16),
        "tokens": f"{TOKENS:,}",
        "per-token": f"{per_token:,}",
        "per-token-kib": f"{per_token / KIB:.0f}",
        "per-seq": f"{per_seq / GIB:.0f}",
        "batch": str(BATCH),
        "per-batch": f"{BATCH * per_seq / GIB:.0f}",
        "params": f"{params / 1e9:.2f}",
        "weights": f"{weights / 1e9:.1f}",
        "hbm": f"{HBM_BYTES / 1e9:.0f}",
        "max-seqs": str(int((HBM_BYTES - weights) // per_seq)),
        "gqa-heads": str(GQA_HEADS),
        "gqa-per-token": f"{kv.kv_cache_bytes(LAYERS, GQA_HEADS, HEAD_DIM, 1) / KIB:.0f}",
        "gqa-per-seq": f"{per_seq_gqa / MIB:.0f}",
        "gqa-factor": f"{HEADS // GQA_HEADS}",
        "mqa-per-token": f"{kv.kv_cache_bytes(LAYERS, MQA_HEADS, HEAD_DIM, 1) / KIB:.0f}",
        "mqa-per-seq": f"{kv.kv_cache_bytes(LAYERS, MQA_HEADS, HEAD_DIM, TOKENS) / MIB:.0f}",
        "l70-layers": str(L70),
        "l70-heads": str(H70),
        "l70-kv": str(KV70),
        "l70-per-token": f"{kv.kv_cache_bytes(L70, KV70, HEAD_DIM, 1) / KIB:.0f}",
        "l70-per-seq": f"{kv.kv_cache_bytes(L70, KV70, HEAD_DIM, TOKENS) / GIB:.2f}",
        "l70-mha-per-seq": f"{kv.kv_cache_bytes(L70, H70, HEAD_DIM, TOKENS) / GIB:.0f}",
        "peak": f"{PEAK_FLOPS / 1e12:.0f}",
        "bandwidth": f"{BANDWIDTH / 1e12:.2f}",
        "ridge": f"{PEAK_FLOPS / BANDWIDTH:.0f}",
        "step-b1": f"{step1 * 1e3:.2f}",
        "tps-b1": f"{1 / step1:.0f}",
        "kv-read": f"{BATCH * per_seq / 1e9:.1f}",
        "step-b16": f"{step * 1e3:.1f}",
        "compute-b16": f"{compute * 1e3:.2f}",
        "memory-bound-factor": f"{step / compute:.0f}",
        "tps-b16": f"{BATCH / step:,.0f}",
        "kv-read-gqa": f"{BATCH * per_seq_gqa / 1e9:.2f}",
        "step-gqa": f"{step_gqa * 1e3:.2f}",
        "tps-gqa": f"{BATCH / step_gqa:,.0f}",
        "prompt": f"{PROMPT:,}",
        "prefill-ms": f"{2 * params * PROMPT / PEAK_FLOPS * 1e3:.1f}",
        "used": f"{USED:,}",
        "reserved": f"{RESERVED:,}",
        "reserved-waste": f"{RESERVED - USED:,}",
        "reserved-waste-pct": f"{(RESERVED - USED) / RESERVED * 100:.1f} %",
        "block": str(BLOCK),
        "blocks": str(blocks),
        "block-slots": f"{blocks * BLOCK:,}",
        "block-waste": str(blocks * BLOCK - USED),
        "block-waste-pct": f"{(blocks * BLOCK - USED) / (blocks * BLOCK) * 100:.1f} %",
        "alpha": f"{ALPHA}",
        "gamma": str(GAMMA),
        "accepted": f"{kv.expected_tokens_per_pass(ALPHA, GAMMA):.2f}",
        "draft-cost": f"{DRAFT_COST}",
        "speedup": f"{speedup:.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
