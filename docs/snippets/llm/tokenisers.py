"""Byte-pair encoding trained on a toy corpus, and unigram-LM segmentation by Viterbi."""

import math
from collections import Counter

END = "_"  # end-of-word marker, so "est_" (a suffix) differs from "est" inside a word


def pair_counts(words):
    """How often each adjacent symbol pair occurs, weighted by word frequency."""
    counts = Counter()
    for symbols, freq in words.items():
        for pair in zip(symbols, symbols[1:], strict=False):
            counts[pair] += freq
    return counts


def merge_word(symbols, pair):
    """Replace every occurrence of `pair` in a tuple of symbols by the merged symbol."""
    out, i = [], 0
    while i < len(symbols):
        if i + 1 < len(symbols) and (symbols[i], symbols[i + 1]) == pair:
            out.append(symbols[i] + symbols[i + 1])
            i += 2
        else:
            out.append(symbols[i])
            i += 1
    return tuple(out)


def train_bpe(corpus, num_merges):
    """Learn `num_merges` merges from {word: frequency}. Ties go to the lexicographically smallest pair."""
    words = {tuple(word) + (END,): freq for word, freq in corpus.items()}
    merges = []
    for _ in range(num_merges):
        counts = pair_counts(words)
        if not counts:
            break
        best = min(counts, key=lambda pair: (-counts[pair], pair))
        merges.append((best, counts[best]))
        words = {merge_word(symbols, best): freq for symbols, freq in words.items()}
    return merges, words


def bpe_encode(word, merges):
    """Segment a new word by replaying the learned merges in order (how GPT-2-style BPE encodes)."""
    symbols = tuple(word) + (END,)
    for pair, _ in merges:
        symbols = merge_word(symbols, pair)
    return list(symbols)


def viterbi_segment(text, log_probs):
    """Most probable segmentation of `text` into pieces of a unigram LM: max sum of log p(piece)."""
    best = [0.0] + [-math.inf] * len(text)  # best[i]: best score of text[:i]
    back = [0] * (len(text) + 1)
    for end in range(1, len(text) + 1):
        for start in range(end):
            piece = text[start:end]
            if piece in log_probs and best[start] + log_probs[piece] > best[end]:
                best[end], back[end] = best[start] + log_probs[piece], start
    pieces, end = [], len(text)
    while end > 0:
        pieces.append(text[back[end] : end])
        end = back[end]
    return pieces[::-1], best[-1]


CORPUS = {"lower": 4, "lowest": 6, "newer": 5, "newest": 3, "wider": 2}
UNIGRAM = {"l": 0.04, "o": 0.05, "w": 0.04, "e": 0.1, "s": 0.05, "t": 0.05, "r": 0.05, "lo": 0.03, "low": 0.08,
           "er": 0.07, "est": 0.1, "es": 0.02, "we": 0.03, "lowe": 0.01}  # fmt: skip

if __name__ == "__main__":
    merges, words = train_bpe(CORPUS, 6)
    for (a, b), count in merges:
        print(f"merge {a!r} + {b!r} (count {count})")
    print("segmented corpus:", {"".join(s): list(s) for s in words})
    print("encode 'lowers':", bpe_encode("lowers", merges))
    pieces, score = viterbi_segment("lowest", {k: math.log(v) for k, v in UNIGRAM.items()})
    print("unigram Viterbi 'lowest':", pieces, f"log p = {score:.3f}")
