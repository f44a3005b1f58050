"""questions/cs/big-o.md: the Theta witnesses, the master-theorem exponents and the dynamic-array counts."""

import math

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/big-o.md"
A, B = 3, 10  # f(n) = A n^2 + B n
RECURRENCES = {"karatsuba": (3, 2), "strassen": (7, 2)}  # T(n) = a T(n/b) + ...
APPENDS, STEP, START = 1000, 10, 1


def f(n: int) -> int:
    return A * n * n + B * n


def theta_witnesses() -> tuple[int, int, int]:
    """Integer constants c1 <= f/n^2 <= c2 and the first n0 from which the upper bound holds for good.

    c1 is the largest integer below f(n)/n^2 for every n >= 1, c2 the smallest integer above its
    limit; n0 is found by scanning: the bound fails at n0 - 1 and holds on every n checked after.
    """
    c1 = min(math.floor(f(n) / (n * n)) for n in range(1, 10_000))
    c2 = math.floor(A) + 1
    failing = [n for n in range(1, 10_000) if f(n) > c2 * n * n]
    n0 = max(failing) + 1
    assert all(c1 * n * n <= f(n) for n in range(1, 10_000))
    return c1, c2, n0


def recurrence_exponent(a: int, b: int, work_power: int) -> float:
    """Growth exponent of T(n) = a T(n/b) + n^work_power, T(1) = 1, read off the solved recurrence.

    log_b of T(b n)/T(n) at large n; the n^work_power term adds a geometric correction
    that dies out when log_b a > work_power.
    """
    t = [1.0]
    for k in range(1, 80):
        t.append(a * t[-1] + float(b**k) ** work_power)
    return math.log(t[-1] / t[-2], b)


def writes_bound_constant(da) -> int:
    """Smallest integer c with n + copies(n) <= c n for every n up to 4096 under doubling."""
    worst = max((n + da.copies_for_appends(n, da.doubling)[0]) / n for n in range(1, 4097))
    return math.ceil(worst)


def expected_values() -> dict[str, str]:
    c1, c2, n0 = theta_witnesses()
    values = {
        "coef-square": f"{A}",
        "coef-linear": f"{B}",
        "coef-linear-again": f"{B}",
        "c1": f"{c1}",
        "c2": f"{c2}",
        "n0": f"{n0}",
        "n0-again": f"{n0}",
    }
    for name, (a, b) in RECURRENCES.items():
        exponent = f"{math.log(a, b):.3f}"
        values |= {f"{name}-a": f"{a}", f"{name}-b": f"{b}", f"{name}-exp": exponent, f"{name}-result": exponent}
    da = load_snippet("cs/dynamic_array.py")
    copies, capacity = da.copies_for_appends(APPENDS, da.doubling, capacity=START)
    step_copies, _ = da.copies_for_appends(APPENDS, lambda c: c + STEP, capacity=START)
    charge = writes_bound_constant(da)
    values |= {
        "start-capacity": f"{START}",
        "appends": f"{APPENDS}",
        "appends-again": f"{APPENDS}",
        "doubling-copies": f"{copies}",
        "doubling-copies-again": f"{copies}",
        "doubling-capacity": f"{capacity}",
        "doubling-writes": f"{APPENDS + copies}",
        "doubling-per-append": f"{(APPENDS + copies) / APPENDS:.3f}",
        "step": f"{STEP}",
        "step-copies": f"{step_copies:,}",
        "step-per-append": f"{step_copies / APPENDS:.1f}",
        "charge": f"{charge}",
        "charge-bound": f"{charge}",
    }
    return values


def test_the_upper_witness_fails_just_below_n0():
    _, c2, n0 = theta_witnesses()
    assert f(n0 - 1) > c2 * (n0 - 1) ** 2
    assert all(f(n) <= c2 * n * n for n in range(n0, 10_000))


def test_master_theorem_exponents_match_the_solved_recurrences():
    assert abs(recurrence_exponent(3, 2, 1) - math.log2(3)) < 1e-3  # Karatsuba: leaves dominate
    assert abs(recurrence_exponent(7, 2, 2) - math.log2(7)) < 1e-3  # Strassen
    assert abs(recurrence_exponent(1, 2, 0) - 0.0) < 0.1  # binary search: Theta(log n), exponent 0


def test_doubling_copies_are_a_geometric_series():
    da = load_snippet("cs/dynamic_array.py")
    for n in (1, 2, 3, 17, 1000, 1025):
        copies, capacity = da.copies_for_appends(n, da.doubling)
        assert copies == sum(2**i for i in range(capacity.bit_length() - 1)) < 2 * n
        assert capacity == 1 << (n - 1).bit_length()
    assert da.copies_for_appends(0, da.doubling) == (0, 1)


def test_two_units_per_append_would_not_suffice():
    da = load_snippet("cs/dynamic_array.py")
    assert any(n + da.copies_for_appends(n, da.doubling)[0] > 2 * n for n in range(1, 100))


def test_a_fixed_step_is_quadratic():
    da = load_snippet("cs/dynamic_array.py")
    n = 10_000
    copies, _ = da.copies_for_appends(n, da.plus_ten)
    assert abs(copies - n * n / (2 * 10)) < 0.01 * n * n / 20


def test_stated_values():
    assert_values(PAGE, expected_values())
