"""Back-of-the-envelope helpers shared by the design answers (all sizes in bytes)."""

import math

SECONDS_PER_DAY = 86_400


def average_qps(daily_users: float, requests_per_user: float) -> float:
    return daily_users * requests_per_user / SECONDS_PER_DAY


def peak_qps(daily_users: float, requests_per_user: float, peak_factor: float) -> float:
    return average_qps(daily_users, requests_per_user) * peak_factor


def vector_bytes(n: float, dim: int, bytes_per_value: float = 4) -> float:
    """Raw embedding table: n vectors x dim values x bytes per value."""
    return n * dim * bytes_per_value


def hnsw_bytes(n: float, dim: int, m: int, bytes_per_value: float = 4, id_bytes: int = 4) -> float:
    """Vectors plus the bottom layer's 2*M neighbour ids per node (upper layers add ~1/M more)."""
    return n * (dim * bytes_per_value + 2 * m * id_bytes)


def ivf_pq_bytes(n: float, code_bytes: int, nlist: int, dim: int, id_bytes: int = 8) -> float:
    """PQ codes and ids in the inverted lists, plus float32 coarse centroids."""
    return n * (code_bytes + id_bytes) + nlist * dim * 4


def machines_for(total_bytes: float, usable_bytes_per_machine: float) -> int:
    return math.ceil(total_bytes / usable_bytes_per_machine)


def prob_any_slow(shards: int, p_slow: float) -> float:
    """Chance that a query fanned out to every shard waits for at least one slow reply."""
    return 1.0 - (1.0 - p_slow) ** shards


def gpus_needed(gpu_hours_per_day: float, utilisation: float) -> int:
    return math.ceil(gpu_hours_per_day / 24.0 / utilisation)


def devices_for(items_per_s: float, flop_per_item: float, flop_per_s_per_device: float) -> int:
    """Devices a load needs, from the model's cost per item and one device's sustained FLOP/s.

    The sustained rate is an assumption (peak times utilisation) until measured on the real model.
    """
    return math.ceil(items_per_s * flop_per_item / flop_per_s_per_device)


def quantile_with_stalls(stage_ms: list[float], stall_ms: float, p_stall: float, q: float = 0.99) -> float:
    """Exact q-quantile of end-to-end latency when each stage takes a fixed time and, independently
    of the others, stalls for an extra stall_ms with probability p_stall."""
    n, cumulative = len(stage_ms), 0.0
    for stalls in range(n + 1):
        cumulative += math.comb(n, stalls) * p_stall**stalls * (1.0 - p_stall) ** (n - stalls)
        if cumulative >= q:
            return sum(stage_ms) + stalls * stall_ms
    return sum(stage_ms) + n * stall_ms


if __name__ == "__main__":
    print(f"{peak_qps(1e9, 20, 3):.3g} peak requests/s")
    print(f"{vector_bytes(1e9, 256) / 1e12:.3g} TB of float32 item embeddings")
    print(f"{prob_any_slow(10, 0.01):.4f}")
    print(devices_for(peak_qps(1e9, 20, 3) * 200, 5e7, 1e14), "accelerators for the heavy ranker")
    print(quantile_with_stalls([30, 20, 40, 80, 10, 20], 60, 0.009), "ms end-to-end p99, not 200")
