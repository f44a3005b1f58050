"""questions/probability/mutual-information.md: a joint table worked in bits, and InfoNCE's log N ceiling."""

import math
from itertools import product

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/mutual-information.md"
MI = load_snippet("probability/mutual_information.py")
TABLE = [[0.4, 0.1], [0.2, 0.3]]
RHO_LOW, RHO_HIGH = 0.5, 0.99


def mi_by_definition(joint):
    """Sum of p(x, y) log2 p(x | y) / p(x), written out cell by cell."""
    p_x = [sum(row) for row in joint]
    p_y = [sum(col) for col in zip(*joint, strict=True)]
    return sum(
        joint[i][j] * math.log2(joint[i][j] / p_y[j] / p_x[i])
        for i, j in product(range(2), range(2))
        if joint[i][j] > 0
    )


def test_the_three_forms_agree():
    assert abs(MI.mutual_information_bits(TABLE) - mi_by_definition(TABLE)) < 1e-12
    assert abs(MI.mutual_information_as_kl(TABLE) - mi_by_definition(TABLE)) < 1e-12


def test_zero_exactly_for_the_product_of_marginals():
    joint = np.asarray(TABLE)
    independent = np.outer(joint.sum(axis=1), joint.sum(axis=0))
    assert abs(MI.mutual_information_bits(independent)) < 1e-12
    assert MI.mutual_information_bits(TABLE) > 0.1


def test_gaussian_mi_matches_a_numerical_integral():
    rho = RHO_LOW
    x = np.linspace(-8, 8, 1601)
    xx, yy = np.meshgrid(x, x)
    det = 1 - rho**2
    joint = np.exp(-(xx**2 - 2 * rho * xx * yy + yy**2) / (2 * det)) / (2 * np.pi * np.sqrt(det))
    marg = np.exp(-0.5 * xx**2) * np.exp(-0.5 * yy**2) / (2 * np.pi)
    numeric = float((joint * np.log(joint / marg)).sum() * (x[1] - x[0]) ** 2)
    assert abs(numeric - MI.gaussian_mi_nats(rho)) < 1e-4


def test_infonce_never_exceeds_log_n_and_approaches_i_with_many_negatives():
    for rho in (RHO_LOW, RHO_HIGH):
        for batch in (4, 64):
            value = MI.infonce(rho, batch)
            assert value <= math.log(batch) + 1e-12
            assert value <= MI.gaussian_mi_nats(rho) + 0.02  # a lower bound, up to Monte Carlo noise
    assert abs(MI.infonce(RHO_LOW, 64) - MI.gaussian_mi_nats(RHO_LOW)) < 0.02


def expected_values():
    joint = np.asarray(TABLE)
    return {
        "h-x": f"{MI.entropy_bits(joint.sum(axis=1)):.3f}",
        "h-y": f"{MI.entropy_bits(joint.sum(axis=0)):.3f}",
        "h-xy": f"{MI.entropy_bits(joint):.3f}",
        "mi": f"{MI.mutual_information_bits(joint):.3f}",
        "h-x-given-y": f"{MI.entropy_bits(joint) - MI.entropy_bits(joint.sum(axis=0)):.3f}",
        "rho-low": f"{RHO_LOW}",
        "rho-high": f"{RHO_HIGH}",
        "mi-low": f"{MI.gaussian_mi_nats(RHO_LOW):.3f}",
        "mi-high": f"{MI.gaussian_mi_nats(RHO_HIGH):.3f}",
        "nce-low-4": f"{MI.infonce(RHO_LOW, 4):.3f}",
        "nce-low-64": f"{MI.infonce(RHO_LOW, 64):.3f}",
        "nce-high-4": f"{MI.infonce(RHO_HIGH, 4):.3f}",
        "nce-high-64": f"{MI.infonce(RHO_HIGH, 64):.3f}",
        "log-four": f"{math.log(4):.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
