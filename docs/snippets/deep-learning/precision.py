"""Floating-point formats, fp16 loss scaling, int8 affine quantization, memory arithmetic."""

import numpy as np


def float_format(exponent_bits, mantissa_bits):
    """Largest finite value, smallest normal, smallest subnormal and machine epsilon (IEEE-style)."""
    bias = 2 ** (exponent_bits - 1) - 1
    return {
        "max": (2.0 - 2.0**-mantissa_bits) * 2.0**bias,
        "min_normal": 2.0 ** (1 - bias),
        "min_subnormal": 2.0 ** (1 - bias - mantissa_bits),
        "eps": 2.0**-mantissa_bits,
    }


FP16 = float_format(5, 10)  # 1 sign, 5 exponent, 10 mantissa bits
BF16 = float_format(8, 7)  # 1 sign, 8 exponent, 7 mantissa bits (fp32's range)
FP32 = float_format(8, 23)


def survives_fp16(grad, loss_scale=1.0):
    """Cast grad * loss_scale to fp16, unscale in fp32; return the recovered value."""
    return float(np.float32(np.float16(grad * loss_scale)) / np.float32(loss_scale))


def dynamic_loss_scale_step(grads_finite, scale, clean_steps, growth_interval=2000):
    """One step of dynamic loss scaling: returns (take_optimizer_step, new_scale, new_clean_steps).

    An inf/NaN in the unscaled gradients means the scaled ones overflowed: skip this optimizer step
    (the weights stay as they were), halve the scale and restart the count. After growth_interval
    clean steps in a row, double the scale to use more of the fp16 range again.
    """
    if not grads_finite:
        return False, scale / 2.0, 0
    clean_steps += 1
    if clean_steps == growth_interval:
        return True, scale * 2.0, 0
    return True, scale, clean_steps


def quantize_int8(x):
    """Asymmetric (affine) per-tensor quantization to int8: x ~ scale * (q - zero_point)."""
    lo, hi = min(float(x.min()), 0.0), max(float(x.max()), 0.0)  # keep 0.0 exactly representable
    scale = (hi - lo) / 255.0
    if scale == 0.0:  # an all-zero tensor: any positive scale represents it exactly
        scale = 1.0
    zero_point = int(round(-128 - lo / scale))
    q = np.clip(np.round(x / scale) + zero_point, -128, 127).astype(np.int8)
    return q, scale, zero_point


def dequantize(q, scale, zero_point):
    return scale * (q.astype(np.float64) - zero_point)


def weight_memory_gb(n_params, bytes_per_param):
    """Decimal gigabytes (1 GB = 1e9 bytes) to store the weights alone."""
    return n_params * bytes_per_param / 1e9


# Bytes per parameter when training with Adam in mixed precision:
# fp16/bf16 weights (2) + fp16/bf16 gradients (2) + fp32 master weights (4) + Adam m and v (4 + 4).
ADAM_MIXED_PRECISION_BYTES = 2 + 2 + 4 + 4 + 4

VECTOR = np.array([-1.0, -0.35, 0.0, 0.27, 0.81, 2.0])


if __name__ == "__main__":
    print("fp16", FP16)
    print("bf16", BF16)
    print("1e-8 in fp16:", survives_fp16(1e-8), "with loss scale 2**16:", survives_fp16(1e-8, 2.0**16))
    q, scale, zp = quantize_int8(VECTOR)
    err = np.abs(dequantize(q, scale, zp) - VECTOR)
    print("q", q.tolist(), "scale", scale, "zero point", zp, "max error", err.max())
    for name, nbytes in [("fp32", 4), ("bf16", 2), ("int8", 1), ("int4", 0.5)]:
        print(name, weight_memory_gb(7e9, nbytes), "GB for 7B weights")
    print("Adam mixed-precision training state:", weight_memory_gb(7e9, ADAM_MIXED_PRECISION_BYTES), "GB")
