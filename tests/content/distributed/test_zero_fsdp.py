"""questions/distributed/zero-fsdp.md: model-state memory per device for a 7B model on 8 and 64 devices,
communication volumes, and a sharded Adam step checked against the replicated one."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/distributed/zero-fsdp.md"
zero = load_snippet("distributed/zero.py")

PARAMS = 7e9
FEW, MANY = 8, 64
BLOCK_PARAMS = 4 * 4096**2 + 3 * 4096 * 11008 + 2 * 4096  # one Llama-2-7B decoder layer


def counted_bytes(params, devices, stage):
    """Allocate each rank's arrays as that stage keeps them and count their bytes (scaled down by 1e3)."""
    n = int(params / 1e3)
    full, part = n, n // devices
    arrays = [np.zeros(full if stage < 3 else part, dtype=np.float16)]  # bf16 weights
    arrays.append(np.zeros(full if stage < 2 else part, dtype=np.float16))  # bf16 gradients
    arrays += [np.zeros(full if stage < 1 else part, dtype=np.float32) for _ in range(3)]  # master, m, v
    return sum(a.nbytes for a in arrays) * 1e3


def test_formula_matches_counted_arrays():
    for devices in (FEW, MANY):
        for stage in range(4):
            assert zero.bytes_per_device(PARAMS, devices, stage) == counted_bytes(PARAMS, devices, stage)


def test_sharded_step_equals_replicated_step():
    rng = np.random.default_rng(0)
    devices, size = 8, 103  # a size that does not divide evenly
    master = rng.normal(size=size)
    m, v = np.zeros(size), np.zeros(size)
    shards = zero.shard(master, devices)
    for step in range(1, 6):
        local_grads = rng.normal(size=(devices, size))
        master, m, v = zero.replicated_step(master, m, v, local_grads, step)
        shards, gathered = zero.zero2_step(shards, local_grads, step)
        np.testing.assert_allclose(gathered, master, rtol=1e-12, atol=1e-12)


def gb(x: float) -> str:
    return f"{x / 1e9:.2f}"


def expected_values() -> dict[str, str]:
    ring = {n: 2 * (n - 1) / n * zero.GRADS * PARAMS for n in (FEW, MANY)}
    values = {
        "params": f"{PARAMS / 1e9:.0f}",
        "baseline": f"{zero.bytes_per_device(PARAMS, 1, 0) / 1e9:.0f}",
        "few": str(FEW),
        "many": str(MANY),
        "comm-dp": f"{ring[MANY] / 1e9:.1f}",
        "comm-z3": f"{1.5 * ring[MANY] / 1e9:.1f}",
        "block-params": f"{BLOCK_PARAMS / 1e6:.0f}",
        "block-gathered": f"{zero.WEIGHTS * BLOCK_PARAMS / 1e6:.0f}",
    }
    for devices, tag in ((FEW, "8"), (MANY, "64")):
        for stage in (1, 2, 3):
            values[f"z{stage}-{tag}"] = gb(zero.bytes_per_device(PARAMS, devices, stage))
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
