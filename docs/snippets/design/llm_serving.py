"""Capacity plan for serving a dense decoder-only LLM: KV-cache budget, decode roofline, fleet size.

Every rate is a *sustained* one (peak x utilisation): measure it on the real model before buying.
"""

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Model:
    params: float  # parameters
    layers: int
    kv_heads: int
    head_dim: int
    bytes_per_value: int = 2  # bf16 weights and cache

    def weight_bytes(self) -> float:
        return self.params * self.bytes_per_value

    def kv_bytes_per_token(self) -> int:
        """Keys and values (the 2) for every layer and KV head."""
        return 2 * self.layers * self.kv_heads * self.head_dim * self.bytes_per_value

    def flops_per_token(self) -> float:
        """Matrix work of one token through the weights (attention over the context ignored)."""
        return 2 * self.params


@dataclass(frozen=True)
class Node:
    devices: int
    hbm_bytes: float  # per device
    flops: float  # sustained FLOP/s per device
    bandwidth: float  # sustained bytes/s per device
    reserve: float = 0.1  # share of HBM kept for activations, buffers and fragmentation

    def kv_budget(self, model: Model) -> float:
        return self.devices * self.hbm_bytes * (1 - self.reserve) - model.weight_bytes()


def max_sequences(model: Model, node: Node, tokens_per_sequence: float) -> int:
    """Concurrent sequences whose caches fit in the node's KV budget."""
    return int(node.kv_budget(model) // (model.kv_bytes_per_token() * tokens_per_sequence))


def decode_step(model: Model, node: Node, batch: int, live_tokens: float, tokens_per_seq: int = 1):
    """Roofline time of one decode step: (step, compute, memory) in seconds.

    Every weight is read once per step; each sequence's cache (live_tokens long) is read once;
    each sequence pushes tokens_per_seq tokens through the weights (1 normally, gamma + 1 when
    verifying speculative drafts).
    """
    compute = model.flops_per_token() * batch * tokens_per_seq / (node.devices * node.flops)
    memory = (model.weight_bytes() + batch * live_tokens * model.kv_bytes_per_token()) / (node.devices * node.bandwidth)
    return max(compute, memory), compute, memory


def prefill_seconds(model: Model, node: Node, prompt_tokens: float) -> float:
    """Compute-bound prefill of one prompt on the whole node (tensor parallel)."""
    return model.flops_per_token() * prompt_tokens / (node.devices * node.flops)


def largest_chunk(model: Model, node: Node, batch: int, live_tokens: float, tpot_target: float) -> int:
    """Prefill tokens that can ride along one decode step (chunked prefill) while the step stays
    within the time-per-output-token target. The chunk adds compute, and next to nothing to memory."""
    _, compute, memory = decode_step(model, node, batch, live_tokens)
    spare = tpot_target - compute
    if memory > tpot_target or spare <= 0:
        return 0
    return math.floor(spare * node.devices * node.flops / model.flops_per_token())


def free_chunk(model: Model, node: Node, batch: int, live_tokens: float) -> int:
    """Prefill tokens a memory-bound decode step absorbs without getting longer at all."""
    _, compute, memory = decode_step(model, node, batch, live_tokens)
    return max(0, math.floor((memory - compute) * node.devices * node.flops / model.flops_per_token()))


def speculation_break_even(model: Model, node: Node, live_tokens: float, gamma: int) -> float:
    """Batch size at which verifying gamma + 1 tokens per sequence stops being free: its compute
    time equals the step's memory time. Below it the step is memory-bound even with drafts."""
    per_seq_compute = (gamma + 1) * model.flops_per_token() / (node.devices * node.flops)
    per_seq_memory = live_tokens * model.kv_bytes_per_token() / (node.devices * node.bandwidth)
    weights_time = model.weight_bytes() / (node.devices * node.bandwidth)
    return weights_time / (per_seq_compute - per_seq_memory)


def nodes_for(load: float, capacity_per_node: float, target_utilisation: float) -> int:
    return math.ceil(load / (capacity_per_node * target_utilisation))


if __name__ == "__main__":
    model = Model(params=70e9, layers=80, kv_heads=8, head_dim=128)
    node = Node(devices=8, hbm_bytes=80e9, flops=0.5 * 989e12, bandwidth=0.8 * 3.35e12)
    live = 2000 + 400 / 2
    batch = max_sequences(model, node, live)
    step, compute, memory = decode_step(model, node, batch, live)
    print(f"KV per token {model.kv_bytes_per_token()} B; {batch} sequences fit; step {step * 1e3:.1f} ms")
    print(
        f"decode {batch / step:,.0f} tokens/s per node; prefill of 2,000 tokens "
        f"{prefill_seconds(model, node, 2000) * 1e3:.0f} ms"
    )
    print(f"speculation pays below ~{speculation_break_even(model, node, live, 4):.0f} sequences")
