"""What a JAX PartitionSpec does to an array on a device mesh, in plain numpy (no JAX needed).

A mesh is a named grid of devices, e.g. {"x": 4, "y": 2}. A spec has one entry per array dimension:
None (not split), a mesh axis name (split across that axis) or a tuple of names (split across
their product). Mesh axes the spec does not mention hold replicas.
"""

import itertools
import math

import numpy as np


def _axes(entry):
    return () if entry is None else (entry,) if isinstance(entry, str) else tuple(entry)


def local_shape(shape, mesh, spec):
    """Per-device block shape; every split dimension must divide evenly (pad the array otherwise)."""
    out = []
    for size, entry in zip(shape, tuple(spec) + (None,) * (len(shape) - len(spec)), strict=True):
        parts = math.prod(mesh[a] for a in _axes(entry))
        if size % parts:
            raise ValueError(f"dimension {size} is not divisible by {parts}")
        out.append(size // parts)
    return tuple(out)


def replicas(mesh, spec):
    """How many devices hold each block: the product of the mesh axes the spec leaves unused."""
    used = {a for entry in spec for a in _axes(entry)}
    return math.prod(size for name, size in mesh.items() if name not in used)


def device_blocks(array, mesh, spec):
    """{mesh coordinates: the block that device holds}, e.g. {(0, 1): array[0:2, 8:16], ...}."""
    names = list(mesh)
    block = local_shape(array.shape, mesh, spec)
    spec = tuple(spec) + (None,) * (array.ndim - len(spec))
    blocks = {}
    for coords in itertools.product(*(range(mesh[n]) for n in names)):
        where = dict(zip(names, coords, strict=True))
        index = []
        for dim, entry in enumerate(spec):
            k = 0
            for a in _axes(entry):  # row-major over the named axes, as in a tuple entry
                k = k * mesh[a] + where[a]
            index.append(slice(k * block[dim], (k + 1) * block[dim]))
        blocks[coords] = array[tuple(index)]
    return blocks


def shard_map_matmul(a, b, mesh):
    """C = A @ B with A split P('x', 'y') and B split P('y', None): each device multiplies its blocks,
    then a psum over 'y' adds the partial products. The result is split P('x', None)."""
    a_blocks, b_blocks = device_blocks(a, mesh, ("x", "y")), device_blocks(b, mesh, ("y", None))
    partial = {c: a_blocks[c] @ b_blocks[c] for c in a_blocks}
    return {  # psum over 'y': every device on the same 'x' row receives the same sum
        (i, j): sum(partial[(i, k)] for k in range(mesh["y"])) for i in range(mesh["x"]) for j in range(mesh["y"])
    }


def bucket(length, step=None):
    """Pad a sequence length up to the next power of two (step=None) or the next multiple of step."""
    if step is None:
        return 1 << (length - 1).bit_length()
    return -(-length // step) * step


if __name__ == "__main__":
    mesh = {"x": 4, "y": 2}
    for spec in [("x", "y"), ("x", None), (None, None), (("x", "y"), None)]:
        print(spec, "->", local_shape((8, 16), mesh, spec), "replicas:", replicas(mesh, spec))
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=(8, 16)), rng.normal(size=(16, 4))
    blocks = shard_map_matmul(a, b, mesh)
    print("shard_map matmul correct:", np.allclose(np.vstack([blocks[(i, 0)] for i in range(4)]), a @ b))
    print("compiled shapes for lengths 1..4096:", len({bucket(n) for n in range(1, 4097)}))
