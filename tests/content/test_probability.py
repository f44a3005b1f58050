"""Every number on questions/probability.md, recomputed from the inputs the page shows."""

import math
from fractions import Fraction as F
from math import comb

import pytest

from tests.content.helpers import assert_stated, load_snippet

PAGE = "questions/probability.md"


def r(x, digits):
    """Format like the page: fixed number of decimals."""
    return f"{float(x):.{digits}f}"


def normal_sf(z):
    return 0.5 * math.erfc(z / math.sqrt(2))


def entropy_bits(*ps):
    return -sum(p * math.log2(p) for p in ps if p > 0)


# --- dependence vs correlation -------------------------------------------------------------


def test_dependence_counter_example():
    xs = [F(-1), F(0), F(1)]
    p = F(1, 3)
    e_x = sum(p * x for x in xs)
    e_xy = sum(p * x * x**2 for x in xs)
    e_y = sum(p * x**2 for x in xs)
    assert e_x == 0 and e_xy == 0
    assert e_xy - e_x * e_y == 0  # covariance is zero
    p_joint = F(1, 3)  # X = 0 forces Y = 0
    p_x0 = F(1, 3)
    p_y0 = F(1, 3)
    assert p_x0 * p_y0 == F(1, 9) != p_joint
    p_y1 = F(2, 3)
    mutual_information = entropy_bits(float(p_y0), float(p_y1))  # = H(Y), since H(Y|X) = 0
    assert_stated(PAGE, "1/3 \\cdot 1/3 = 1/9", "P(Y = 1) = 2/3", "H(1/3, 2/3) \\approx " + r(mutual_information, 3))


def test_random_sign_example_uncorrelated():
    # E[XY] = E[S] E[X^2] with E[S] = 0
    assert F(1, 2) * 1 + F(1, 2) * (-1) == 0


# --- conjugate prior ------------------------------------------------------------------------


def beta_cdf_integer(x, a, b):
    """I_x(a, b) for integer a, b: P(Binomial(a + b - 1, x) >= a)."""
    n = a + b - 1
    return sum(comb(n, k) * x**k * (1 - x) ** (n - k) for k in range(a, n + 1))


def beta_quantile(q, a, b):
    lo, hi = 0.0, 1.0
    for _ in range(100):
        mid = (lo + hi) / 2
        if beta_cdf_integer(mid, a, b) < q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def test_conjugate_prior_numbers():
    alpha, beta, heads, n = 2, 2, 7, 10
    a, b = alpha + heads, beta + n - heads
    assert (a, b) == (9, 5)
    mean = F(a, a + b)
    mode = F(a - 1, a + b - 2)
    mle = F(heads, n)
    var = F(a * b, (a + b) ** 2 * (a + b + 1))
    assert mean == F(9, 14) and mode == F(2, 3) and var == F(3, 196)
    lo, hi = beta_quantile(0.025, a, b), beta_quantile(0.975, a, b)
    # weighted-average identity
    w_prior = F(alpha + beta, alpha + beta + n)
    assert w_prior == F(4, 14)
    assert w_prior * F(1, 2) + (1 - w_prior) * mle == mean
    assert w_prior * F(1, 2) == F(2, 14) and (1 - w_prior) * mle == F(7, 14)
    assert_stated(
        PAGE,
        "Beta(9, 5)",
        f"$9/14 \\approx {r(mean, 3)}$",
        f"$8/12 = 2/3 \\approx {r(mode, 3)}$",
        f"| ${r(mle, 1)}$ |",
        f"$\\sqrt{{3/196}} \\approx {r(math.sqrt(var), 3)}$",
        f"$[{r(lo, 3)}, {r(hi, 3)}]$",
        "\\alpha + \\beta = 4",
        "\\tfrac{4}{14}\\cdot 0.5 + \\tfrac{10}{14}\\cdot 0.7 = \\tfrac{2}{14} + \\tfrac{7}{14} = \\tfrac{9}{14}",
    )
    # posterior predictive = posterior mean
    assert_stated(PAGE, f"$9/14 \\approx {r(mean, 3)}$.")


def test_uniform_prior_gives_mle():
    h, n = 7, 10
    assert F(1 + h - 1, 1 + 1 + n - 2) == F(h, n)


# --- urn --------------------------------------------------------------------------------------


def test_urn_exact_posteriors():
    half = F(1, 2)
    p_r_a, p_r_b = F(3, 5), F(2, 6)
    assert p_r_b == F(1, 3)
    joint_a, joint_b = half * p_r_a, half * p_r_b
    assert (joint_a, joint_b) == (F(3, 10), F(1, 6))
    assert (F(9, 30), F(14, 30)) == (joint_a, joint_a + joint_b)
    post_a = joint_a / (joint_a + joint_b)
    assert post_a == F(9, 14)
    assert joint_a + joint_b == F(7, 15)
    assert p_r_a / p_r_b == F(9, 5)
    # two reds without replacement
    p_rr_a, p_rr_b = F(3, 5) * F(2, 4), F(2, 6) * F(1, 5)
    assert (p_rr_a, p_rr_b) == (F(3, 10), F(1, 15))
    assert p_rr_a / p_rr_b == F(9, 2)
    post_rr = p_rr_a / (p_rr_a + p_rr_b)
    assert post_rr == F(9, 11)
    assert F(9, 5) * (F(2, 4) / F(1, 5)) == F(45, 10) == F(9, 2)
    assert_stated(
        PAGE,
        "P(R \\mid A) = 3/5",
        "P(R \\mid B) = 2/6 = 1/3",
        "\\frac{3/10}{3/10 + 1/6} = \\frac{9/30}{14/30} = \\frac{9}{14} \\approx " + r(post_a, 3),
        "P(R) = 3/10 + 1/6 = 7/15",
        "(3/5)/(1/3) = 9/5",
        "$9:5$",
        "\\frac{3}{10}",
        "\\frac{1}{15}",
        "= 9:2",
        "P(A \\mid RR) = \\frac{9}{11} \\approx " + r(post_rr, 3),
        "(2/4)/(1/5) = 5/2",
        "$45:10 = 9:2$",
    )


def test_urn_snippet_and_follow_ups():
    urn = load_snippet("probability/urn_bayes.py")
    post = urn.posterior_given_reds()
    assert post == {"A": F(9, 14), "B": F(5, 14)}
    assert urn.posterior_given_reds(reds_drawn=2)["A"] == F(9, 11)
    # a red draw that cannot happen in B: posterior is certain
    assert urn.posterior_given_reds({"A": (1, 1), "B": (0, 3)})["A"] == 1
    estimate = urn.simulate_posterior_a()
    exact = float(F(9, 14))
    n_red = 1_000_000 * 7 / 15
    se = math.sqrt(exact * (1 - exact) / n_red)
    assert abs(estimate - exact) < 3 * se
    assert_stated(
        PAGE,
        f"**{r(estimate, 4)}**",
        r(exact, 4),
        r(se, 4),
        "`" + repr(post) + "`",
        "`" + repr(urn.posterior_given_reds(reds_drawn=2)["A"]) + "`",
    )
    # predictive probability of a second red
    pred = F(9, 14) * F(2, 4) + F(5, 14) * F(1, 5)
    p_rr = F(1, 2) * F(3, 10) + F(1, 2) * F(1, 15)
    assert pred == F(11, 28) == p_rr / F(7, 15) and p_rr == F(11, 60)
    # with replacement
    odds = F(9, 5) ** 2
    assert odds == F(81, 25)
    with_repl = odds / (1 + odds)
    assert with_repl == F(81, 106)
    assert_stated(
        PAGE,
        "\\frac{11}{28} \\approx " + r(pred, 3),
        "\\frac{11/60}{7/15} = \\frac{11}{28}",
        "$81:25$",
        f"81/106 \\approx {r(with_repl, 3)}",
    )


# --- cards ------------------------------------------------------------------------------------


def test_three_cards():
    cards = load_snippet("probability/three_cards.py")
    third = F(1, 3)
    bayes = (1 * third) / (1 * third + F(1, 2) * third + 0)
    assert bayes == F(2, 3) == cards.other_side_red_given_red_up()
    # edge cases: no red faces at all is undefined; only red-red cards gives certainty
    assert cards.other_side_red_given_red_up([("R", "R")]) == 1
    assert cards.other_side_red_given_red_up([("R", "B")]) == 0
    with pytest.raises(ZeroDivisionError):
        cards.other_side_red_given_red_up([("B", "B")])
    assert_stated(PAGE, "\\frac{1/3}{1/2} = \\frac{2}{3}", "`2/3`")


def test_two_card_deck_puzzles():
    cards = load_snippet("probability/three_cards.py")
    assert len(cards.deck()) == 52
    both = comb(4, 2)
    with_ace = comb(52, 2) - comb(48, 2)
    assert (both, comb(52, 2), comb(48, 2), with_ace) == (6, 1326, 1128, 198)
    assert F(both, with_ace) == F(1, 33) == cards.both_aces_given(cards.at_least_one_ace)
    assert F(3, 51) == F(1, 17) == cards.both_aces_given(cards.has_ace_of_spades)
    heart_given_ace = (F(13, 52) * F(1, 13)) / F(4, 52)
    assert heart_given_ace == F(1, 4)
    assert_stated(
        PAGE,
        "\\binom{4}{2} = 6",
        "\\binom{52}{2} - \\binom{48}{2} = 1326 - 1128 = 198",
        "$6/198 = 1/33$",
        "$3/51 = 1/17$",
        "`1/33`",
        "`1/17`",
        "\\frac{(13/52)(1/13)}{4/52} = \\frac{1}{4}",
    )


# --- CLT --------------------------------------------------------------------------------------


def test_clt_dice():
    dice = load_snippet("probability/dice_clt.py")
    faces = range(1, 7)
    mu = F(sum(faces), 6)
    var1 = F(sum(x * x for x in faces), 6) - mu**2
    assert mu == F(7, 2) and var1 == F(35, 12)
    mean, var = 100 * mu, 100 * var1
    sd = math.sqrt(var)
    z_cc = (369.5 - float(mean)) / sd
    z_raw = (370 - float(mean)) / sd
    exact = float(dice.exact_tail(100, 370))
    assert dice.normal_tail(100, 370) == pytest.approx(normal_sf(z_cc))
    assert dice.normal_tail(100, 370, continuity=False) == pytest.approx(normal_sf(z_raw))
    assert abs(exact - normal_sf(z_cc)) < 3e-4  # "accurate to about 10^{-4}"
    assert_stated(PAGE, "10^{-4}")
    # edge cases of the exact distribution
    assert dice.exact_tail(1, 1) == 1 and dice.exact_tail(1, 7) == 0
    assert dice.exact_tail(2, 12) == F(1, 36)
    assert sum(dice.exact_sum_distribution(3)) == 6**3
    assert_stated(
        PAGE,
        "\\mu = 3.5",
        f"\\sigma^2 = 35/12 \\approx {r(var1, 3)}",
        f"${int(mean)}$",
        f"100 \\cdot 35/12 \\approx {r(var, 2)}",
        f"\\approx {r(sd, 2)}",
        f"\\frac{{369.5 - 350}}{{{r(sd, 2)}}} \\approx {r(z_cc, 3)}",
        f"1 - \\Phi({r(z_cc, 3)}) \\approx {r(normal_sf(z_cc), 4)}",
        f"$z \\approx {r(z_raw, 3)}$",
        f"${r(normal_sf(z_raw), 4)}$",
        f"${r(exact, 4)}$",
        f"`exact {r(exact, 4)}`",
        f"`normal + cc {r(normal_sf(z_cc), 4)}`",
        f"`normal, no cc {r(normal_sf(z_raw), 4)}`",
    )


# --- MLE vs MAP -------------------------------------------------------------------------------


def test_mle_vs_map():
    def map_estimate(h, n, a=2, b=2):
        return F(h + a - 1, n + a + b - 2)

    assert F(3, 3) == 1
    assert map_estimate(3, 3) == F(4, 5)
    assert (2 + 3, 2 + 0) == (5, 2)  # Beta(5, 2)
    post_mean = F(3 + 2, 3 + 4)
    assert post_mean == F(5, 7)
    assert map_estimate(70, 100) == F(71, 102)
    assert map_estimate(7, 10, 1, 1) == F(7, 10)
    sigma2, tau2 = 1, F(1, 4)
    assert sigma2 / tau2 == 4
    assert_stated(
        PAGE,
        "$h/n = 1$",
        "Beta(5, 2)",
        "\\frac{3 + 1}{3 + 2} = \\frac{4}{5} = " + r(F(4, 5), 1),
        f"$5/7 \\approx {r(post_mean, 3)}$",
        f"$71/102 \\approx {r(F(71, 102), 3)}$",
        "$0.7$",
        "$\\sigma^2 = 1$, $\\tau^2 = 0.25$",
        "$\\lambda = 4$",
    )


# --- p-values ---------------------------------------------------------------------------------


def test_p_values():
    n, x = 100, 60
    upper = F(sum(comb(n, k) for k in range(x, n + 1)), 2**n)
    two_sided = 2 * upper
    sd = math.sqrt(n * 0.25)
    assert sd == 5
    z = (x - 50) / sd
    z_cc = (x - 0.5 - 50) / sd
    assert z == 2 and z_cc == pytest.approx(1.9)
    p_normal, p_cc = 2 * normal_sf(z), 2 * normal_sf(z_cc)
    assert p_normal < 0.05 < float(two_sided)  # the decision flips
    fwer = 1 - 0.95**20
    assert_stated(
        PAGE,
        f"$P(X \\ge 60) \\approx {r(upper, 4)}$",
        f"$p \\approx {r(two_sided, 4)}$",
        "\\sqrt{100 \\cdot 0.25} = 5",
        "$z = (60 - 50)/5 = 2$",
        f"$p \\approx {r(p_normal, 4)}$",
        "$z = (59.5 - 50)/5 = 1.9$",
        f"$p \\approx {r(p_cc, 4)}$",
        f"1 - 0.95^{{20}} \\approx {r(fwer, 3)}",
        f"\\alpha/20 = {0.05 / 20:.4f}",
        f"${r(upper, 4)}$",
    )


# --- estimator variance -----------------------------------------------------------------------


def test_estimator_variance_theory():
    n = 5

    # Gaussian: sum of squares ~ sigma^2 chi^2_{n-1}: mean n-1, variance 2(n-1)
    def mse(divisor):
        mean = F(n - 1, divisor)
        var = F(2 * (n - 1), divisor**2)
        return mean, (mean - 1) ** 2 + var

    assert mse(n - 1) == (1, F(1, 2))
    assert mse(n) == (F(4, 5), F(9, 25)) and F(9, 25) == F(2 * n - 1, n * n)
    assert mse(n + 1) == (F(4, 6), F(1, 3)) and F(1, 3) == F(2, n + 1)
    assert_stated(
        PAGE,
        "$2/(n-1) = 0.5$",
        "$4/5 = 0.8$",
        "$(2n-1)/n^2 = 9/25 = 0.36$",
        f"$4/6 \\approx {r(F(4, 6), 3)}$",
        f"$2/(n+1) \\approx {r(F(1, 3), 3)}$",
        "$n - 1 = 4$",
        "$n = 5$",
        "$n + 1 = 6$",
    )


def test_estimator_variance_simulation():
    est = load_snippet("probability/variance_estimators.py")
    result = est.compare_estimators()
    (b_mean, b_mse), (u_mean, u_mse) = result["biased"], result["unbiased"]
    assert b_mean == pytest.approx(0.8, abs=0.01) and u_mean == pytest.approx(1.0, abs=0.01)
    assert b_mse == pytest.approx(0.36, abs=0.01) and u_mse == pytest.approx(0.5, abs=0.01)
    assert b_mse < u_mse
    assert_stated(
        PAGE,
        f"`{r(b_mean, 3)}`",
        f"`{r(b_mse, 3)}`",
        f"`{r(u_mean, 3)}`",
        f"`{r(u_mse, 3)}`",
        "$2 \\times 10^5$",
    )
    # the estimator is exact up to sampling noise for another sigma
    other = est.compare_estimators(n=10, sigma2=4.0, n_repeats=20_000, seed=1)
    assert other["unbiased"][0] == pytest.approx(4.0, rel=0.03)
