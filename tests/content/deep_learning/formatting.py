"""How the deep-learning pages write numbers inside formulas: vectors, matrices, powers of ten."""

import math


def number(x: float) -> str:
    """Shortest plain form: 1.0 -> 1, -0.5 -> -0.5, and never a negative zero."""
    text = f"{x:g}"
    return "0" if text == "-0" else text


def vector(values) -> str:
    """(1, -0.5) as the pages write a vector."""
    return "(" + ", ".join(number(float(v)) for v in values) + ")"


def matrix(rows) -> str:
    """The body of a pmatrix: entries separated by &, rows by \\\\."""
    return r" \\ ".join(" & ".join(number(float(v)) for v in row) for row in rows)


def power_of_ten(x: float, digits: int = 2) -> str:
    """x in TeX scientific notation with `digits` significant digits: 7.0 \\times 10^{-11}, 10^{-6}."""
    exponent = math.floor(math.log10(abs(x)))
    mantissa = f"{x / 10**exponent:.{digits - 1}f}"
    if mantissa.startswith("10"):  # rounding carried into the next power
        exponent += 1
        mantissa = f"{x / 10**exponent:.{digits - 1}f}"
    if float(mantissa) == 1 and digits == 1:
        return f"10^{{{exponent}}}"
    return f"{mantissa} \\times 10^{{{exponent}}}"


def grouped(n: int) -> str:
    """A large integer as the pages write it in TeX: thin spaces between digit groups (1\\,728)."""
    return f"{n:,}".replace(",", "\\,")
