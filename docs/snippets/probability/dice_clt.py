"""Sum of 100 fair dice: exact tail probability versus the normal approximation."""

import math
from fractions import Fraction


def exact_sum_distribution(n_dice):
    """Counts of each total for n fair six-sided dice (index = total), by repeated convolution."""
    counts = [1]
    for _ in range(n_dice):
        new = [0] * (len(counts) + 6)
        for total, ways in enumerate(counts):
            for face in range(1, 7):
                new[total + face] += ways
        counts = new
    return counts


def exact_tail(n_dice, threshold):
    """P(sum >= threshold) as an exact fraction."""
    counts = exact_sum_distribution(n_dice)
    return Fraction(sum(counts[threshold:]), 6**n_dice)


def normal_tail(n_dice, threshold, continuity=True):
    """CLT approximation of P(sum >= threshold), with or without the continuity correction."""
    mean = 3.5 * n_dice
    sd = math.sqrt(n_dice * 35 / 12)
    x = threshold - 0.5 if continuity else threshold
    z = (x - mean) / sd
    return 0.5 * math.erfc(z / math.sqrt(2))


if __name__ == "__main__":
    print(f"exact {float(exact_tail(100, 370)):.4f}")
    print(f"normal + cc {normal_tail(100, 370):.4f}")
    print(f"normal, no cc {normal_tail(100, 370, continuity=False):.4f}")
