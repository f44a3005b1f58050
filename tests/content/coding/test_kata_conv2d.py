"""questions/coding/kata-conv2d.md: both snippet versions against a scalar seven-loop reference
written here (padding by bounds checks, not by padding the array), the output-size formula against
counting the positions where the kernel fits, the hand-checked example, the shapes and sizes the
page states, and the edge cases."""

import itertools

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/kata-conv2d.md"
SIZE_EXAMPLES = {"dil": (32, 3, 2, 1, 2), "stem": (224, 7, 2, 3, 1), "same": (56, 3, 1, 1, 1)}
HAND_N, HAND_K, HAND_S = 4, 2, 2
RESNET = {"c": 64, "hw": 56, "k": 3}


def cv():
    return load_snippet("coding/conv2d.py")


def reference(x, w, b, stride, padding, dilation):
    """Scalar loops; a tap that falls in the padding contributes zero."""
    n, c_in, h, wd = x.shape
    c_out, _, kh, kw = w.shape
    (sh, sw), (ph, pw), (dh, dw) = stride, padding, dilation
    h_out = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    w_out = (wd + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((n, c_out, h_out, w_out))
    for ni, co, i, j in itertools.product(range(n), range(c_out), range(h_out), range(w_out)):
        total = 0.0 if b is None else float(b[co])
        for ci, a, c in itertools.product(range(c_in), range(kh), range(kw)):
            r, col = i * sh - ph + a * dh, j * sw - pw + c * dw
            if 0 <= r < h and 0 <= col < wd:
                total += float(x[ni, ci, r, col]) * float(w[co, ci, a, c])
        out[ni, co, i, j] = total
    return out


def positions_that_fit(n, k, s, p, d):
    """Count the start positions (stepping by s) whose dilated kernel lies inside the padded input."""
    return sum(1 for start in range(0, n + 2 * p, s) if start + d * (k - 1) <= n + 2 * p - 1)


def expected_values() -> dict[str, str]:
    c = cv()
    x = np.arange(float(HAND_N * HAND_N)).reshape(1, 1, HAND_N, HAND_N)
    hand = c.conv2d(x, np.ones((1, 1, HAND_K, HAND_K)), stride=(HAND_S, HAND_S))[0, 0]
    values = {
        "hand-n": f"{HAND_N}",
        "hand-n-again": f"{HAND_N}",
        "hand-max": f"{x.max():.0f}",
        "hand-k": f"{HAND_K}",
        "hand-k-again": f"{HAND_K}",
        "hand-s": f"{HAND_S}",
        "hand-row0": " ".join(f"{v:.0f}" for v in hand[0]),
        "hand-row1": " ".join(f"{v:.0f}" for v in hand[1]),
    }
    for name, (n, k, s, p, d) in SIZE_EXAMPLES.items():
        values |= {
            f"{name}-n": f"{n}",
            f"{name}-k": f"{k}",
            f"{name}-s": f"{s}",
            f"{name}-p": f"{p}",
            f"{name}-d": f"{d}",
            f"{name}-out": f"{c.output_size(n, k, s, p, d)}",
        }
    values["dil-span"] = f"{SIZE_EXAMPLES['dil'][4] * (SIZE_EXAMPLES['dil'][1] - 1) + 1}"
    ch, hw, k = RESNET["c"], RESNET["hw"], RESNET["k"]
    cols_shape = c.im2col(np.zeros((1, ch, hw, hw)), k, k, padding=(1, 1))[0].shape
    values |= {
        "rn-c": f"{ch}",
        "rn-hw": f"{hw}",
        "rn-k": f"{k}",
        "rn-hw-again": f"{hw}",
        "rn-k-again": f"{k}",
        "rn-cols": f"{cols_shape[1]:,} × {cols_shape[2]:,}",
        "rn-cols-entries": f"{cols_shape[1] * cols_shape[2]:,}",
        "rn-input-entries": f"{ch * hw * hw:,}",
        "rn-blowup": f"{cols_shape[1] * cols_shape[2] / (ch * hw * hw):.0f}",
        "rn-flop": f"{2 * ch * hw * hw * ch * k * k:,}",
    }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())


CONFIGS = [
    ((1, 1, 5, 5), (1, 1, 3, 3), (1, 1), (0, 0), (1, 1)),
    ((2, 3, 7, 6), (4, 3, 3, 2), (2, 1), (1, 2), (1, 1)),
    ((2, 2, 9, 8), (3, 2, 3, 3), (2, 3), (2, 0), (2, 1)),
    ((1, 3, 6, 6), (2, 3, 1, 1), (3, 3), (0, 0), (1, 1)),
    ((3, 1, 8, 5), (2, 1, 2, 3), (1, 2), (3, 1), (3, 2)),
]


@pytest.mark.parametrize("x_shape, w_shape, stride, padding, dilation", CONFIGS)
def test_both_versions_match_the_scalar_reference(x_shape, w_shape, stride, padding, dilation):
    c = cv()
    rng = np.random.default_rng(sum(x_shape) + sum(w_shape))
    x, w, b = rng.normal(size=x_shape), rng.normal(size=w_shape), rng.normal(size=w_shape[0])
    want = reference(x, w, b, stride, padding, dilation)
    np.testing.assert_allclose(c.conv2d(x, w, b, stride, padding, dilation), want, atol=1e-12)
    np.testing.assert_allclose(c.conv2d_im2col(x, w, b, stride, padding, dilation), want, atol=1e-12)


def test_output_size_formula_against_counting_positions():
    c = cv()
    for n, k, s, p, d in itertools.product(range(1, 12), range(1, 5), range(1, 4), range(0, 3), range(1, 4)):
        if n + 2 * p < d * (k - 1) + 1:
            with pytest.raises(ValueError):
                c.output_size(n, k, s, p, d)
        else:
            assert c.output_size(n, k, s, p, d) == positions_that_fit(n, k, s, p, d)


def test_im2col_columns_are_receptive_fields():
    c = cv()
    x = np.arange(2 * 5 * 5, dtype=float).reshape(1, 2, 5, 5)
    cols, (h_out, w_out) = c.im2col(x, 2, 2, stride=(2, 2))
    assert (h_out, w_out) == (2, 2)
    np.testing.assert_array_equal(cols[0, :, 0], x[0, :, 0:2, 0:2].reshape(-1))  # top-left field
    np.testing.assert_array_equal(cols[0, :, 3], x[0, :, 2:4, 2:4].reshape(-1))  # bottom-right field


def test_edge_cases():
    c = cv()
    with pytest.raises(ValueError):
        c.conv2d(np.zeros((1, 2, 4, 4)), np.zeros((1, 3, 2, 2)))  # channel mismatch
    with pytest.raises(ValueError):
        c.output_size(4, 3, stride=0)
    with pytest.raises(ValueError):
        c.output_size(3, 3, dilation=2)  # a 5-wide dilated kernel does not fit 3 pixels
    x = np.random.default_rng(1).normal(size=(1, 1, 3, 3))
    np.testing.assert_allclose(c.conv2d(x, np.ones((1, 1, 1, 1))), x)  # 1x1 kernel of one: identity


def test_the_hand_example():
    """0+1+4+5 = 10, 2+3+6+7 = 18, 8+9+12+13 = 42, 10+11+14+15 = 50."""
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    got = cv().conv2d(x, np.ones((1, 1, 2, 2)), stride=(2, 2))[0, 0]
    np.testing.assert_array_equal(got, [[10, 18], [42, 50]])
