"""Failures, checkpoint interval and goodput of a large synchronous training job (times in seconds)."""

import math

import numpy as np


def failures_per_day(devices: int, device_mtbf_hours: float) -> float:
    """Independent failures: the job fails whenever any device does, at devices / MTBF per hour."""
    return devices * 24 / device_mtbf_hours


def system_mtbf(devices: int, device_mtbf_hours: float) -> float:
    """Mean time between job interruptions, in seconds."""
    return device_mtbf_hours * 3600 / devices


def young_interval(checkpoint_cost: float, mtbf: float) -> float:
    """Young (1974): compute time between checkpoints that minimises the expected waste, first order."""
    return math.sqrt(2 * checkpoint_cost * mtbf)


def daly_interval(checkpoint_cost: float, mtbf: float) -> float:
    """Daly (2006): the higher-order estimate; for a checkpoint costing 2 * MTBF or more, use MTBF."""
    if checkpoint_cost >= 2 * mtbf:
        return mtbf
    x = checkpoint_cost / (2 * mtbf)
    return math.sqrt(2 * checkpoint_cost * mtbf) * (1 + math.sqrt(x) / 3 + x / 9) - checkpoint_cost


def waste_fraction(interval: float, checkpoint_cost: float, restart: float, mtbf: float) -> float:
    """First-order share of wall-clock time lost: writing checkpoints, recomputing half an interval
    on average after each failure, and restarting."""
    return checkpoint_cost / interval + (interval / 2 + restart) / mtbf


def expected_wall_time(work: float, interval: float, checkpoint_cost: float, restart: float, mtbf: float):
    """Daly's full model with exponential failures: the expected wall-clock time to finish `work`
    seconds of computation, checkpointing after every `interval` seconds of it."""
    segment = interval + checkpoint_cost
    return mtbf * math.exp(restart / mtbf) * (math.exp(segment / mtbf) - 1) * work / interval


def simulate_goodput(interval, checkpoint_cost, restart, mtbf, work, rng) -> float:
    """Monte Carlo: run segments of `interval` compute + a checkpoint write; a failure (exponential
    inter-arrival times) loses the segment in progress and costs a restart. Returns work / wall time."""
    wall, done = 0.0, 0.0
    next_failure = rng.exponential(mtbf)
    while done < work:
        segment = interval + checkpoint_cost
        if wall + segment <= next_failure:
            wall += segment
            done += interval
            continue
        wall = next_failure  # the partial segment is lost; now restart
        while True:
            next_failure = wall + rng.exponential(mtbf)
            if next_failure >= wall + restart:
                wall += restart
                break
            wall = next_failure  # failed again during the restart: start it over
    return work / wall


def poisson_quantile(mean: float, q: float) -> int:
    """Smallest k with P(Poisson(mean) <= k) >= q: how many spares cover the failures in flight."""
    k, term = 0, math.exp(-mean)
    cumulative = term
    while cumulative < q:
        k += 1
        term *= mean / k
        cumulative += term
    return k


if __name__ == "__main__":
    m = system_mtbf(16_384, 50_000)
    print(f"{failures_per_day(16_384, 50_000):.2f} failures/day, system MTBF {m / 60:.0f} min")
    for cost in (24.3, 1.0):
        tau = young_interval(cost, m)
        print(
            f"C={cost}s: Young {tau:.0f}s, Daly {daly_interval(cost, m):.0f}s, "
            f"waste {100 * waste_fraction(tau, cost, 0, m):.2f} %"
        )
    rng = np.random.default_rng(0)
    print(f"simulated goodput {simulate_goodput(731, 24.3, 600, m, 3e7, rng):.3f}")
