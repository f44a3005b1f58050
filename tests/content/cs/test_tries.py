"""questions/cs/tries.md: every trie operation against brute force over random word lists."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/tries.md"
TRIE = load_snippet("cs/trie.py")
K, POINTER_BYTES, ALPHABET = 3, 8, 26


def random_words(rng, n):
    return {"".join(rng.choice(list("abc"), rng.integers(0, 6))): int(rng.integers(1, 10)) for _ in range(n)}


def prefixes(words):
    return {w[:i] for w in words for i in range(len(w) + 1)}


def radix_by_brute_force(words):
    """Distinct prefixes that are the root, a word, or followed by two or more different characters."""
    kept = 0
    for p in prefixes(words):
        following = {w[len(p)] for w in words if w.startswith(p) and len(w) > len(p)}
        kept += p == "" or p in words or len(following) >= 2
    return kept


def build(words):
    trie = TRIE.Trie()
    for word, count in words.items():
        trie.insert(word, count)
    return trie


def test_operations_agree_with_brute_force():
    rng = np.random.default_rng(0)
    for _ in range(100):
        words = random_words(rng, int(rng.integers(1, 25)))
        trie = build(words)
        for query in {"".join(rng.choice(list("abcd"), rng.integers(0, 5))) for _ in range(30)}:
            assert trie.contains(query) == (query in words)
            assert trie.starts_with(query) == any(w.startswith(query) for w in words)
            matching = sorted(w for w in words if w.startswith(query))
            assert trie.words_with_prefix(query) == matching
            assert trie.complete(query, K) == sorted(matching, key=lambda w: (-words[w], w))[:K]
        assert trie.node_count() == len(prefixes(words))
        assert trie.radix_node_count() == radix_by_brute_force(words) <= 2 * len(words)


def expected_values() -> dict[str, str]:
    trie = build(TRIE.WORDS)
    assert trie.complete("t", K) == ["token", "test", "train"]
    node_bytes = ALPHABET * POINTER_BYTES
    return {
        "chars": f"{sum(map(len, TRIE.WORDS))}",
        "nodes": f"{trie.node_count()}",
        "k": f"{K}",
        "node-bytes": f"{node_bytes}",
        "trie-bytes": f"{trie.node_count() * node_bytes:,}",
        "radix": f"{trie.radix_node_count()}",
        "nodes-again": f"{trie.node_count()}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
