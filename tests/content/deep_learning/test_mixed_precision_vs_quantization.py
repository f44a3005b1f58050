"""questions/deep-learning/mixed-precision-vs-quantization.md: float formats, loss scaling (with the
skipped step), int8 affine quantization (with the all-zero tensor) and memory arithmetic."""

import inspect
import math
import warnings

import numpy as np
import pytest

from tests.content.deep_learning.formatting import number, power_of_ten, vector
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/mixed-precision-vs-quantization.md"
GRAD, SCALE_EXPONENT, PARAMS_B = 1e-8, 16, 7
BF16_EXPONENT_BITS, BF16_MANTISSA_BITS = 8, 7  # bfloat16: fp32's exponent, a 7-bit mantissa (not in numpy)


def pr():
    return load_snippet("deep-learning/precision.py")


def bits(exponent: int, mantissa: int) -> str:
    return f"1/{exponent}/{mantissa}"


def pow2(x: float) -> str:
    exponent = math.log2(x)
    assert exponent == int(exponent)
    return f"2^{{{int(exponent)}}}"


def bfloat16_round(x: np.ndarray) -> np.ndarray:
    """Round float32 values to bfloat16 (round to nearest even on the top 16 bits), back as float32."""
    raw = np.asarray(x, dtype=np.float32).view(np.uint32)
    rounded = (raw + 0x7FFF + ((raw >> 16) & 1)) & 0xFFFF0000
    return rounded.astype(np.uint32).view(np.float32)


def expected_values() -> dict[str, str]:
    snippet = pr()
    f16, f32 = np.finfo(np.float16), np.finfo(np.float32)
    q, scale, zero_point = snippet.quantize_int8(snippet.VECTOR)
    error = np.abs(snippet.dequantize(q, scale, zero_point) - snippet.VECTOR)
    loss_scale = 2.0**SCALE_EXPONENT
    growth = inspect.signature(snippet.dynamic_loss_scale_step).parameters["growth_interval"].default
    memory = {name: snippet.weight_memory_gb(PARAMS_B * 1e9, b) for name, b in [("fp32", 4), ("bf16", 2), ("int8", 1)]}
    return {
        "fp32-bits": bits(f32.nexp, f32.nmant),
        "fp32-max": power_of_ten(float(f32.max)),
        "fp32-min": power_of_ten(float(f32.smallest_normal)),
        "fp32-eps": pow2(float(f32.eps)),
        "fp16-bits": bits(f16.nexp, f16.nmant),
        "fp16-max": f"{float(f16.max):.0f}",
        "fp16-min-pow": pow2(float(f16.smallest_normal)),
        "fp16-min": power_of_ten(float(f16.smallest_normal)),
        "fp16-eps-pow": pow2(float(f16.eps)),
        "fp16-eps": f"{float(f16.eps):.6f}",
        "bf16-bits": bits(BF16_EXPONENT_BITS, BF16_MANTISSA_BITS),
        "bf16-max": power_of_ten(snippet.BF16["max"]),
        "bf16-min": power_of_ten(snippet.BF16["min_normal"]),
        "bf16-eps-pow": pow2(snippet.BF16["eps"]),
        "bf16-eps": number(snippet.BF16["eps"]),
        "fp16-sub-pow": pow2(float(f16.smallest_subnormal)),
        "fp16-sub": power_of_ten(float(f16.smallest_subnormal)),
        "grad": power_of_ten(GRAD, 1),
        "grad-fp16": number(snippet.survives_fp16(GRAD)),
        "scale-pow": pow2(loss_scale),
        "scale": f"{loss_scale:.0f}",
        "scaled-grad": power_of_ten(float(np.float16(GRAD * loss_scale))),
        "recovered": power_of_ten(snippet.survives_fp16(GRAD, loss_scale), 4),
        "growth-interval": f"{growth:,}",
        "fewer-bits": f"{f16.nmant - BF16_MANTISSA_BITS}",
        "levels": f"{np.iinfo(np.int8).max - np.iinfo(np.int8).min}",
        "vector": vector(snippet.VECTOR),
        "range": number(snippet.VECTOR.max() - snippet.VECTOR.min()),
        "levels-again": f"{np.iinfo(np.int8).max - np.iinfo(np.int8).min}",
        "scale-q": f"{scale:.6f}",
        "zero-point": f"{zero_point}",
        "q": vector(q),
        "max-error": f"{error.max():.4f}",
        "max-error-at": number(snippet.VECTOR[np.argmax(error)]),
        "half-scale": f"{scale / 2:.4f}",
        "params": f"{PARAMS_B}",
        "mem-fp32": number(memory["fp32"]),
        "mem-bf16": number(memory["bf16"]),
        "mem-int8": number(memory["int8"]),
        "mem-int4": number(snippet.weight_memory_gb(PARAMS_B * 1e9, 0.5)),
        "adam-bytes": f"{snippet.ADAM_MIXED_PRECISION_BYTES}",
        "adam-gb": number(snippet.weight_memory_gb(PARAMS_B * 1e9, snippet.ADAM_MIXED_PRECISION_BYTES)),
    }


def test_the_format_formula_agrees_with_numpy_for_fp16_and_fp32():
    snippet = pr()
    for ours, theirs in ((snippet.FP16, np.finfo(np.float16)), (snippet.FP32, np.finfo(np.float32))):
        assert ours["max"] == pytest.approx(float(theirs.max), rel=1e-7)
        assert ours["min_normal"] == float(theirs.smallest_normal)
        assert ours["min_subnormal"] == float(theirs.smallest_subnormal)
        assert ours["eps"] == float(theirs.eps)


def test_the_bf16_formula_agrees_with_bit_level_rounding():
    snippet = pr()
    assert bfloat16_round(np.float32(1.0) + np.float32(snippet.BF16["eps"])) == 1.0 + snippet.BF16["eps"]
    assert bfloat16_round(np.float32(1.0) + np.float32(snippet.BF16["eps"] / 4)) == 1.0  # below eps/2: rounds away
    assert bfloat16_round(np.float32(snippet.BF16["max"])) == np.float32(snippet.BF16["max"])
    assert bfloat16_round(np.float32(snippet.BF16["min_normal"])) == np.float32(snippet.BF16["min_normal"])


def test_dynamic_loss_scaling_skips_the_step_and_backs_off_until_gradients_fit_in_fp16():
    """A gradient of 4 overflows fp16 once scaled by 2^16 (> 65504): steps are skipped, the scale halves."""
    snippet = pr()
    scale, clean, taken = 2.0**SCALE_EXPONENT, 0, []
    for _ in range(6):
        with np.errstate(over="ignore"):  # the overflow to inf is the point
            finite = bool(np.isfinite(np.float16(4.0 * scale)))
        step, scale, clean = snippet.dynamic_loss_scale_step(finite, scale, clean)
        taken.append(step)
    assert taken[:3] == [False, False, False]  # 4 * 2^16, 4 * 2^15, 4 * 2^14 all overflow fp16
    assert all(taken[3:])  # 4 * 2^13 = 32768 fits
    assert scale == 2.0**13


def test_dynamic_loss_scaling_grows_after_a_run_of_clean_steps():
    snippet = pr()
    scale, clean = 1024.0, 0
    for _ in range(4):
        step, scale, clean = snippet.dynamic_loss_scale_step(True, scale, clean, growth_interval=4)
        assert step
    assert scale == 2048.0 and clean == 0


def test_quantization_error_is_within_half_a_step_and_zero_is_exact():
    snippet = pr()
    rng = np.random.default_rng(0)
    for x in (snippet.VECTOR, np.array([0.5, 1.0, 2.0]), rng.normal(size=200) * 3):
        q, scale, zero_point = snippet.quantize_int8(x)
        assert q.dtype == np.int8
        assert np.abs(snippet.dequantize(q, scale, zero_point) - x).max() <= scale / 2 + 1e-12
        assert snippet.dequantize(np.array([zero_point], dtype=np.int8), scale, zero_point)[0] == 0.0


def test_an_all_zero_tensor_quantizes_without_dividing_by_zero():
    snippet = pr()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a 0/0 would raise RuntimeWarning here
        with np.errstate(all="raise"):
            q, scale, zero_point = snippet.quantize_int8(np.zeros(5))
    assert scale > 0 and q.dtype == np.int8
    assert np.array_equal(snippet.dequantize(q, scale, zero_point), np.zeros(5))


def test_stated_values():
    assert_values(PAGE, expected_values())
