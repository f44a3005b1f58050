"""IEEE-754 format parameters, bfloat16 rounding, cancellation and compensated summation (NumPy only)."""

import math

import numpy as np

# (exponent bits, fraction bits); one sign bit each.
FORMATS = {"binary64": (11, 52), "binary32": (8, 23), "binary16": (5, 10), "bfloat16": (8, 7)}


def properties(exponent_bits, fraction_bits):
    """Bias, precision p, machine epsilon 2^(1-p), largest finite and smallest normal number."""
    bias = 2 ** (exponent_bits - 1) - 1
    p = fraction_bits + 1  # the leading 1 of a normal number is implicit
    return {
        "bias": bias,
        "precision": p,
        "epsilon": 2.0 ** (1 - p),
        "max": (2 - 2.0 ** (1 - p)) * 2.0**bias,
        "min_normal": 2.0 ** (1 - bias),
    }


def to_bfloat16(x):
    """Round float32 values to the nearest bfloat16 (ties to even), returned as float32."""
    bits = np.asarray(x, dtype=np.float32).view(np.uint32).astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16 << 16  # add half an ulp, ties to even
    return rounded.astype(np.uint32).view(np.float32)


def quadratic_roots_naive(a, b, c):
    d = math.sqrt(b * b - 4 * a * c)
    return (-b + d) / (2 * a), (-b - d) / (2 * a)


def quadratic_roots_stable(a, b, c):
    """Never subtract nearly equal numbers: compute the large root, get the small one from c/a = x1 * x2."""
    q = -(b + math.copysign(math.sqrt(b * b - 4 * a * c), b)) / 2
    return c / q, q / a


def recursive_sum(values):
    """Left-to-right summation in the dtype of `values` (NumPy scalar arithmetic keeps float32 as float32)."""
    total = values.dtype.type(0)
    for v in values:
        total = total + v
    return total


def kahan_sum(values):
    """Compensated summation: carry the rounding error of each addition into the next one."""
    total = compensation = values.dtype.type(0)
    for v in values:
        y = v - compensation
        t = total + y
        compensation = (t - total) - y  # what was lost when y was added to total
        total = t
    return total


if __name__ == "__main__":
    for name, (e, f) in FORMATS.items():
        print(name, properties(e, f))
    print("bfloat16(257) =", to_bfloat16(257.0), " 0.1 + 0.2 =", repr(0.1 + 0.2))
    print("x^2 + 1e8 x + 1: naive", quadratic_roots_naive(1, 1e8, 1)[0], "stable", quadratic_roots_stable(1, 1e8, 1)[0])
    values = np.full(10**6, 0.1, dtype=np.float32)
    exact = math.fsum(values.astype(np.float64))
    print("float32 sum of 10^6 x 0.1:", recursive_sum(values), "Kahan", kahan_sum(values), "exact", exact)
