"""questions/distributed/jax-sharding.md: per-device shapes and replicas of PartitionSpecs on a mesh,
a shard_map-style matmul with psum, and shape bucketing against recompilation."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/distributed/jax-sharding.md"
sh = load_snippet("distributed/sharding.py")

TOY_MESH = {"x": 4, "y": 2}
TOY_SHAPE = (8, 16)
MESH = {"data": 16, "model": 8}
WEIGHT = (8192, 32768)
ACTS = (256, 2048, 8192)
MAX_LEN, STEP = 4096, 256
BF16, MIB = 2, 2**20


def test_blocks_tile_the_array_exactly_once_per_replica():
    rng = np.random.default_rng(0)
    array = rng.normal(size=TOY_SHAPE)
    for spec in [("x", "y"), ("x", None), (None, "y"), (None, None), (("x", "y"), None), (("y", "x"), None)]:
        blocks = sh.device_blocks(array, TOY_MESH, spec)
        coverage = np.zeros(TOY_SHAPE)
        for block in blocks.values():
            assert block.shape == sh.local_shape(TOY_SHAPE, TOY_MESH, spec)
        for coords, _ in blocks.items():  # mark which elements each device holds
            marker = np.zeros(TOY_SHAPE)
            view = sh.device_blocks(np.arange(array.size).reshape(TOY_SHAPE), TOY_MESH, spec)[coords]
            marker.flat[view.ravel()] = 1
            coverage += marker
        assert np.all(coverage == sh.replicas(TOY_MESH, spec)), spec


def test_uneven_split_is_rejected():
    with pytest.raises(ValueError):
        sh.local_shape((10, 16), TOY_MESH, ("x", None))


def test_shard_map_matmul_equals_the_full_product():
    rng = np.random.default_rng(1)
    a, b = rng.normal(size=(8, 16)), rng.normal(size=(16, 4))
    blocks = sh.shard_map_matmul(a, b, TOY_MESH)
    for (i, _), block in blocks.items():
        np.testing.assert_allclose(block, (a @ b)[2 * i : 2 * i + 2], atol=1e-12)


def test_bucketing_by_brute_force():
    for n in range(1, MAX_LEN + 1):
        pow2 = sh.bucket(n)
        assert pow2 >= n and pow2 & (pow2 - 1) == 0 and pow2 // 2 < n
        assert sh.bucket(n, STEP) % STEP == 0 and 0 <= sh.bucket(n, STEP) - n < STEP


def padding_waste(step):
    lengths = np.arange(1, MAX_LEN + 1)
    padded = np.array([sh.bucket(int(n), step) for n in lengths])
    return len(set(padded)), float((padded - lengths).sum() / padded.sum())


def expected_values() -> dict[str, str]:
    values = {
        "toy-x": str(TOY_MESH["x"]),
        "toy-y": str(TOY_MESH["y"]),
        "toy-shape": str(TOY_SHAPE),
    }
    toy_specs = {"xy": ("x", "y"), "x": ("x", None), "none": (None, None), "flat": (("x", "y"), None)}
    for tag, spec in toy_specs.items():
        shape = sh.local_shape(TOY_SHAPE, TOY_MESH, spec)
        values[f"toy-{tag}-shape"] = str(shape)
        values[f"toy-{tag}-rep"] = str(sh.replicas(TOY_MESH, spec))
    fsdp = sh.local_shape(WEIGHT, MESH, ("data", "model"))
    tp_only = sh.local_shape(WEIGHT, MESH, (None, "model"))
    acts = sh.local_shape(ACTS, MESH, ("data", None, None))
    pow2_shapes, pow2_waste = padding_waste(None)
    step_shapes, step_waste = padding_waste(STEP)
    values.update(
        {
            "mesh-data": str(MESH["data"]),
            "mesh-model": str(MESH["model"]),
            "devices": str(math.prod(MESH.values())),
            "w-shape": str(WEIGHT),
            "w-total": f"{math.prod(WEIGHT) * BF16 / MIB:.0f}",
            "fsdp-shape": str(fsdp),
            "fsdp-mib": f"{math.prod(fsdp) * BF16 / MIB:.0f}",
            "tp-shape": str(tp_only),
            "tp-mib": f"{math.prod(tp_only) * BF16 / MIB:.0f}",
            "tp-rep": str(sh.replicas(MESH, (None, "model"))),
            "acts-shape": str(ACTS),
            "acts-local": str(acts),
            "max-len": f"{MAX_LEN:,}",
            "pow2-shapes": str(pow2_shapes),
            "pow2-waste": f"{pow2_waste * 100:.1f} %",
            "step": str(STEP),
            "step-shapes": str(step_shapes),
            "step-waste": f"{step_waste * 100:.1f} %",
        }
    )
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
