"""questions/coding/kata-bpe.md: the merges on the hand-checked example (the classic "aaabdaaabac"),
the demo corpus and its encodings, and properties: encoding then decoding is the identity on random
Unicode text, encoding by merge rank equals replaying the merges in order (a reference written
here), encoding the training text reproduces training, and the edge cases."""

import random

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/kata-bpe.md"
HAND = "aaabdaaabac"
CORPUS = "the cat sat on the mat. the cat ate the rat. the rat sat on the cat."
CORPUS_MERGES = 12
NEW_TEXT = "the rat sat on the mat."
UNICODE_TEXT = "naïve café 🙂"


def bpe():
    return load_snippet("coding/bpe.py")


def shown(token: bytes) -> str:
    """How the page writes a token: its text, with a space shown as a middle dot."""
    return token.decode("utf-8").replace(" ", "·")


def replay_in_order(text, merges):
    """Reference encoder: apply merge 0 everywhere, then merge 1, ... (no ranks, no search)."""
    ids = list(text.encode("utf-8"))
    for k, (a, b) in enumerate(merges):
        out, i = [], 0
        while i < len(ids):
            if i + 1 < len(ids) and ids[i] == a and ids[i + 1] == b:
                out.append(256 + k)
                i += 2
            else:
                out.append(ids[i])
                i += 1
        ids = out
    return ids


def expected_values() -> dict[str, str]:
    b = bpe()
    hand = b.train(HAND, 10)
    vocab = b.vocabulary(hand)
    ids = list(HAND.encode())
    counts = []
    for k, pair in enumerate(hand):
        counts.append(b.pair_counts(ids)[pair])
        ids = b.merge(ids, pair, 256 + k)
    first_reduction = len(HAND) - len(b.merge(list(HAND.encode()), hand[0], 256))
    encoded = b.encode(HAND, hand)
    corpus = b.train(CORPUS, CORPUS_MERGES)
    cv = b.vocabulary(corpus)
    new = b.encode(NEW_TEXT, corpus)
    uni = b.encode(UNICODE_TEXT, corpus)
    emoji = b.encode("🙂", corpus)
    return {
        "hand-text": HAND,
        "hand-merges": f"{len(hand)}",
        "merge1": shown(vocab[256]),
        "count1": f"{counts[0]}",
        "merge2": shown(vocab[257]),
        "count2": f"{counts[1]}",
        "merge3": shown(vocab[258]),
        "count3": f"{counts[2]}",
        "hand-bytes": f"{len(HAND)}",
        "hand-tokens": f"{len(encoded)}",
        "hand-pieces": " ".join(shown(vocab[i]) for i in encoded),
        "aa-count": f"{counts[0]}",
        "aa-reduction": f"{first_reduction}",
        "corpus-merges": f"{CORPUS_MERGES}",
        "corpus-first": ", ".join(shown(cv[256 + k]) for k in range(4)),
        "corpus-cross": shown(cv[256 + len(corpus) - 1]),
        "new-bytes": f"{len(NEW_TEXT.encode())}",
        "new-tokens": f"{len(new)}",
        "new-pieces": " | ".join(shown(cv[i]) for i in new),
        "uni-bytes": f"{len(UNICODE_TEXT.encode())}",
        "uni-tokens": f"{len(uni)}",
        "emoji-tokens": f"{len(emoji)}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_hand_checked_merges():
    """Worked by hand: (a, a) occurs 4 times; then (a, b) and (aa, a) tie at 2 and the smaller ids
    win, so "ab"; then (aa, ab) twice. Five tokens remain: aaab d aaab a c."""
    b = bpe()
    merges = b.train(HAND, 10)
    assert merges == [(97, 97), (97, 98), (256, 257)]
    assert b.encode(HAND, merges) == [258, 100, 258, 97, 99]


def test_round_trip_on_random_unicode():
    b = bpe()
    merges = b.train(CORPUS + " naïve café 🙂 日本語 テキスト", 40)
    rng = random.Random(0)
    alphabet = "abc the.,!? éïü日本語🙂\n\t"
    for _ in range(300):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert b.decode(b.encode(text, merges), merges) == text
    assert b.encode("", merges) == [] and b.decode([], merges) == ""


def test_rank_encoding_equals_replaying_merges_in_order():
    b = bpe()
    rng = random.Random(1)
    merges = b.train(CORPUS * 3 + " aaaa bbbb abab", 30)
    for _ in range(300):
        text = "".join(rng.choice("the cat sat mat rat on. ab") for _ in range(rng.randint(0, 40)))
        assert b.encode(text, merges) == replay_in_order(text, merges)


def test_encoding_the_training_text_reproduces_training():
    b = bpe()
    merges = b.train(CORPUS, CORPUS_MERGES)
    ids = list(CORPUS.encode())
    for k, pair in enumerate(merges):
        ids = b.merge(ids, pair, 256 + k)
    assert b.encode(CORPUS, merges) == ids


def test_each_merge_shrinks_the_text_by_at_most_its_count():
    b = bpe()
    ids = list((CORPUS + " aaaaaa").encode())
    for k, pair in enumerate(b.train(CORPUS + " aaaaaa", 20)):
        count = b.pair_counts(ids)[pair]
        new = b.merge(ids, pair, 256 + k)
        assert 1 <= len(ids) - len(new) <= count
        ids = new


def test_edge_cases():
    b = bpe()
    assert b.train("abc", 5) == []  # no pair occurs twice
    assert b.train("abab", 0) == []
    assert b.encode("abc", []) == [97, 98, 99]
    assert b.decode([0xC3], []) == "\ufffd"  # half a UTF-8 character
    with pytest.raises(KeyError):
        b.decode([300], [])
