"""ZeRO memory per device, and a sharded Adam step that equals the replicated one."""

import numpy as np

WEIGHTS, GRADS, OPTIMISER = 2, 2, 12  # bytes per parameter: bf16 weights, bf16 grads, fp32 master + m + v


def bytes_per_device(params, devices, stage):
    """Model-state memory (no activations) for data parallelism (stage 0) and ZeRO stages 1-3."""
    weights = WEIGHTS * params / (devices if stage >= 3 else 1)
    grads = GRADS * params / (devices if stage >= 2 else 1)
    optimiser = OPTIMISER * params / (devices if stage >= 1 else 1)
    return weights + grads + optimiser


def adam(master, m, v, grad, step, lr=1e-3, b1=0.9, b2=0.999, eps=1e-8):
    m = b1 * m + (1 - b1) * grad
    v = b2 * v + (1 - b2) * grad**2
    update = lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + eps)
    return master - update, m, v


def replicated_step(master, m, v, local_grads, step):
    """Plain data parallelism: all-reduce (average) the gradients, every rank updates everything."""
    grad = np.mean(local_grads, axis=0)
    return adam(master, m, v, grad, step)


def zero2_step(shards, local_grads, step):
    """ZeRO stage 2: reduce-scatter gradients so rank r owns the averaged gradient of its partition,
    update only that partition of the fp32 master weights and Adam moments, then all-gather the
    new weights. `shards[r]` is (indices, master, m, v) for rank r."""
    devices = len(shards)
    new_shards, gathered = [], np.empty(local_grads.shape[1], dtype=local_grads.dtype)
    for r in range(devices):
        idx, master, m, v = shards[r]
        grad = sum(local_grads[q, idx] for q in range(devices)) / devices  # reduce-scatter
        master, m, v = adam(master, m, v, grad, step)
        new_shards.append((idx, master, m, v))
        gathered[idx] = master  # all-gather (each rank then casts to bf16 for the next forward)
    return new_shards, gathered


def shard(master, devices):
    parts = np.array_split(np.arange(master.size), devices)
    return [(idx, master[idx].copy(), np.zeros(idx.size), np.zeros(idx.size)) for idx in parts]


if __name__ == "__main__":
    for devices in (8, 64):
        row = [bytes_per_device(7e9, devices, stage) / 1e9 for stage in range(4)]
        print(f"7B on {devices}: DP {row[0]:.1f} GB, ZeRO-1 {row[1]:.2f}, ZeRO-2 {row[2]:.2f}, ZeRO-3 {row[3]:.2f}")
