"""questions/probability/central-limit-theorem.md: 100 dice, exact tail against the normal approximation,
and the Berry–Esseen bound worked for a die."""

import functools
import math
from fractions import Fraction as F

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/central-limit-theorem.md"
DICE, THRESHOLD = 100, 370
FACES = range(1, 7)
BERRY_ESSEEN_C = 0.4748  # Shevtsova (2011), arXiv:1111.6554, abstract: C_0 < 0.4748
ACC_P, ACC_N = 0.9, 1000


def dice_snippet():
    return load_snippet("probability/dice_clt.py")


def normal_sf(z: float) -> float:
    return 0.5 * math.erfc(z / math.sqrt(2))


def one_die():
    mu = F(sum(FACES), len(FACES))
    var = F(sum(x * x for x in FACES), len(FACES)) - mu**2
    rho = F(sum(abs(x - mu) ** 3 for x in FACES), len(FACES))
    return mu, var, rho


def exact_distribution_by_fft(n: int) -> np.ndarray:
    """P(S = s) for s = 0..6n by raising the die's generating polynomial to the n-th power (FFT)."""
    size = 6 * n + 1
    die = np.zeros(size)
    die[1:7] = 1 / 6
    return np.fft.irfft(np.fft.rfft(die) ** n, size)


@functools.cache
def sup_cdf_error(n: int) -> float:
    """Largest |P(S <= s) - Phi(z)| over all thresholds, on both sides of each jump (no correction)."""
    mu, var, _ = one_die()
    pmf = [F(c, 6**n) for c in dice_snippet().exact_sum_distribution(n)]
    worst, cdf = 0.0, F(0)
    for s, p in enumerate(pmf):
        phi = 1 - normal_sf((s - n * float(mu)) / math.sqrt(n * float(var)))
        worst = max(worst, abs(float(cdf) - phi), abs(float(cdf + p) - phi))
        cdf += p
    return worst


def expected_values() -> dict[str, str]:
    mu, var, rho = one_die()
    mean, total_var = DICE * mu, DICE * var
    sd = math.sqrt(total_var)
    z_cc = (THRESHOLD - 0.5 - float(mean)) / sd
    z_raw = (THRESHOLD - float(mean)) / sd
    p_cc, p_raw = normal_sf(z_cc), normal_sf(z_raw)
    exact = float(dice_snippet().exact_tail(DICE, THRESHOLD))
    ratio = float(rho) / float(var) ** 1.5
    return {
        "q-dice": str(DICE),
        "q-threshold": str(THRESHOLD),
        "short-mean": f"{mean}",
        "short-sd": f"{sd:.2f}",
        "short-threshold": str(THRESHOLD),
        "short-p": f"{p_cc:.4f}",
        "short-exact": f"{exact:.4f}",
        "be-constant": f"{BERRY_ESSEEN_C}",
        "mu": f"{float(mu)}",
        "var-frac": f"{var.numerator}/{var.denominator}",
        "var": f"{float(var):.3f}",
        "dice": str(DICE),
        "mean": f"{mean}",
        "var-sum": f"{DICE} \\cdot {var.numerator}/{var.denominator}",
        "var-total": f"{float(total_var):.2f}",
        "sd": f"{sd:.2f}",
        "threshold": str(THRESHOLD),
        "threshold-cc": f"{THRESHOLD - 0.5}",
        "z-num": f"{THRESHOLD - 0.5}",
        "z-mean": f"{mean}",
        "z-sd": f"{sd:.2f}",
        "z-cc": f"{z_cc:.3f}",
        "p-threshold": str(THRESHOLD),
        "phi-arg": f"{z_cc:.3f}",
        "p-cc": f"{p_cc:.4f}",
        "z-raw": f"{z_raw:.3f}",
        "p-raw": f"{p_raw:.4f}",
        "convolutions": str(DICE),
        "p-exact": f"{exact:.4f}",
        "cc-error": f"{abs(exact - p_cc):.4f}",
        "out-exact": f"exact {exact:.4f}",
        "out-cc": f"normal + cc {dice_snippet().normal_tail(DICE, THRESHOLD):.4f}",
        "out-raw": f"normal, no cc {dice_snippet().normal_tail(DICE, THRESHOLD, continuity=False):.4f}",
        "rho-mu": f"{float(mu)}",
        "rho-frac": f"{rho.numerator}/{rho.denominator}",
        "rho-ratio": f"{ratio:.3f}",
        "be-n": str(DICE),
        "be-bound": f"{BERRY_ESSEEN_C * ratio / math.sqrt(DICE):.3f}",
        "sup-error": f"{sup_cdf_error(DICE):.4f}",
        "acc-se": f"{math.sqrt(ACC_P * (1 - ACC_P) / ACC_N):.4f}",
        "acc-p": f"{ACC_P}",
        "acc-n": str(ACC_N),
    }


def test_the_exact_tail_agrees_with_an_independent_fft_convolution():
    pmf = exact_distribution_by_fft(DICE)
    assert float(dice_snippet().exact_tail(DICE, THRESHOLD)) == pytest.approx(pmf[THRESHOLD:].sum(), abs=1e-12)


def test_the_snippet_normal_tails_match_the_formula():
    values = expected_values()
    assert f"{dice_snippet().normal_tail(DICE, THRESHOLD):.4f}" == values["p-cc"]
    assert f"{dice_snippet().normal_tail(DICE, THRESHOLD, continuity=False):.4f}" == values["p-raw"]


def test_small_exact_cases():
    dice = dice_snippet()
    assert dice.exact_tail(1, 1) == 1 and dice.exact_tail(1, 7) == 0
    assert dice.exact_tail(2, 12) == F(1, 36)
    assert sum(dice.exact_sum_distribution(3)) == 6**3


def test_the_continuity_correction_helps_and_berry_esseen_holds():
    values = expected_values()
    exact = float(dice_snippet().exact_tail(DICE, THRESHOLD))
    assert abs(exact - float(values["p-cc"])) < abs(exact - float(values["p-raw"]))
    assert sup_cdf_error(DICE) <= float(values["be-bound"])


def test_the_mean_of_cauchy_variables_does_not_concentrate():
    """The page's extreme case: the interquartile range of the mean of n standard Cauchy draws stays 2."""
    rng = np.random.default_rng(0)
    means = rng.standard_cauchy((20_000, 50)).mean(axis=1)
    q1, q3 = np.quantile(means, [0.25, 0.75])
    assert abs((q3 - q1) - 2.0) < 0.1  # standard Cauchy quartiles are -1 and 1


def test_stated_values():
    assert_values(PAGE, expected_values())
