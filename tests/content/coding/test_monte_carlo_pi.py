"""questions/coding/monte-carlo-pi.md: the snippet's estimate and error bars, the sample size for
four decimals, the quasi-Monte Carlo caveat (the disc indicator's Vitali variation diverges; the
1-D integrand meets the Koksma–Hlawka bound) and the conditional estimator's variance."""

import math
import statistics

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/monte-carlo-pi.md"
N, SEED, SEEDS, TOLERANCE_SE = 10**6, 0, 5, 4
HALF_WIDTH = 1e-4
GRID_SMALL, GRID_LARGE = 100, 1000
QMC_N = 10**6


def mc():
    return load_snippet("coding/monte_carlo_pi.py")


def minus(text: str) -> str:
    return text.replace("-", "\u2212")


def power_of_ten(x: float) -> str:
    exponent = round(math.log10(x))
    assert math.isclose(x, 10.0**exponent)
    return f"10^{exponent}" if 0 <= exponent < 10 else f"10^{{{exponent}}}"


def sci(x: float) -> str:
    exponent = math.floor(math.log10(abs(x)))
    return f"{x / 10**exponent:.2f} \\times 10^{{{exponent}}}"


def radical_inverse(indices: np.ndarray, base: int) -> np.ndarray:
    """The van der Corput radical inverse: the base-b digits of i mirrored after the point."""
    i = indices.astype(np.int64).copy()
    out, scale = np.zeros(i.shape), 1.0 / base
    while np.any(i > 0):
        out += scale * (i % base)
        i //= base
        scale /= base
    return out


def star_discrepancy_1d(points: np.ndarray) -> float:
    """Exact star discrepancy in one dimension: 1/(2n) + max |x_(i) - (2i - 1)/(2n)| (Niederreiter 1992)."""
    n = len(points)
    ordered = np.sort(points)
    return 1 / (2 * n) + float(np.max(np.abs(ordered - (2 * np.arange(1, n + 1) - 1) / (2 * n))))


def vitali_sum(k: int) -> int:
    """Vitali variation of the quarter-disc indicator summed over a k x k grid of cells."""
    grid = np.linspace(0.0, 1.0, k + 1)
    x, y = np.meshgrid(grid, grid, indexing="ij")
    f = (x * x + y * y <= 1.0).astype(int)
    return int(np.abs(f[1:, 1:] - f[1:, :-1] - f[:-1, 1:] + f[:-1, :-1]).sum())


def smooth(x):
    return 4.0 * np.sqrt(1.0 - x * x)


def qmc_numbers():
    idx = np.arange(1, QMC_N + 1)
    x, y = radical_inverse(idx, 2), radical_inverse(idx, 3)
    halton_error = 4.0 * float(np.mean(x * x + y * y <= 1.0)) - math.pi
    vdc_error = float(np.mean(smooth(x))) - math.pi
    return halton_error, vdc_error, star_discrepancy_1d(x)


def variation_of_smooth() -> float:
    grid = np.linspace(0.0, 1.0, 100_001)
    values = smooth(grid)
    assert np.all(np.diff(values) <= 0)  # monotone, so the total variation is the drop end to end
    return float(np.abs(np.diff(values)).sum())


def expected_values() -> dict[str, str]:
    mod = mc()
    est, se = mod.estimate_pi(N, SEED), mod.standard_error(N)
    err = est - math.pi
    z = statistics.NormalDist().inv_cdf(0.975)
    confidence = 2 * statistics.NormalDist().cdf(round(z, 2)) - 1
    needed = mod.samples_needed(HALF_WIDTH)
    halton_error, vdc_error, discrepancy = qmc_numbers()
    variation = variation_of_smooth()
    var_smooth, var_hit = 32 / 3 - math.pi**2, math.pi * (4 - math.pi)
    return {
        "n-question": power_of_ten(N),
        "n": power_of_ten(N),
        "seed": f"{SEED}",
        "estimate": f"{est:.6f}",
        "estimate-printed": f"{est:.4f}",
        "n-se": power_of_ten(N),
        "se": f"{se:.6f}",
        "error": minus(f"{err:.6f}"),
        "error-in-se": minus(f"{err / se:.2f}"),
        "tolerance-se": f"{TOLERANCE_SE}",
        "seeds": f"{SEEDS}",
        "confidence": f"{100 * confidence:.0f}",
        "half-width": power_of_ten(HALF_WIDTH),
        "z": f"{z:.2f}",
        "half-width-squared": power_of_ten(HALF_WIDTH**2),
        "samples-needed": f"{needed:,}".replace(",", "\\,"),
        "samples-needed-sci": sci(needed),
        "digit-cost": f"{mod.samples_needed(HALF_WIDTH / 10) / needed:.0f}",
        "vitali-small": f"{vitali_sum(GRID_SMALL)}",
        "grid-small": f"{GRID_SMALL}",
        "vitali-large": f"{vitali_sum(GRID_LARGE)}",
        "grid-large": f"{GRID_LARGE}",
        "halton-n": power_of_ten(QMC_N),
        "halton-error": f"{abs(halton_error):.6f}",
        "variation": f"{variation:.0f}",
        "variation-again": f"{variation:.0f}",
        "vdc-n": power_of_ten(QMC_N),
        "vdc-discrepancy": sci(discrepancy),
        "vdc-bound": f"{round(variation) * discrepancy:.7f}",
        "vdc-error": f"{abs(vdc_error):.7f}",
        "var-smooth": f"{var_smooth:.3f}",
        "var-hit": f"{var_hit:.3f}",
        "var-ratio": f"{var_hit / var_smooth:.2f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_standard_error_matches_the_bernoulli_formula_and_the_spread_over_seeds():
    mod = mc()
    assert mod.standard_error(N) == pytest.approx(4 * math.sqrt((math.pi / 4) * (1 - math.pi / 4) / N))
    n_small, seeds = 10_000, 200
    spread = statistics.stdev(mod.estimate_pi(n_small, seed) for seed in range(seeds))
    # the sample standard deviation of 200 draws is within about 4 x sigma / sqrt(2 * 199) of sigma
    assert abs(spread - mod.standard_error(n_small)) < 4 * mod.standard_error(n_small) / math.sqrt(2 * (seeds - 1))


def test_estimates_for_several_seeds_lie_within_the_stated_tolerance():
    mod = mc()
    for seed in range(SEEDS):
        assert abs(mod.estimate_pi(N, seed) - math.pi) < TOLERANCE_SE * mod.standard_error(N)


def test_samples_needed_meets_the_half_width_and_is_the_smallest_such_n():
    mod = mc()
    needed = mod.samples_needed(HALF_WIDTH)
    z = 1.96
    assert z * mod.standard_error(needed) <= HALF_WIDTH < z * mod.standard_error(needed - 1)


def test_the_disc_indicator_has_unbounded_vitali_variation():
    sums = [vitali_sum(k) for k in (GRID_SMALL, 2 * GRID_SMALL, 4 * GRID_SMALL)]
    assert sums[0] < sums[1] < sums[2] and sums[2] > 3.5 * sums[0]  # grows linearly in k: no finite limit


def test_koksma_hlawka_bound_holds_for_the_smooth_integrand():
    for n in (1000, 12_345, QMC_N):
        x = radical_inverse(np.arange(1, n + 1), 2)
        error = abs(float(np.mean(smooth(x))) - math.pi)
        assert error <= variation_of_smooth() * star_discrepancy_1d(x)


def test_the_conditional_estimator_variance_by_simulation():
    rng = np.random.default_rng(1)
    draws = smooth(rng.random(400_000))
    var = float(draws.var())
    # standard error of a sample variance: sqrt((mu4 - sigma^4) / n)
    mu4 = float(((draws - draws.mean()) ** 4).mean())
    assert abs(var - (32 / 3 - math.pi**2)) < 4 * math.sqrt((mu4 - var**2) / draws.size)


def test_chunking_and_edge_cases():
    mod = mc()
    assert mod.estimate_pi(100_000, 3, chunk=999) == mod.estimate_pi(100_000, 3)
    assert mod.estimate_pi(1, 0) in (0.0, 4.0)
    with pytest.raises(ValueError):
        mod.estimate_pi(0)
