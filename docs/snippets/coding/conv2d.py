"""2-D convolution (cross-correlation, as deep-learning libraries define it) with stride, zero
padding and dilation: a direct version and the im2col version that turns it into one matmul."""

import numpy as np


def output_size(n: int, k: int, stride: int = 1, padding: int = 0, dilation: int = 1) -> int:
    """floor((n + 2p - d(k - 1) - 1) / s) + 1: positions where the dilated kernel fits."""
    span = dilation * (k - 1) + 1  # the kernel's extent once dilated
    if stride < 1 or dilation < 1 or padding < 0 or n + 2 * padding < span:
        raise ValueError("kernel does not fit, or bad stride/padding/dilation")
    return (n + 2 * padding - span) // stride + 1


def _pad(x, padding):
    ph, pw = padding
    return np.pad(x, ((0, 0), (0, 0), (ph, ph), (pw, pw)))


def conv2d(x, w, b=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    """x: (N, C_in, H, W), w: (C_out, C_in, KH, KW) -> (N, C_out, H_out, W_out).

    One output position at a time: slice the (dilated) patch and contract it with all filters.
    """
    n, c_in, h, wd = x.shape
    c_out, c_w, kh, kw = w.shape
    if c_w != c_in:
        raise ValueError("input channels of x and w differ")
    (sh, sw), (dh, dw) = stride, dilation
    h_out = output_size(h, kh, sh, padding[0], dh)
    w_out = output_size(wd, kw, sw, padding[1], dw)
    xp = _pad(x, padding)
    out = np.zeros((n, c_out, h_out, w_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = xp[:, :, i * sh : i * sh + dh * (kh - 1) + 1 : dh, j * sw : j * sw + dw * (kw - 1) + 1 : dw]
            out[:, :, i, j] = np.tensordot(patch, w, axes=([1, 2, 3], [1, 2, 3]))
    return out if b is None else out + b[None, :, None, None]


def im2col(x, kh, kw, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    """(N, C, H, W) -> (N, C*KH*KW, H_out*W_out): each column is one flattened receptive field."""
    n, c, h, wd = x.shape
    (sh, sw), (dh, dw) = stride, dilation
    h_out = output_size(h, kh, sh, padding[0], dh)
    w_out = output_size(wd, kw, sw, padding[1], dw)
    xp = _pad(x, padding)
    cols = np.empty((n, c, kh, kw, h_out, w_out), dtype=xp.dtype)
    for a in range(kh):  # loop over kernel offsets (small), slice all output positions at once
        for c_ in range(kw):
            rows = slice(a * dh, a * dh + sh * (h_out - 1) + 1, sh)
            columns = slice(c_ * dw, c_ * dw + sw * (w_out - 1) + 1, sw)
            cols[:, :, a, c_] = xp[:, :, rows, columns]
    return cols.reshape(n, c * kh * kw, h_out * w_out), (h_out, w_out)


def conv2d_im2col(x, w, b=None, stride=(1, 1), padding=(0, 0), dilation=(1, 1)):
    c_out, c_in, kh, kw = w.shape
    cols, (h_out, w_out) = im2col(x, kh, kw, stride, padding, dilation)
    out = (w.reshape(c_out, c_in * kh * kw) @ cols).reshape(x.shape[0], c_out, h_out, w_out)
    return out if b is None else out + b[None, :, None, None]


if __name__ == "__main__":
    x = np.arange(16.0).reshape(1, 1, 4, 4)
    print(conv2d(x, np.ones((1, 1, 2, 2)), stride=(2, 2))[0, 0])  # [[10. 18.] [42. 50.]]
    print(output_size(32, 3, stride=2, padding=1, dilation=2), output_size(224, 7, 2, 3))
    rng = np.random.default_rng(0)
    x, w = rng.normal(size=(2, 3, 9, 8)), rng.normal(size=(4, 3, 3, 2))
    args = dict(stride=(2, 1), padding=(1, 2), dilation=(2, 1))
    print(np.abs(conv2d(x, w, **args) - conv2d_im2col(x, w, **args)).max())
