"""questions/rl/bandits-ucb-thompson.md: the three policies simulated from the snippet, UCB1's index and
Thompson's choice probabilities against independent references, Hoeffding, and the regret constants."""

import functools
import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/rl/bandits-ucb-thompson.md"
BANDITS = load_snippet("rl/bandits.py")

MEANS = (0.6, 0.5, 0.4)
HORIZON, RUNS, EPS, EARLY = 10_000, 200, 0.1, 1_000
BONUS_PULLS = 100
LONG_HORIZON = 100_000
POLICIES = ("eps-greedy", "ucb1", "thompson")


@functools.cache
def run(policy):
    regret, curve = BANDITS.simulate(policy, MEANS, HORIZON, RUNS, seed=0, eps=EPS)
    return regret, curve


def slope(policy):
    """Regret added between steps EARLY and HORIZON, per unit of ln n."""
    curve = run(policy)[1]
    return (curve[HORIZON - 1] - curve[EARLY - 1]) / math.log(HORIZON / EARLY)


def exploration_rate():
    """Regret per step that epsilon-greedy pays for uniform exploration alone: eps * mean gap."""
    gaps = max(MEANS) - np.array(MEANS)
    return EPS * gaps.sum() / len(MEANS)


def expected_values() -> dict[str, str]:
    c = BANDITS.lai_robbins_constant(MEANS)
    out = {
        "means": "(" + ", ".join(f"{m}" for m in MEANS) + ")",
        "horizon": f"{HORIZON:,}",
        "runs": str(RUNS),
        "eps": f"{EPS}",
        "bonus-pulls": str(BONUS_PULLS),
        "bonus-t": f"{HORIZON:,}",
        "bonus": f"{math.sqrt(2 * math.log(HORIZON) / BONUS_PULLS):.2f}",
        "lr-constant": f"{c:.2f}",
        "lr-regret": f"{c * math.log(HORIZON):.1f}",
        "ucb-bound": f"{BANDITS.ucb1_bound(MEANS, HORIZON):,.0f}",
        "eps-linear": f"{exploration_rate() * HORIZON:.0f}",
        "early": f"{EARLY:,}",
        "long-horizon": f"{LONG_HORIZON:,}",
        "eps-long": f"{exploration_rate() * LONG_HORIZON:,.0f}",
        "ucb-long": f"{run('ucb1')[1][-1] + slope('ucb1') * math.log(LONG_HORIZON / HORIZON):.0f}",
    }
    for name in POLICIES:
        regret = run(name)[0]
        out[f"{name}-regret"] = f"{regret.mean():.1f}"
        out[f"{name}-se"] = f"{regret.std() / math.sqrt(RUNS):.1f}"
        out[f"{name}-slope"] = f"{slope(name):.1f}"
    return out


def test_ucb1_picks_the_largest_index_computed_by_hand():
    rng = np.random.default_rng(1)
    pulls = rng.integers(1, 50, size=(20, 4)).astype(float)
    wins = np.floor(pulls * rng.random((20, 4)))
    t = 500
    chosen = BANDITS.choose("ucb1", t, pulls, wins, rng)
    for r in range(20):
        index = [wins[r, a] / pulls[r, a] + math.sqrt(2 * math.log(t) / pulls[r, a]) for a in range(4)]
        assert chosen[r] == int(np.argmax(index))


def test_thompson_chooses_each_arm_with_its_posterior_probability_of_being_best():
    """P(arm 0 chosen) = P(theta_0 > theta_1) for Beta posteriors, by numerical integration on a grid."""
    wins, pulls = np.array([[6.0, 9.0]]), np.array([[10.0, 20.0]])
    a0, b0, a1, b1 = 1 + 6, 1 + 4, 1 + 9, 1 + 11
    grid = np.linspace(0.0005, 0.9995, 1000)

    def beta_pdf(x, a, b):
        return np.exp(
            (a - 1) * np.log(x) + (b - 1) * np.log(1 - x) - (math.lgamma(a) + math.lgamma(b) - math.lgamma(a + b))
        )

    cdf1 = np.cumsum(beta_pdf(grid, a1, b1)) * (grid[1] - grid[0])
    p0 = float(np.sum(beta_pdf(grid, a0, b0) * cdf1) * (grid[1] - grid[0]))
    rng = np.random.default_rng(2)
    trials = 40_000
    picks = np.array([BANDITS.choose("thompson", 10, pulls, wins, rng)[0] for _ in range(trials)])
    assert abs((picks == 0).mean() - p0) < 5 * math.sqrt(p0 * (1 - p0) / trials)


def test_hoeffding_bounds_the_deviation_behind_the_bonus():
    rng = np.random.default_rng(3)
    n, a = 100, 0.1
    means = rng.binomial(n, 0.5, size=200_000) / n
    assert (means - 0.5 >= a).mean() <= math.exp(-2 * n * a * a)


def test_regret_ordering_and_bounds():
    means = {name: run(name)[0].mean() for name in POLICIES}
    ses = {name: run(name)[0].std() / math.sqrt(RUNS) for name in POLICIES}
    assert means["thompson"] + 3 * ses["thompson"] < means["eps-greedy"] - 3 * ses["eps-greedy"]
    assert means["eps-greedy"] + 3 * ses["eps-greedy"] < means["ucb1"] - 3 * ses["ucb1"]
    assert means["ucb1"] < BANDITS.ucb1_bound(MEANS, HORIZON)
    # epsilon-greedy's late regret grows linearly, at least at the exploration rate
    curve = run("eps-greedy")[1]
    rate = (curve[-1] - curve[EARLY - 1]) / (HORIZON - EARLY)
    assert exploration_rate() <= rate < 1.2 * exploration_rate()


def test_lai_robbins_constant_by_hand():
    kl = [m * math.log(m / 0.6) + (1 - m) * math.log((1 - m) / 0.4) for m in (0.5, 0.4)]
    assert math.isclose(BANDITS.lai_robbins_constant(MEANS), 0.1 / kl[0] + 0.2 / kl[1], rel_tol=1e-12)


def test_stated_values():
    assert_values(PAGE, expected_values())
