"""Formatting shared by the design answers' tests: numbers as the pages print them."""

import math


def sci(x: float, digits: int = 2) -> str:
    """LaTeX scientific notation, `1.39 \\times 10^{8}`; a bare power of ten as `10^{14}`."""
    exponent = math.floor(math.log10(x) + 1e-12)
    mantissa = x / 10**exponent
    if math.isclose(mantissa, 1.0, abs_tol=10 ** -(digits + 2)):
        return f"10^{exponent}" if 0 <= exponent < 10 else f"10^{{{exponent}}}"
    return f"{mantissa:.{digits}f} \\times 10^{{{exponent}}}"


def grouped(n: int) -> str:
    """Thin-space digit groups inside math, identical in both languages: 86\\,400."""
    return f"{n:,}".replace(",", "\\,")
