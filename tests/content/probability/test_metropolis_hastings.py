"""questions/probability/metropolis-hastings.md: the exact kernel, the sampler, the Hastings term, tuning."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/metropolis-hastings.md"
MH = load_snippet("probability/metropolis.py")
STEPS, GAUSS_STEPS, CHECK_STEPS = 200_000, 100_000, 100_000
STEP_SIZES = {"small": 0.5, "mid": 2.4, "large": 10.0}


def batch_means_se(values, batches=100):
    """Standard error of a chain average that accounts for autocorrelation (batch means)."""
    means = np.asarray(values, float)[: len(values) // batches * batches].reshape(batches, -1).mean(axis=1)
    return means.std(ddof=1) / math.sqrt(batches)


def test_kernel_is_stochastic_and_reversible():
    p = MH.random_walk_kernel(MH.WEIGHTS)
    pi = np.array(MH.WEIGHTS) / sum(MH.WEIGHTS)
    assert np.allclose(p.sum(axis=1), 1) and (p >= 0).all()
    flow = pi[:, None] * p
    assert np.allclose(flow, flow.T) and np.allclose(pi @ p, pi)
    assert np.allclose(np.linalg.matrix_power(p, 200)[0], pi)  # converges from state 0


def test_sampler_frequencies_match_the_target_within_four_autocorrelated_standard_errors():
    rng = np.random.default_rng(5)
    w = np.array(MH.WEIGHTS, float)
    chain, _ = MH.metropolis_hastings(
        lambda s: np.log(w[s]) if 0 <= s < w.size else -np.inf,
        lambda s, r: s + (1 if r.random() < 0.5 else -1),
        0,
        CHECK_STEPS,
        rng,
    )
    for state, target in enumerate(w / w.sum()):
        indicator = chain == state
        assert abs(indicator.mean() - target) < 4 * batch_means_se(indicator)


def test_the_same_check_catches_a_sampler_that_drops_rejected_moves():
    rng = np.random.default_rng(6)
    w = np.array(MH.WEIGHTS, float)
    x, kept = 0, []
    for _ in range(CHECK_STEPS):
        y = x + (1 if rng.random() < 0.5 else -1)
        if 0 <= y < w.size and rng.random() < min(1.0, w[y] / w[x]):
            x = y
            kept.append(x)  # bug: a rejection is not recorded
    kept = np.array(kept)
    assert abs((kept == 0).mean() - w[0] / w.sum()) > 4 * batch_means_se(kept == 0)


def test_the_hastings_term_matters_for_an_asymmetric_proposal():
    """Target Exp(1) on x > 0 with multiplicative proposals y = x exp(0.8 z): q(x | y) / q(y | x) = y / x."""

    def run(correct, seed):
        rng = np.random.default_rng(seed)
        chain, _ = MH.metropolis_hastings(
            lambda x: -x,
            lambda x, r: x * math.exp(0.8 * r.standard_normal()),
            1.0,
            60_000,
            rng,
            log_q_ratio=(lambda x, y: math.log(y / x)) if correct else None,
        )
        return chain

    good, bad = run(True, 7), run(False, 8)
    assert abs(good.mean() - 1.0) < 4 * batch_means_se(good)
    assert abs(bad.mean() - 1.0) > 4 * batch_means_se(bad)


def test_acceptance_formula_matches_simulation():
    for step in STEP_SIZES.values():
        _, rate = MH.gaussian_random_walk(step, GAUSS_STEPS, seed=9)
        assert abs(rate - 2 / math.pi * math.atan(2 / step)) < 0.01


def expected_values():
    p = MH.random_walk_kernel(MH.WEIGHTS)
    moduli = np.sort(np.abs(np.linalg.eigvals(p)))
    freq, _ = MH.run_discrete(MH.WEIGHTS, STEPS)
    values = {
        "lambda-2": f"{moduli[-2]:.2f}",
        "steps": f"{STEPS:,}",
        "freq-middle": f"{freq[2]:.3f}",
        "gauss-steps": f"{GAUSS_STEPS:,}",
    }
    for name, step in STEP_SIZES.items():
        chain, rate = MH.gaussian_random_walk(step, GAUSS_STEPS)
        values |= {
            f"s-{name}": f"{step:g}",
            f"acc-{name}": f"{2 / math.pi * math.atan(2 / step):.3f}",
            f"sim-{name}": f"{rate:.3f}",
            f"tau-{name}": f"{MH.integrated_autocorrelation_time(chain):.1f}",
        }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
