"""questions/math/floating-point.md: format parameters against NumPy, bfloat16 rounding, cancellation, Kahan."""

import math
import struct
from functools import cache

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/floating-point.md"
FP = load_snippet("math/floating_point.py")
SHORT = {"binary64": "64", "binary32": "32", "binary16": "16", "bfloat16": "bf"}
N_SUM = 10**6


def tex(x):
    """x as the page writes it in a formula: 2.22 \\times 10^{-16}."""
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


@pytest.mark.parametrize("name, dtype", [("binary64", np.float64), ("binary32", np.float32), ("binary16", np.float16)])
def test_format_properties_match_numpy(name, dtype):
    props, info = FP.properties(*FP.FORMATS[name]), np.finfo(dtype)
    assert props["epsilon"] == float(info.eps)
    assert props["max"] == float(info.max)
    assert props["min_normal"] == float(info.smallest_normal)
    assert props["precision"] == info.nmant + 1


def reference_bfloat16(x):
    """Independent rounding: the two bfloat16 neighbours from the float32 bits, pick the nearer (ties to even)."""
    bits = struct.unpack("<I", struct.pack("<f", x))[0]
    low = bits & 0xFFFF0000
    high = low + 0x10000
    as_float = lambda b: struct.unpack("<f", struct.pack("<I", b))[0]  # noqa: E731
    down, up = as_float(low), as_float(high)
    if abs(x - down) != abs(up - x):
        return down if abs(x - down) < abs(up - x) else up
    return down if (low >> 16) % 2 == 0 else up


def test_bfloat16_rounding_against_a_reference():
    rng = np.random.default_rng(0)
    values = np.concatenate([rng.normal(0, 100, 2000), np.arange(250, 270), [1 + 2**-8, 1 + 3 * 2**-8]]).astype(
        np.float32
    )
    ours = FP.to_bfloat16(values)
    assert [float(v) for v in ours] == [reference_bfloat16(float(v)) for v in values]


def test_bfloat16_epsilon_and_largest_value_by_rounding():
    props = FP.properties(*FP.FORMATS["bfloat16"])
    assert FP.to_bfloat16(np.float32(1 + props["epsilon"])) > 1
    assert FP.to_bfloat16(np.float32(1 + props["epsilon"] / 2)) == 1  # the tie rounds to even, i.e. to 1
    assert float(FP.to_bfloat16(np.float32(props["max"]))) == props["max"]


def test_stable_quadratic_root_against_exact_arithmetic():
    # The small root of x^2 + 1e8 x + 1 = 0, from the formula multiplied through by its conjugate.
    naive, stable = FP.quadratic_roots_naive(1, 1e8, 1)[0], FP.quadratic_roots_stable(1, 1e8, 1)[0]
    true = -2 / (1e8 + math.sqrt(1e16 - 4))  # no subtraction of close numbers
    assert stable == pytest.approx(true, rel=1e-15)
    assert abs(naive - true) / abs(true) > 0.2


@cache
def sums():
    values = np.full(N_SUM, 0.1, dtype=np.float32)
    return math.fsum(values.astype(np.float64)), float(FP.recursive_sum(values)), float(FP.kahan_sum(values))


def test_recursive_sum_equals_a_sequential_cumsum_and_kahan_is_correctly_rounded():
    exact, naive, kahan = sums()
    values = np.full(N_SUM, 0.1, dtype=np.float32)
    assert naive == float(np.cumsum(values, dtype=np.float32)[-1])
    assert kahan == float(np.float32(exact))


def expected_values() -> dict[str, str]:
    values = {}
    for name, short in SHORT.items():
        e, f = FP.FORMATS[name]
        props = FP.properties(e, f)
        values[f"bits{short}"] = f"1/{e}/{f}"
        values[f"bias{short}"] = f"{props['bias']}"
        values[f"p{short}"] = f"{props['precision']}"
        values[f"eps{short}"] = tex(props["epsilon"])
        values[f"max{short}"] = tex(props["max"])
        values[f"min{short}"] = tex(props["min_normal"])
    fp16 = FP.properties(*FP.FORMATS["binary16"])
    values["max16"] = f"{fp16['max']:,.0f}".replace(",", "\\,")
    naive, stable = FP.quadratic_roots_naive(1, 1e8, 1)[0], FP.quadratic_roots_stable(1, 1e8, 1)[0]
    exact, naive_sum, kahan = sums()
    values.update(
        {
            "fp16-max": f"{fp16['max']:,.0f}",
            "int-bf": f"{2 ** FP.properties(*FP.FORMATS['bfloat16'])['precision']}",
            "bf-257": f"{float(FP.to_bfloat16(np.float32(257.0))):.0f}",
            "int-16": f"{2 ** fp16['precision']:,}",
            "sum": repr(0.1 + 0.2),
            "naive": f"{naive:.2e}",
            "naive-err": f"{abs(naive - stable) / abs(stable) * 100:.1f} %",
            "stable": f"{stable:.2e}",
            "assoc-a": f"{(1e20 - 1e20) + 1}",
            "assoc-b": f"{1e20 + (-1e20 + 1)}",
            "exact": f"{exact:,.4f}",
            "naive-sum": f"{naive_sum:,.2f}",
            "naive-rel": f"{(naive_sum - exact) / exact * 100:.2f} %",
            "kahan-sum": f"{kahan:,.2f}",
        }
    )
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
