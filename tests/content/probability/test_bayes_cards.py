"""questions/probability/bayes-cards.md: the three-card puzzle and the two-card ace puzzles."""

from fractions import Fraction as F
from math import comb

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/probability/bayes-cards.md"
CARDS = {"RR": ("R", "R"), "BB": ("B", "B"), "RB": ("R", "B")}
DECK, ACES, HAND = 52, 4, 2


def cards_snippet():
    return load_snippet("probability/three_cards.py")


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def tex(x: F) -> str:
    return rf"\frac{{{x.numerator}}}{{{x.denominator}}}"


def card_bayes():
    """Prior, likelihood of a red visible face, and the posterior of RR, from the card list."""
    prior = F(1, len(CARDS))
    likelihood = {name: F(sum(face == "R" for face in faces), 2) for name, faces in CARDS.items()}
    terms = {name: prior * value for name, value in likelihood.items()}
    evidence = sum(terms.values())
    return prior, likelihood, terms, evidence


def expected_values() -> dict[str, str]:
    prior, likelihood, terms, evidence = card_bayes()
    posterior = terms["RR"] / evidence
    # the weak answer conditions on "the card has a red side": RR among the cards with a red face
    tempting = F(1, sum("R" in faces for faces in CARDS.values()))
    faces = [(name, side) for name, card in CARDS.items() for side in (0, 1)]
    red_up = [(name, side) for name, side in faces if CARDS[name][side] == "R"]
    red_on_rr = sum(name == "RR" for name, _ in red_up)
    hidden_red = sum(CARDS[name][1 - side] == "R" for name, side in red_up)
    snippet = cards_snippet()
    ace_pairs = comb(ACES, HAND)
    hands, no_ace = comb(DECK, HAND), comb(DECK - ACES, HAND)
    both = F(ace_pairs, hands - no_ace)
    spade = F(ACES - 1, DECK - 1)
    hearts, per_suit = F(13, DECK), F(1, 13)
    return {
        "tempting": frac(tempting),
        "weak-half": frac(tempting),
        "answer-short": frac(posterior),
        "prior": frac(prior),
        "lik-rr": str(likelihood["RR"]),
        "lik-rb": frac(likelihood["RB"]),
        "lik-bb": str(likelihood["BB"]),
        "num": frac(terms["RR"]),
        "den-sum": " + ".join(str(terms[name]) for name in ("RR", "RB", "BB")),
        "num-again": frac(terms["RR"]),
        "den": frac(evidence),
        "answer": tex(posterior),
        "outcomes": str(len(faces)),
        "red-faces": str(len(red_up)),
        "red-on-rr": str(red_on_rr),
        "red-faces-again": str(len(red_up)),
        "hits": str(hidden_red),
        "cases": str(len(red_up)),
        "code-cards": str(snippet.other_side_red_given_red_up()),
        "code-one-ace": str(snippet.both_aces_given(snippet.at_least_one_ace)),
        "code-spade": str(snippet.both_aces_given(snippet.has_ace_of_spades)),
        "hearts": f"13/{DECK}",
        "ace-given-heart": frac(per_suit),
        "aces": f"{ACES}/{DECK}",
        "heart-given-ace": tex(hearts * per_suit / F(ACES, DECK)),
        "aces-n": str(ACES),
        "hand-1": str(HAND),
        "deck": str(DECK),
        "hand-2": str(HAND),
        "non-aces": str(DECK - ACES),
        "hand-3": str(HAND),
        "ace-pairs": str(ace_pairs),
        "hands": str(hands),
        "no-ace-hands": str(no_ace),
        "ace-hands": str(hands - no_ace),
        "ace-pairs-again": str(ace_pairs),
        "ace-hands-again": str(hands - no_ace),
        "both-aces": frac(both),
        "rest": str(DECK - 1),
        "other-aces": str(ACES - 1),
        "other-aces-again": str(ACES - 1),
        "rest-again": str(DECK - 1),
        "both-aces-spade": frac(spade),
        "ratio": f"{float(spade / both):.2f}",
    }


def test_the_snippet_agrees_with_bayes_and_with_combinatorics():
    snippet = cards_snippet()
    _, _, terms, evidence = card_bayes()
    assert snippet.other_side_red_given_red_up() == terms["RR"] / evidence
    assert len(snippet.deck()) == DECK and len(set(snippet.deck())) == DECK
    assert snippet.both_aces_given(snippet.at_least_one_ace) == F(comb(ACES, 2), comb(DECK, 2) - comb(DECK - ACES, 2))
    assert snippet.both_aces_given(snippet.has_ace_of_spades) == F(ACES - 1, DECK - 1)


def test_suit_and_rank_are_independent_by_enumeration():
    deck = cards_snippet().deck()
    aces = [card for card in deck if card[0] == 1]
    assert F(sum(suit == "H" for _, suit in aces), len(aces)) == F(1, 4)


def test_edge_cases_of_the_three_card_function():
    snippet = cards_snippet()
    assert snippet.other_side_red_given_red_up([("R", "R")]) == 1
    assert snippet.other_side_red_given_red_up([("R", "B")]) == 0
    with pytest.raises(ZeroDivisionError):  # no red face can be seen: the condition is impossible
        snippet.other_side_red_given_red_up([("B", "B")])


def test_stated_values():
    assert_values(PAGE, expected_values())
