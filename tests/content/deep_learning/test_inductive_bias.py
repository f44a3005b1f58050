"""questions/deep-learning/inductive-bias.md: weights of a convolution against a dense layer with the same output."""

import numpy as np

from tests.content.deep_learning.formatting import grouped, power_of_ten
from tests.content.helpers import assert_values

PAGE = "questions/deep-learning/inductive-bias.md"
KERNEL, C_IN, C_OUT, SIDE = 3, 3, 64, 224


def conv_weight_count(kernel: int, c_in: int, c_out: int) -> int:
    """Weights of a conv layer, counted from the shape of an actual weight tensor (no bias)."""
    return np.zeros((c_out, c_in, kernel, kernel)).size


def conv2d_same(image: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Zero-padded 'same' convolution (cross-correlation), image (C_in, H, W), weights (C_out, C_in, k, k)."""
    k = weights.shape[-1]
    padded = np.pad(image, ((0, 0), (k // 2, k // 2), (k // 2, k // 2)))
    h, w = image.shape[1:]
    out = np.zeros((weights.shape[0], h, w))
    for i in range(k):
        for j in range(k):
            out += np.einsum("oc,chw->ohw", weights[:, :, i, j], padded[:, i : i + h, j : j + w])
    return out


def expected_values() -> dict[str, str]:
    inputs, outputs = SIDE * SIDE * C_IN, SIDE * SIDE * C_OUT
    return {
        "kernel": f"{KERNEL}×{KERNEL}",
        "in-channels": f"{C_IN}",
        "out-channels": f"{C_OUT}",
        "conv-weights": grouped(conv_weight_count(KERNEL, C_IN, C_OUT)),
        "out-shape": f"{SIDE} \\times {SIDE} \\times {C_OUT}",
        "in-shape": f"{SIDE} \\times {SIDE} \\times {C_IN}",
        "in-size": grouped(inputs),
        "out-size": grouped(outputs),
        "dense-weights": power_of_ten(inputs * outputs),
    }


def test_the_convolution_is_the_dense_layer_with_shared_local_weights():
    """On a small image, the conv equals a dense matrix whose entries are the same few weights."""
    rng = np.random.default_rng(0)
    side, c_in, c_out = 5, 2, 3
    weights = rng.normal(size=(c_out, c_in, KERNEL, KERNEL))
    dense = np.stack(
        [conv2d_same(basis.reshape(c_in, side, side), weights).ravel() for basis in np.eye(c_in * side * side)],
        axis=1,
    )
    image = rng.normal(size=(c_in, side, side))
    np.testing.assert_allclose(dense @ image.ravel(), conv2d_same(image, weights).ravel())
    nonzero = np.unique(np.round(dense[dense != 0], 12))
    assert nonzero.size == conv_weight_count(KERNEL, c_in, c_out)  # only the kernel's weights, reused
    assert dense.size == (c_in * side * side) * (c_out * side * side)


def test_convolution_is_translation_equivariant():
    rng = np.random.default_rng(1)
    weights = rng.normal(size=(2, 1, KERNEL, KERNEL))
    image = np.zeros((1, 9, 9))
    image[0, 2:4, 2:4] = rng.normal(size=(2, 2))
    shifted = np.roll(image, (2, 3), axis=(1, 2))
    np.testing.assert_allclose(conv2d_same(shifted, weights), np.roll(conv2d_same(image, weights), (2, 3), axis=(1, 2)))


def test_stated_values():
    assert_values(PAGE, expected_values())
