"""questions/probability/confidence-vs-credible-intervals.md: binomial intervals and their coverage."""

import math
from fractions import Fraction

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/confidence-vs-credible-intervals.md"
BI = load_snippet("probability/binomial_intervals.py")
X, N, P_LOW, P_MID, REPS = 1, 20, 0.05, 0.3, 100_000


def beta_cdf_integer(x, a, b):
    """I_x(a, b) for integer a, b as a binomial tail: P(Bin(a + b - 1, x) >= a), exact in Fractions."""
    x = Fraction(x)
    m = a + b - 1
    return sum(math.comb(m, k) * x**k * (1 - x) ** (m - k) for k in range(a, m + 1))


def test_incomplete_beta_matches_the_binomial_identity_and_a_numerical_integral():
    for x in (0.01, 0.2, 0.5, 0.93):
        for a, b in ((1, 20), (2, 19), (2, 20), (5, 3)):
            assert abs(BI.beta_cdf(x, a, b) - float(beta_cdf_integer(Fraction(x), a, b))) < 1e-12
    t = np.linspace(0, 0.2, 200_001)[1:]
    a, b = 1.5, 19.5  # half-integer parameters (Jeffreys): compare with a direct integral
    dens = np.exp((a - 1) * np.log(t) + (b - 1) * np.log1p(-t) - math.lgamma(a) - math.lgamma(b) + math.lgamma(a + b))
    assert abs(BI.beta_cdf(0.2, a, b) - float(np.trapezoid(dens, t))) < 1e-5


def test_clopper_pearson_lower_end_has_a_closed_form_for_one_success():
    assert abs(BI.clopper_pearson(X, N)[0] - (1 - 0.975 ** (1 / N))) < 1e-10


def test_exact_coverage_agrees_with_simulation():
    for interval in (BI.wald, BI.credible, BI.jeffreys):
        exact = BI.coverage(interval, P_LOW, N)
        assert abs(BI.simulate_coverage(interval, P_LOW, N, reps=REPS, seed=2) - exact) < 4 * math.sqrt(0.25 / REPS)


def test_clopper_pearson_never_under_covers():
    for p in np.linspace(0.01, 0.99, 99):
        assert BI.coverage(BI.clopper_pearson, p, N) >= 0.95 - 1e-9


def test_the_credible_interval_is_calibrated_on_average_over_its_prior():
    assert abs(BI.prior_averaged_coverage(BI.credible, N, reps=REPS, seed=3) - 0.95) < 4 * math.sqrt(0.95 * 0.05 / REPS)


def expected_values():
    values = {"x": f"{X}", "n": f"{N}", "p-hat": f"{X / N:.2f}", "p-low": f"{P_LOW}", "p-mid": f"{P_MID}"}
    for key, f, digits in (("wald", BI.wald, 3), ("cp", BI.clopper_pearson, 4), ("flat", BI.credible, 3)):
        lo, hi = f(X, N)
        values[f"{key}-lo"] = f"{lo:.{digits}f}"
        values[f"{key}-hi"] = f"{hi:.3f}"
    lo, hi = BI.jeffreys(X, N)
    values |= {"jeff-lo": f"{lo:.3f}", "jeff-hi": f"{hi:.3f}"}
    for key, f in (("wald", BI.wald), ("cp", BI.clopper_pearson), ("flat", BI.credible), ("jeff", BI.jeffreys)):
        values[f"cov-{key}-low"] = f"{BI.coverage(f, P_LOW, N):.3f}"
        values[f"cov-{key}-mid"] = f"{BI.coverage(f, P_MID, N):.3f}"
    values |= {
        "reps": f"{REPS:,}",
        "sim-wald": f"{BI.simulate_coverage(BI.wald, P_LOW, N, reps=REPS):.3f}",
        "sim-flat": f"{BI.simulate_coverage(BI.credible, P_LOW, N, reps=REPS):.3f}",
        "prior-avg": f"{BI.prior_averaged_coverage(BI.credible, N, reps=REPS):.3f}",
    }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
