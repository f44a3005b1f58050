"""questions/deep-learning/initialisation.md: the variance recursion against simulation."""

import math
from functools import cache

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/initialisation.md"
INIT = load_snippet("deep-learning/init_variance.py")
DEPTH, WIDTH, SCHEMES = 50, 256, ("xavier", "he", "small")
BERT_D, BERT_STD = 768, 0.02


def test_relu_keeps_half_the_second_moment_of_a_symmetric_input():
    z = np.random.default_rng(0).standard_normal(2_000_000)
    assert np.mean(np.maximum(z, 0) ** 2) == pytest.approx(0.5 * np.mean(z**2), rel=3e-3)


def test_uniform_glorot_has_the_glorot_variance():
    fan_in, fan_out = 300, 100
    a = math.sqrt(6 / (fan_in + fan_out))
    w = np.random.default_rng(1).uniform(-a, a, 1_000_000)
    assert w.var() == pytest.approx(INIT.init_std(fan_in, fan_out, "xavier") ** 2, rel=5e-3)


def test_the_mean_over_many_networks_matches_the_theory():
    finals = [INIT.propagate("he", depth=10, width=64, batch=64, seed=s)[0][-1] for s in range(200)]
    se = np.std(finals) / np.sqrt(len(finals))
    assert abs(np.mean(finals) - INIT.theory("he", depth=10, width=64)) < 4 * se


@cache
def runs():
    return {scheme: INIT.propagate(scheme, depth=DEPTH, width=WIDTH) for scheme in SCHEMES}


def test_the_three_networks_are_rescalings_of_one_another():
    ratios = [runs()[s][0][-1] / INIT.theory(s, DEPTH, WIDTH) for s in SCHEMES]
    assert ratios == pytest.approx([ratios[0]] * 3, rel=1e-9)


def tex(x):
    mantissa, exponent = f"{x:.2e}".split("e")
    return f"{mantissa} \\times 10^{{{int(exponent)}}}"


def expected_values() -> dict[str, str]:
    values = {"depth": f"{DEPTH}", "width": f"{WIDTH}"}
    for scheme in SCHEMES:
        std = INIT.init_std(WIDTH, WIDTH, scheme)
        forward, input_grad = runs()[scheme]
        theory = INIT.theory(scheme, DEPTH, WIDTH)
        values[f"std-{scheme}"] = f"{std:.4f}".rstrip("0")
        values[f"gain-{scheme}"] = f"{WIDTH * std**2 / 2:.4f}".rstrip("0").rstrip(".")
        if scheme == "he":
            values.update(
                {"theory-he": f"{theory:.0f}", "sim-he": f"{forward[-1]:.3f}", "grad-he": f"{input_grad:.3f}"}
            )
        else:
            values.update(
                {
                    f"theory-{scheme}": tex(theory),
                    f"sim-{scheme}": tex(forward[-1]),
                    f"grad-{scheme}": tex(input_grad),
                }
            )
    values["drift"] = f"{runs()['he'][0][-1] / INIT.theory('he', DEPTH, WIDTH):.2f}"
    values["beta"] = f"{(DEPTH - 1) / WIDTH:.2f}"
    values["bert-std"] = f"{BERT_STD}"
    values["bert-d"] = f"{BERT_D}"
    values["bert-xavier"] = f"{INIT.init_std(BERT_D, BERT_D, 'xavier'):.3f}"
    values["bert-he"] = f"{INIT.init_std(BERT_D, BERT_D, 'he'):.3f}"
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
