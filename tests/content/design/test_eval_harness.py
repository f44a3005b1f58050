"""questions/design/eval-harness.md: items needed to detect a 2-point difference (unpaired, paired,
clustered), checked by simulating the tests at the computed sizes; the confidence interval of a
1,000-item benchmark; false alarms over many benchmarks; Cohen's kappa of the judge example against
a hand count; and the accelerator-hours and cost of a full sweep."""

import math

import numpy as np

from tests.content.design.common import sci
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/design/eval-harness.md"
P_A, DELTA, DISCORDANT, ALPHA, POWER = 0.70, 0.02, 0.10, 0.05, 0.80
CLUSTER, ICC, SMALL_N, BENCHMARKS = 5, 0.3, 1000, 40
JUDGE_CONFUSION = [[80, 20], [15, 85]]  # rows: human says A / B; columns: judge says A / B
ZHENG_AGREEMENT = 80  # Zheng et al. 2023, abstract: GPT-4 judge agrees with humans over 80 %
ITEMS, SAMPLES, PROMPT, OUTPUT = 100_000, 4, 1500, 600
JUDGED, JUDGE_PROMPT, JUDGE_OUTPUT = 10_000, 2000, 200
PARAMS, JUDGE_PARAMS = 405e9, 70e9
PEAK, PREFILL_MFU, DECODE_MFU, PRICE, FLEET = 989e12, 0.5, 0.25, 2.50, 128
TRAIN_DEVICES, TRAIN_DAYS = 16_384, 70
GPT3_NGRAM = 13  # Brown et al. 2020, appendix C: 13-gram overlap for contamination


def chance_agreement() -> float:
    m = np.array(JUDGE_CONFUSION, dtype=float)
    return float(m.sum(axis=1) @ m.sum(axis=0)) / m.sum() ** 2


def ev():
    return load_snippet("design/eval_power.py")


def cells():
    """P(both right), P(only A), P(only B), P(both wrong) with the stated marginals and discordance."""
    only_b = (DISCORDANT + DELTA) / 2
    only_a = (DISCORDANT - DELTA) / 2
    both = P_A - only_a
    return [both, only_a, only_b, 1 - both - only_a - only_b]


def sweep():
    e = ev()
    prefill, decode = PEAK * PREFILL_MFU, PEAK * DECODE_MFU
    model_prefill = e.accelerator_hours(ITEMS * PROMPT, 2 * PARAMS, prefill)  # prompt shared by samples
    model_decode = e.accelerator_hours(ITEMS * SAMPLES * OUTPUT, 2 * PARAMS, decode)
    judge = e.accelerator_hours(JUDGED * SAMPLES * JUDGE_PROMPT, 2 * JUDGE_PARAMS, prefill)
    judge += e.accelerator_hours(JUDGED * SAMPLES * JUDGE_OUTPUT, 2 * JUDGE_PARAMS, decode)
    return model_prefill, model_decode, judge


def expected_values() -> dict[str, str]:
    e = ev()
    unpaired = e.items_unpaired(P_A, P_A + DELTA, ALPHA, POWER)
    paired = e.items_paired(DELTA, DISCORDANT, ALPHA, POWER)
    deff = e.design_effect(CLUSTER, ICC)
    clustered = e.items_paired(DELTA, DISCORDANT, ALPHA, POWER, deff)
    m = np.array(JUDGE_CONFUSION)
    prefill, decode, judge = sweep()
    total = prefill + decode + judge
    train = TRAIN_DEVICES * 24 * TRAIN_DAYS
    return {
        "q-delta": f"{100 * DELTA:.0f}",
        "delta": f"{100 * DELTA:.0f}",
        "power": f"{100 * POWER:.0f}",
        "p-a": f"{P_A:.2f}",
        "p-b": f"{P_A + DELTA:.2f}",
        "alpha": f"{ALPHA}",
        "z-sum-sq": f"{(e.z(1 - ALPHA / 2) + e.z(POWER)) ** 2:.2f}",
        "unpaired-formula": f"{(e.z(1 - ALPHA / 2) + e.z(POWER)) ** 2:.2f} \\times "
        f"({P_A:.2f} \\cdot {1 - P_A:.2f} + {P_A + DELTA:.2f} \\cdot {1 - P_A - DELTA:.2f}) / {DELTA}^2",
        "items-unpaired": f"{unpaired:,}",
        "discordant": f"{100 * DISCORDANT:.0f}",
        "paired-formula": f"{(e.z(1 - ALPHA / 2) + e.z(POWER)) ** 2:.2f} \\times "
        f"({DISCORDANT:.2f} - {DELTA}^2) / {DELTA}^2",
        "items-paired": f"{paired:,}",
        "pairing-gain": f"{unpaired / paired:.1f}",
        "cluster": f"{CLUSTER}",
        "icc": f"{ICC}",
        "deff": f"{deff:.1f}",
        "items-clustered": f"{clustered:,}",
        "small-n": f"{SMALL_N:,}",
        "small-p": f"{P_A:.2f}",
        "ci-half": f"{100 * e.ci_half_width(P_A, SMALL_N, ALPHA):.1f}",
        "benchmarks": f"{BENCHMARKS}",
        "false-alarms": f"{BENCHMARKS * ALPHA:.0f}",
        "any-false-alarm": f"{100 * (1 - (1 - ALPHA) ** BENCHMARKS):.0f}",
        "zheng-agreement": f"{ZHENG_AGREEMENT}",
        "judge-pairs": f"{m.sum()}",
        "judge-agree-a": f"{m[0, 0]}",
        "judge-agree-b": f"{m[1, 1]}",
        "judge-agreement": f"{100 * np.trace(m) / m.sum():.1f}",
        "kappa": f"{e.cohens_kappa(JUDGE_CONFUSION):.2f}",
        "items": f"{ITEMS:,}",
        "samples": f"{SAMPLES}",
        "prompt": f"{PROMPT:,}",
        "output": f"{OUTPUT}",
        "params": f"{PARAMS / 1e9:.0f}",
        "prefill-mfu": f"{100 * PREFILL_MFU:.0f}",
        "decode-mfu": f"{100 * DECODE_MFU:.0f}",
        "peak": f"{PEAK / 1e12:.0f}",
        "prefill-tokens": sci(ITEMS * PROMPT),
        "decode-tokens": sci(ITEMS * SAMPLES * OUTPUT),
        "prefill-hours": f"{prefill:.0f}",
        "decode-hours": f"{decode:.0f}",
        "judged": f"{JUDGED:,}",
        "judge-params": f"{JUDGE_PARAMS / 1e9:.0f}",
        "judge-hours": f"{judge:.1f}",
        "sweep-hours": f"{total:.0f}",
        "price": f"{PRICE:.2f}",
        "sweep-cost": f"{total * PRICE:,.0f}",
        "fleet": f"{FLEET}",
        "sweep-wall": f"{total / FLEET:.1f}",
        "train-days": f"{TRAIN_DAYS}",
        "train-devices": f"{TRAIN_DEVICES:,}",
        "power-again": f"{100 * POWER:.0f}",
        "z-q-alpha": f"{1 - ALPHA / 2}",
        "z-q-power": f"{POWER}",
        "delta-again": f"{100 * DELTA:.0f}",
        "alpha-pct": f"{100 * ALPHA:.0f}",
        "power-third": f"{100 * POWER:.0f}",
        "samples-again": f"{SAMPLES}",
        "judge-prompt": f"{JUDGE_PROMPT:,}",
        "judge-output": f"{JUDGE_OUTPUT}",
        "gpt3-ngram": f"{GPT3_NGRAM}",
        "chance": f"{chance_agreement():.1f}",
        "daily-share": f"{100 * TRAIN_DAYS * total / train:.3f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_paired_size_reaches_the_stated_power_by_simulation():
    e = ev()
    rng = np.random.default_rng(0)
    trials = 4000
    n = e.items_paired(DELTA, DISCORDANT, ALPHA, POWER)
    power = e.simulate_paired_power(cells(), n, trials, rng, ALPHA)
    assert abs(power - POWER) < 4 * math.sqrt(POWER * (1 - POWER) / trials)
    half = e.simulate_paired_power(cells(), n // 2, trials, rng, ALPHA)
    assert half < POWER - 0.2  # half the items lose a lot of power


def test_unpaired_size_reaches_the_stated_power_by_simulation():
    e = ev()
    rng = np.random.default_rng(1)
    trials = 4000
    n = e.items_unpaired(P_A, P_A + DELTA, ALPHA, POWER)
    a = rng.binomial(n, P_A, size=trials) / n
    b = rng.binomial(n, P_A + DELTA, size=trials) / n
    se = np.sqrt(a * (1 - a) / n + b * (1 - b) / n)
    power = np.mean(np.abs(b - a) / se > e.z(1 - ALPHA / 2))
    assert abs(power - POWER) < 4 * math.sqrt(POWER * (1 - POWER) / trials)


def test_cells_have_the_stated_marginals():
    both, only_a, only_b, neither = cells()
    assert math.isclose(both + only_a, P_A) and math.isclose(both + only_b, P_A + DELTA)
    assert math.isclose(only_a + only_b, DISCORDANT) and min(cells()) > 0 and math.isclose(sum(cells()), 1)


def test_clustered_items_inflate_the_variance_by_the_design_effect():
    """Simulate clusters of items sharing a random effect; the variance of the mean grows by deff."""
    rng = np.random.default_rng(2)
    e = ev()
    clusters, trials = 200, 3000
    # Binary scores with intra-cluster correlation ICC: with probability ICC an item copies its
    # cluster's shared draw, otherwise it draws on its own.
    shared = rng.random((trials, clusters, 1)) < P_A
    own = rng.random((trials, clusters, CLUSTER)) < P_A
    copy = rng.random((trials, clusters, CLUSTER)) < math.sqrt(ICC)
    scores = np.where(copy, shared, own).mean(axis=(1, 2))
    independent = P_A * (1 - P_A) / (clusters * CLUSTER)
    assert abs(scores.var() / independent - e.design_effect(CLUSTER, ICC)) < 0.2


def test_kappa_by_hand_count():
    # observed 165/200 = 0.825; chance (100*95 + 100*105) / 200^2 = 0.5; kappa = 0.325 / 0.5
    assert math.isclose(ev().cohens_kappa(JUDGE_CONFUSION), 0.65)
    assert math.isclose(ev().cohens_kappa([[50, 0], [0, 50]]), 1.0)
    assert math.isclose(ev().cohens_kappa([[25, 25], [25, 25]]), 0.0)
