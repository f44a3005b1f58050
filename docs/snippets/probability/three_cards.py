"""Card puzzles solved by brute-force enumeration of equally likely outcomes."""

from fractions import Fraction
from itertools import combinations

# Three cards, each with two faces: red/red, black/black, red/black.
CARDS = [("R", "R"), ("B", "B"), ("R", "B")]


def other_side_red_given_red_up(cards=CARDS):
    """P(hidden face is red | visible face is red); every (card, side) pair is equally likely."""
    seen_red = other_red = 0
    for card in cards:
        for up in (0, 1):
            if card[up] == "R":
                seen_red += 1
                other_red += card[1 - up] == "R"
    return Fraction(other_red, seen_red)


def deck():
    return [(rank, suit) for rank in range(1, 14) for suit in "SHDC"]


def both_aces_given(condition):
    """P(both of two cards dealt from a full deck are aces | condition(hand))."""
    hits = total = 0
    for hand in combinations(deck(), 2):
        if condition(hand):
            total += 1
            hits += all(rank == 1 for rank, _ in hand)
    return Fraction(hits, total)


def at_least_one_ace(hand):
    return any(rank == 1 for rank, _ in hand)


def has_ace_of_spades(hand):
    return (1, "S") in hand


if __name__ == "__main__":
    print("three cards:", other_side_red_given_red_up())
    print("at least one ace:", both_aces_given(at_least_one_ace))
    print("ace of spades:", both_aces_given(has_ace_of_spades))
