"""questions/probability/bayes-urn.md: posterior of the urn after one and two red balls, exact and simulated."""

import math
from fractions import Fraction as F

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/bayes-urn.md"
URNS = {"A": (3, 2), "B": (2, 4)}  # (red, green), the question's givens
TRIALS, SEED = 10**6, 0


def urn_snippet():
    return load_snippet("probability/urn_bayes.py")


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def tex(x: F) -> str:
    return rf"\frac{{{x.numerator}}}{{{x.denominator}}}"


def odds(x: F) -> str:
    return f"{x.numerator}:{x.denominator}"


def p_red(urn: str, k: int = 0) -> tuple[int, int]:
    """(numerator, denominator) of P(ball k+1 is red | the first k were red), before reducing."""
    red, green = URNS[urn]
    return red - k, red + green - k


def bayes(likelihoods: dict[str, F]) -> dict[str, F]:
    """The posterior over urns from the likelihoods of the evidence, under a uniform prior."""
    prior = F(1, len(likelihoods))
    evidence = sum(prior * value for value in likelihoods.values())
    return {name: prior * value / evidence for name, value in likelihoods.items()}


def expected_values() -> dict[str, str]:
    prior = F(1, 2)
    lik_a, lik_b = (F(*p_red(name)) for name in "AB")
    second_a, second_b = (F(*p_red(name, 1)) for name in "AB")
    joint_a, joint_b = prior * lik_a, prior * lik_b
    evidence = joint_a + joint_b
    post = bayes({"A": lik_a, "B": lik_b})
    post_rr = bayes({"A": lik_a * second_a, "B": lik_b * second_b})["A"]
    common = math.lcm(joint_a.denominator, joint_b.denominator)
    ratio = lik_a / lik_b
    ratio2 = second_a / second_b
    seq = (ratio.numerator * ratio2.numerator, ratio.denominator * ratio2.denominator)
    predictive = post["A"] * second_a + post["B"] * second_b
    p_rr = prior * lik_a * second_a + prior * lik_b * second_b
    odds_repl = ratio**2
    snippet = urn_snippet()
    simulated = snippet.simulate_posterior_a(n_trials=TRIALS, seed=SEED)
    red_draws = TRIALS * evidence
    se = math.sqrt(post["A"] * (1 - post["A"]) / red_draws)

    def chain(urn: str) -> str:
        (n1, d1), (n2, d2) = p_red(urn), p_red(urn, 1)
        return rf"\frac{{{n1}}}{{{d1}}}\cdot\frac{{{n2}}}{{{d2}}} = {tex(F(n1, d1) * F(n2, d2))}"

    return {
        "q-red-a": str(URNS["A"][0]),
        "q-green-a": str(URNS["A"][1]),
        "q-red-b": str(URNS["B"][0]),
        "q-green-b": str(URNS["B"][1]),
        "weak-guess": frac(lik_a),
        "post-a-short": frac(post["A"]),
        "post-a-short-dec": f"{float(post['A']):.3f}",
        "post-rr-short": frac(post_rr),
        "post-rr-short-dec": f"{float(post_rr):.3f}",
        "prior": frac(prior),
        "lik-a": frac(lik_a),
        "lik-b-raw": "{}/{}".format(*p_red("B")),
        "lik-b": frac(lik_b),
        "joint-a": frac(joint_a),
        "joint-a-den": frac(joint_a),
        "joint-b": frac(joint_b),
        "joint-a-30": f"{joint_a * common}/{common}",
        "evidence-30": f"{evidence * common}/{common}",
        "post-a": tex(post["A"]),
        "post-a-dec": f"{float(post['A']):.3f}",
        "evidence-a": frac(joint_a),
        "evidence-b": frac(joint_b),
        "evidence": frac(evidence),
        "prior-odds": odds(prior / prior),
        "lr-num": frac(lik_a),
        "lr-den": frac(lik_b),
        "lr": frac(ratio),
        "post-odds": odds(ratio),
        "post-a-odds": frac(ratio / (1 + ratio)),
        "rr-a": chain("A"),
        "rr-b": chain("B"),
        "rr-odds-num": frac(lik_a * second_a),
        "rr-odds-den": frac(lik_b * second_b),
        "rr-odds": odds(lik_a * second_a / (lik_b * second_b)),
        "post-rr": tex(post_rr),
        "post-rr-dec": f"{float(post_rr):.3f}",
        "seq-start": odds(ratio),
        "lr2": "({}/{})/({}/{}) = {}".format(*p_red("A", 1), *p_red("B", 1), frac(ratio2)),
        "seq-odds": f"{seq[0]}:{seq[1]} = {odds(F(*seq))}",
        "trials": f"10^{round(math.log10(TRIALS))}",
        "seed": str(SEED),
        "sim": f"{simulated:.4f}",
        "exact-4": f"{float(post['A']):.4f}",
        "red-draws": f"{round(float(red_draws), -3):,.0f}",
        "se": f"{se:.4f}",
        "post-repr": repr(snippet.posterior_given_reds()),
        "post-rr-repr": repr(snippet.posterior_given_reds(reds_drawn=2)["A"]),
        "pred": rf"{tex(post['A'])}\cdot{tex_raw(*p_red('A', 1))} + {tex(post['B'])}\cdot{tex_raw(*p_red('B', 1))}"
        rf" = {tex(predictive)}",
        "pred-dec": f"{float(predictive):.3f}",
        "p-rr": frac(p_rr),
        "p-r": frac(evidence),
        "pred-check": tex(p_rr / evidence),
        "lr-repl": frac(ratio),
        "odds-repl": odds(odds_repl),
        "post-repl": frac(odds_repl / (1 + odds_repl)),
        "post-repl-dec": f"{float(odds_repl / (1 + odds_repl)):.3f}",
    }


def tex_raw(numerator: int, denominator: int) -> str:
    return rf"\frac{{{numerator}}}{{{denominator}}}"


def test_the_snippet_holds_the_page_urns():
    assert urn_snippet().URNS == URNS


def test_exact_posteriors_match_bayes_by_enumeration():
    """Enumerate every (urn, ordered pair of balls) outcome and condition on the reds seen."""
    snippet = urn_snippet()
    for reds in (1, 2):
        weight = {}
        for name, (red, green) in URNS.items():
            balls = ["r"] * red + ["g"] * green
            orders = [(i, j) for i in range(len(balls)) for j in range(len(balls)) if i != j]
            hits = sum(all(balls[k] == "r" for k in pair[:reds]) for pair in orders)
            weight[name] = F(1, len(URNS)) * F(hits, len(orders))
        total = sum(weight.values())
        assert snippet.posterior_given_reds(reds_drawn=reds) == {n: w / total for n, w in weight.items()}


def test_an_impossible_red_makes_the_posterior_certain():
    assert urn_snippet().posterior_given_reds({"A": (1, 1), "B": (0, 3)})["A"] == 1


def test_the_simulation_uses_the_urns_it_is_given():
    """Three urns that are not the page's: the estimate must match Bayes for these urns, within 4 s.e."""
    urns = {"A": (1, 4), "B": (5, 1), "C": (2, 2)}
    likelihoods = {name: F(red, red + green) for name, (red, green) in urns.items()}
    exact = float(bayes(likelihoods)["A"])
    trials = 400_000
    red_draws = trials * sum(likelihoods.values()) / len(urns)
    se = math.sqrt(exact * (1 - exact) / float(red_draws))
    estimate = urn_snippet().simulate_posterior_a(urns, n_trials=trials, seed=3)
    assert abs(estimate - exact) < 4 * se
    # the page's urns give a different answer, so a hard-coded pair of urns would fail here
    assert abs(exact - 9 / 14) > 20 * se


def test_the_page_simulation_is_within_three_standard_errors():
    values = expected_values()
    assert abs(float(values["sim"]) - 9 / 14) < 3 * float(values["se"])


def test_stated_values():
    assert_values(PAGE, expected_values())
