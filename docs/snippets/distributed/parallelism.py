"""Pipeline schedules (GPipe, 1F1B) simulated step by step, and a Megatron-style tensor-parallel MLP."""

import numpy as np


def stage_order(stage, stages, micro, schedule):
    """The fixed order of forward ('F', i) and backward ('B', i) passes one pipeline stage runs."""
    if schedule == "gpipe":  # all forwards, then all backwards (a pipeline flush)
        return [("F", i) for i in range(micro)] + [("B", i) for i in range(micro)]
    warmup = min(stages - stage - 1, micro)  # 1F1B: a few forwards, then alternate, then drain
    order = [("F", i) for i in range(warmup)]
    for i in range(micro - warmup):
        order += [("F", warmup + i), ("B", i)]
    return order + [("B", i) for i in range(micro - warmup, micro)]


def simulate(stages, micro, schedule, t_fwd=1.0, t_bwd=2.0):
    """Start every pass as soon as its stage is free and its input has arrived.

    F(i) on stage s needs F(i) on stage s-1; B(i) on stage s needs B(i) on stage s+1 (the last stage
    needs its own F(i)). Returns (bubble fraction, peak micro-batches whose activations a stage holds).
    """
    orders = [stage_order(s, stages, micro, schedule) for s in range(stages)]
    done, nxt, free = {}, [0] * stages, [0.0] * stages
    held, peak = [0] * stages, [0] * stages
    while any(nxt[s] < len(orders[s]) for s in range(stages)):
        progressed = False
        for s in range(stages):
            if nxt[s] == len(orders[s]):
                continue
            kind, i = orders[s][nxt[s]]
            dep = (("F", i, s - 1) if s > 0 else None) if kind == "F" else ("B", i, s + 1)
            if kind == "B" and s == stages - 1:
                dep = ("F", i, s)
            if dep is not None and dep not in done:
                continue
            start = max(free[s], done[dep] if dep else 0.0)
            free[s] = done[(kind, i, s)] = start + (t_fwd if kind == "F" else t_bwd)
            held[s] += 1 if kind == "F" else -1
            peak[s] = max(peak[s], held[s])
            nxt[s] += 1
            progressed = True
        if not progressed:
            raise RuntimeError("schedule deadlocked")
    makespan = max(free)
    busy = micro * (t_fwd + t_bwd)
    return 1 - busy / makespan, peak


def bubble_fraction(stages, micro):
    """Idle share of each device's time for uniform stages: (p - 1) / (m + p - 1)."""
    return (stages - 1) / (micro + stages - 1)


def tensor_parallel_mlp(x, w1, w2, shards):
    """Megatron MLP on `shards` devices: W1 split by columns, W2 by rows, one all-reduce (a sum) at the end.

    Each device computes gelu(x @ W1[:, cols]) @ W2[cols, :] with no communication; the partial outputs
    are summed. The non-linearity is applied per column, so splitting W1 by columns is exact.
    """
    cols = np.array_split(np.arange(w1.shape[1]), shards)
    partial = [gelu(x @ w1[:, c]) @ w2[c, :] for c in cols]
    return np.sum(partial, axis=0)


def gelu(z):
    return 0.5 * z * (1 + np.tanh(np.sqrt(2 / np.pi) * (z + 0.044715 * z**3)))


if __name__ == "__main__":
    for m in (8, 32, 64):
        bubble, peak = simulate(8, m, "gpipe")
        print(f"p=8, m={m}: GPipe bubble {bubble:.3f} (formula {bubble_fraction(8, m):.3f}), stage-0 holds {peak[0]}")
        bubble, peak = simulate(8, m, "1f1b")
        print(f"           1F1B  bubble {bubble:.3f}, stage-0 holds {peak[0]}")
