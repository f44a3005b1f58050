"""questions/deep-learning/gnn-losses.md: the link-prediction loss of one positive and one negative pair,
and the readout claim (sum distinguishes multisets that mean cannot)."""

import math

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/deep-learning/gnn-losses.md"
POSITIVE, NEGATIVE = 2.0, -1.0


def sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def binary_cross_entropy(score: float, label: int) -> float:
    """-[y log sigma(s) + (1 - y) log(1 - sigma(s))], written from the definition."""
    p = sigmoid(score)
    return -(label * math.log(p) + (1 - label) * math.log(1 - p))


def link_prediction_loss(h_u, h_v, negatives) -> float:
    """The page's loss: a dot-product decoder, BCE on the edge and on each sampled non-edge."""
    loss = binary_cross_entropy(float(h_u @ h_v), 1)
    return loss + sum(binary_cross_entropy(float(h_u @ h_n), 0) for h_n in negatives)


def expected_values() -> dict[str, str]:
    pos, neg = binary_cross_entropy(POSITIVE, 1), binary_cross_entropy(NEGATIVE, 0)
    return {
        "pos-score": f"{POSITIVE:g}",
        "neg-score": f"{NEGATIVE:g}",
        "pos-loss": f"{pos:.4f}",
        "neg-loss": f"{neg:.4f}",
        "pair-loss": f"{pos + neg:.4f}",
    }


def test_the_softplus_form_on_the_page_is_the_binary_cross_entropy():
    for s in (-3.0, -1.0, 0.0, 2.0, 5.0):
        assert abs(binary_cross_entropy(s, 1) - math.log1p(math.exp(-s))) < 1e-12
        assert abs(binary_cross_entropy(s, 0) - math.log1p(math.exp(s))) < 1e-12


def test_embeddings_with_the_page_scores_give_the_page_loss():
    h_u, h_v, h_n = np.array([1.0, 1.0]), np.array([1.5, 0.5]), np.array([-1.0, 0.0])
    assert h_u @ h_v == POSITIVE and h_u @ h_n == NEGATIVE
    want = binary_cross_entropy(POSITIVE, 1) + binary_cross_entropy(NEGATIVE, 0)
    assert abs(link_prediction_loss(h_u, h_v, [h_n]) - want) < 1e-12


def test_sum_readout_counts_where_mean_cannot():
    one = np.array([[1.0, 0.0], [0.0, 1.0]])
    two = np.vstack([one, one])  # the same neighbourhood types, each twice
    assert np.allclose(one.mean(axis=0), two.mean(axis=0))
    assert not np.allclose(one.sum(axis=0), two.sum(axis=0))


def test_stated_values():
    assert_values(PAGE, expected_values())
