"""Byte-level BPE: learn merges from text, encode new text by merge rank, decode back exactly."""

import math
from collections import Counter


def pair_counts(ids: list[int]) -> Counter:
    """Adjacent pairs, counted at every position (so "aaa" counts the pair (a, a) twice)."""
    return Counter(zip(ids, ids[1:], strict=False))


def merge(ids: list[int], pair: tuple[int, int], new_id: int) -> list[int]:
    """Replace non-overlapping occurrences of `pair`, scanning left to right."""
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def train(text: str, num_merges: int) -> list[tuple[int, int]]:
    """Merges in order; merge k creates token 256 + k. The most frequent pair wins, ties go to the
    smallest pair of ids; training stops early when no pair occurs twice."""
    ids = list(text.encode("utf-8"))
    merges: list[tuple[int, int]] = []
    for k in range(num_merges):
        counts = pair_counts(ids)
        if not counts:
            break
        pair = min(counts, key=lambda p: (-counts[p], p))
        if counts[pair] < 2:
            break
        ids = merge(ids, pair, 256 + k)
        merges.append(pair)
    return merges


def encode(text: str, merges: list[tuple[int, int]]) -> list[int]:
    """Apply the earliest-learned merge present, again and again, until none applies."""
    ranks = {pair: 256 + k for k, pair in enumerate(merges)}
    ids = list(text.encode("utf-8"))
    while len(ids) >= 2:
        pair = min(zip(ids, ids[1:], strict=False), key=lambda p: ranks.get(p, math.inf))
        if pair not in ranks:
            break
        ids = merge(ids, pair, ranks[pair])
    return ids


def vocabulary(merges: list[tuple[int, int]]) -> dict[int, bytes]:
    vocab = {i: bytes([i]) for i in range(256)}
    for k, (a, b) in enumerate(merges):
        vocab[256 + k] = vocab[a] + vocab[b]
    return vocab


def decode(ids: list[int], merges: list[tuple[int, int]]) -> str:
    """Concatenate the tokens' bytes; a cut inside a UTF-8 character decodes as U+FFFD."""
    vocab = vocabulary(merges)
    return b"".join(vocab[i] for i in ids).decode("utf-8", errors="replace")


if __name__ == "__main__":
    merges = train("aaabdaaabac", 3)
    vocab = vocabulary(merges)
    print([vocab[256 + k] for k in range(len(merges))])  # [b'aa', b'ab', b'aaab']
    ids = encode("aaabdaaabac", merges)
    print([vocab[i] for i in ids], decode(ids, merges))
    print(decode(encode("naïve café 🙂", merges), merges))
