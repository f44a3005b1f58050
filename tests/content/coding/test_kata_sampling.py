"""questions/coding/kata-sampling.md: top-p keeps the smallest most-probable set with mass >= p
(checked against a brute force over all subsets), top-k and temperature by their definitions,
sampling frequencies within a few standard errors, and beam search against brute-force enumeration
of every sequence of a tiny model, including the page's example where greedy decoding loses."""

import itertools
import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/kata-sampling.md"
PROBS = [0.5, 0.2, 0.15, 0.1, 0.05]
TOP_P, TOP_K, T_LOW, T_HIGH = 0.8, 2, 0.5, 2.0
EOS, A, B = 0, 1, 2
TINY = {  # the page's two-step model: next-token probabilities after each prefix
    (): [0.1, 0.5, 0.4],
    (A,): [0.3, 0.35, 0.35],
    (B,): [0.05, 0.9, 0.05],
}
MAX_LEN = 2
BEAM_WIDTH, BF_TRIALS, SAMPLE_SE = 2, 200, 5
NAMES = {EOS: "<eos>", A: "a", B: "b"}


def smp():
    return load_snippet("coding/sampling.py")


def tiny(prefix):
    return np.log(np.array(TINY[prefix]))


def brute_force(log_probs_fn, vocab, eos, max_len):
    """Every sequence that ends in eos or reaches max_len, with its log-probability."""
    out = []

    def walk(seq, score):
        if seq and (seq[-1] == eos or len(seq) == max_len):
            out.append((score, seq))
            return
        for token, lp in enumerate(log_probs_fn(seq)):
            walk(seq + (token,), score + float(lp))

    walk((), 0.0)
    return out


def greedy(log_probs_fn, eos, max_len):
    seq, score = (), 0.0
    while len(seq) < max_len and (not seq or seq[-1] != eos):
        lp = log_probs_fn(seq)
        token = int(np.argmax(lp))
        seq, score = seq + (token,), score + float(lp[token])
    return score, seq


def fmt(values) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


def words(seq) -> str:
    return " ".join(NAMES[t] for t in seq)


def expected_values() -> dict[str, str]:
    s = smp()
    logits = np.log(np.array(PROBS))
    kept_p = s.softmax(s.top_p_filter(logits, TOP_P))
    kept_k = s.softmax(s.top_k_filter(logits, TOP_K))
    g_score, g_seq = greedy(tiny, EOS, MAX_LEN)
    b_score, b_seq = s.beam_search(tiny, EOS, BEAM_WIDTH, MAX_LEN)
    return {
        "probs": fmt(PROBS),
        "top-p": f"{TOP_P}",
        "top-p-kept": f"{int((kept_p > 0).sum())}",
        "top-p-mass": f"{sum(sorted(PROBS, reverse=True)[: int((kept_p > 0).sum())]):.2f}",
        "top-p-renorm": fmt(kept_p[kept_p > 0]),
        "top-k": f"{TOP_K}",
        "top-k-renorm": fmt(kept_k[kept_k > 0]),
        "t-low": f"{T_LOW}",
        "t-low-probs": fmt(s.softmax(s.apply_temperature(logits, T_LOW))),
        "t-high": f"{T_HIGH:g}",
        "t-high-probs": fmt(s.softmax(s.apply_temperature(logits, T_HIGH))),
        "tiny-first": fmt(TINY[()]),
        "tiny-after-a": fmt(TINY[(A,)]),
        "tiny-after-b": fmt(TINY[(B,)]),
        "greedy-seq": words(g_seq),
        "greedy-prob": f"{math.exp(g_score):.3f}",
        "beam-seq": words(b_seq),
        "beam-prob": f"{math.exp(b_score):.2f}",
        "max-len": f"{MAX_LEN}",
        "top-p-again": f"{TOP_P}",
        "beam-width": f"{BEAM_WIDTH}",
        "bf-trials": f"{BF_TRIALS}",
        "sample-se": f"{SAMPLE_SE}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_top_p_keeps_the_smallest_prefix_with_enough_mass_by_brute_force():
    s = smp()
    rng = np.random.default_rng(0)
    for _ in range(BF_TRIALS):
        n = int(rng.integers(2, 8))
        probs = rng.dirichlet(np.full(n, 0.7))
        for p in (0.3, 0.5, 0.9, 0.99, 1.0):
            kept = set(np.flatnonzero(np.isfinite(s.top_p_filter(np.log(probs), p))))
            smallest = min(
                len(c)
                for r in range(1, n + 1)
                for c in itertools.combinations(range(n), r)
                if probs[list(c)].sum() >= p - 1e-12
            )
            assert len(kept) == smallest
            assert probs[list(kept)].sum() >= p - 1e-12
            assert min(probs[list(kept)]) >= max((probs[i] for i in range(n) if i not in kept), default=0)


def test_top_k_keeps_exactly_the_k_largest():
    s = smp()
    logits = np.array([0.3, 2.0, -1.0, 2.0, 0.7])
    kept = np.flatnonzero(np.isfinite(s.top_k_filter(logits, 3)))
    assert sorted(kept) == [1, 3, 4]
    with pytest.raises(ValueError):
        s.top_k_filter(logits, 0)


def test_temperature_raises_probabilities_to_the_power_one_over_t():
    s = smp()
    probs = np.array(PROBS)
    for t in (0.25, 0.5, 2.0, 5.0):
        want = probs ** (1 / t) / (probs ** (1 / t)).sum()
        np.testing.assert_allclose(s.softmax(s.apply_temperature(np.log(probs), t)), want)
    with pytest.raises(ValueError):
        s.apply_temperature(np.log(probs), 0.0)


def test_sampled_frequencies_match_the_filtered_distribution():
    s = smp()
    rng = np.random.default_rng(1)
    logits = np.log(np.array(PROBS))
    draws = 40_000
    counts = np.bincount([s.sample(logits, rng, temperature=1.0, top_p=TOP_P) for _ in range(draws)], minlength=5)
    target = s.softmax(s.top_p_filter(logits, TOP_P))
    assert counts[target == 0].sum() == 0  # filtered tokens never appear
    freq = counts / draws
    assert np.all(np.abs(freq - target) <= SAMPLE_SE * np.sqrt(target * (1 - target) / draws) + 1e-12)
    assert all(s.sample(logits, rng, temperature=0) == 0 for _ in range(5))


def test_beam_search_equals_brute_force_when_wide_enough():
    s = smp()
    rng = np.random.default_rng(2)
    for _ in range(40):
        vocab, max_len = int(rng.integers(2, 5)), int(rng.integers(1, 4))
        table = {}

        def model(prefix, vocab=vocab, table=table):
            if prefix not in table:
                table[prefix] = np.log(rng.dirichlet(np.ones(vocab)))
            return table[prefix]

        best = max(brute_force(model, vocab, 0, max_len), key=lambda c: c[0])
        got = s.beam_search(model, 0, vocab**max_len, max_len)
        assert got[1] == best[1] and math.isclose(got[0], best[0])
        g = greedy(model, 0, max_len)
        one = s.beam_search(model, 0, 1, max_len)
        assert one[1] == g[1] and math.isclose(one[0], g[0])  # width 1 is greedy decoding


def test_greedy_loses_on_the_page_example_and_width_two_recovers_the_optimum():
    s = smp()
    best = max(brute_force(tiny, 3, EOS, MAX_LEN), key=lambda c: c[0])
    g = greedy(tiny, EOS, MAX_LEN)
    b = s.beam_search(tiny, EOS, BEAM_WIDTH, MAX_LEN)
    assert g[0] < best[0] and b[1] == best[1]
