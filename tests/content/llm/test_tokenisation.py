"""questions/llm/tokenisation.md: BPE merges on the toy corpus, unigram Viterbi, vocabulary arithmetic."""

import itertools
import math
from collections import Counter

from tests.content.helpers import assert_values, load_snippet, page_sources

PAGE = "questions/llm/tokenisation.md"
tok = load_snippet("llm/tokenisers.py")

D_MODEL = 4096
SMALL_VOCAB, LARGE_VOCAB = 32_000, 256_000
FEWER_TOKENS = 0.15


def llama2_7b_params() -> int:
    """Llama 2 7B from its configuration: 32 layers, d = 4096, SwiGLU width 11008, 32k vocabulary, untied head."""
    layers, d, ffn, vocab = 32, 4096, 11008, 32_000
    per_layer = 4 * d * d + 3 * d * ffn + 2 * d  # attention, SwiGLU MLP, two RMSNorm gains
    return 2 * vocab * d + layers * per_layer + d


def naive_bpe(corpus, num_merges):
    """An independent BPE: words as space-separated strings, pairs counted and merged with str.replace."""
    words = {" ".join(word) + " " + tok.END: freq for word, freq in corpus.items()}
    merges = []
    for _ in range(num_merges):
        counts = Counter()
        for word, freq in words.items():
            symbols = word.split()
            for a, b in zip(symbols, symbols[1:], strict=False):
                counts[(a, b)] += freq
        best = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0]
        merges.append(best)
        (a, b), _ = best
        merged = {}
        for word, freq in words.items():
            padded = f" {word} ".replace(f" {a} {b} ", f" {a}{b} ")
            while f" {a} {b} " in padded:  # overlapping runs such as "e e e"
                padded = padded.replace(f" {a} {b} ", f" {a}{b} ")
            merged[padded.strip()] = freq
        words = merged
    return merges


def token_count(words):
    return sum(len(symbols) * freq for symbols, freq in words.items())


def brute_force_segment(text, log_probs):
    """Every way to cut `text` into vocabulary pieces; the best total log-probability."""
    best = (None, -math.inf)
    for cuts in itertools.product([False, True], repeat=len(text) - 1):
        pieces, start = [], 0
        for i, cut in enumerate(cuts, start=1):
            if cut:
                pieces.append(text[start:i])
                start = i
        pieces.append(text[start:])
        if all(p in log_probs for p in pieces):
            score = sum(log_probs[p] for p in pieces)
            if score > best[1]:
                best = (pieces, score)
    return best


def merges():
    return tok.train_bpe(tok.CORPUS, 6)


def test_bpe_matches_an_independent_implementation():
    learned, _ = merges()
    assert learned == naive_bpe(tok.CORPUS, 6)
    bigger = {"abab": 3, "ba": 5, "aaa": 2, "bbb": 4}
    assert tok.train_bpe(bigger, 5)[0] == naive_bpe(bigger, 5)


def test_each_merge_removes_its_count_from_the_token_total():
    before = {tuple(w) + (tok.END,): f for w, f in tok.CORPUS.items()}
    learned, after = merges()
    assert token_count(before) - token_count(after) == sum(count for _, count in learned)


def test_llama2_7b_count_is_the_published_one():
    assert llama2_7b_params() == 6_738_415_616  # the parameter count of the released checkpoint


def test_the_merge_table_names_the_learned_merges_in_order():
    learned, _ = merges()
    for language, source in page_sources(PAGE).items():
        rows = [f"| {i} | {a} + {b} → {a}{b} |" for i, ((a, b), _) in enumerate(learned, start=1)]
        positions = [source.find(row) for row in rows]
        assert -1 not in positions and positions == sorted(positions), (language, rows, positions)


def test_viterbi_matches_brute_force():
    log_probs = {k: math.log(v) for k, v in tok.UNIGRAM.items()}
    for word in ["lowest", "lower", "slower", "towel", "west"]:
        pieces, score = tok.viterbi_segment(word, log_probs)
        expected = brute_force_segment(word, log_probs)
        assert math.isclose(score, expected[1]) and pieces == expected[0], word


def expected_values() -> dict[str, str]:
    learned, after = merges()
    before = {tuple(w) + (tok.END,): f for w, f in tok.CORPUS.items()}
    base_symbols = {c for w in tok.CORPUS for c in w} | {tok.END}
    log_probs = {k: math.log(v) for k, v in tok.UNIGRAM.items()}
    pieces, score = tok.viterbi_segment("lowest", log_probs)
    assert pieces == ["low", "est"]
    values = {
        "count-lower": str(tok.CORPUS["lower"]),
        "count-lowest": str(tok.CORPUS["lowest"]),
        "count-newer": str(tok.CORPUS["newer"]),
        "count-newest": str(tok.CORPUS["newest"]),
        "count-wider": str(tok.CORPUS["wider"]),
        "tokens-before": str(token_count(before)),
        "tokens-after": str(token_count(after)),
        "base-vocab": str(len(base_symbols)),
        "final-vocab": str(len(base_symbols) + len(learned)),
        "p-low": f"{tok.UNIGRAM['low']}",
        "p-est": f"{tok.UNIGRAM['est']}",
        "p-lowe": f"{tok.UNIGRAM['lowe']}",
        "p-s": f"{tok.UNIGRAM['s']}",
        "p-t": f"{tok.UNIGRAM['t']}",
        "viterbi-logp": f"{score:.3f}",
        "bpe-pieces-logp": f"{log_probs['lowe'] + log_probs['s'] + log_probs['t']:.3f}",
        "d-model": f"{D_MODEL:,}",
        "vocab-small": f"{SMALL_VOCAB:,}",
        "vocab-large": f"{LARGE_VOCAB:,}",
        "emb-small": f"{SMALL_VOCAB * D_MODEL / 1e6:.0f}",
        "emb-large": f"{LARGE_VOCAB * D_MODEL / 1e9:.2f}",
        "emb-large-untied": f"{2 * LARGE_VOCAB * D_MODEL / 1e9:.1f}",
        "head-flops": f"{2 * LARGE_VOCAB * D_MODEL / 1e9:.1f}",
        "forward-7b": f"{2 * llama2_7b_params() / 1e9:.1f}",
        "params-7b": f"{llama2_7b_params() / 1e9:.2f}",
        "segmentations": str(2 ** (len("lowest") - 1)),
        "fewer-tokens": f"{FEWER_TOKENS * 100:.0f} %",
        "attention-saving": f"{(1 - (1 - FEWER_TOKENS) ** 2) * 100:.1f} %",
    }
    for i, (_pair, count) in enumerate(learned, start=1):
        values[f"merge{i}-count"] = str(count)
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
