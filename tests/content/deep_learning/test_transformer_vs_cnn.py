"""questions/deep-learning/transformer-vs-cnn.md: tokens of a ViT and what doubling the resolution costs.

The correction this pins: the score matrix grows 16 times when the resolution doubles, but the whole
ViT-B/16 grows only about 4.5 times, because most of its FLOPs are in projections and the MLP,
which are linear in the number of tokens.
"""

from tests.content.deep_learning.formatting import grouped, number
from tests.content.helpers import assert_values

PAGE = "questions/deep-learning/transformer-vs-cnn.md"
IMAGE, PATCH = 224, 16
D_MODEL, MLP = 768, 3072  # ViT-B/16 (Dosovitskiy et al., 2021, Table 1)


def matmul_macs(n: int, k: int, m: int) -> int:
    """Multiply-adds of an (n x k) @ (k x m) product."""
    return n * k * m


def vit_layer_macs(tokens: int, d: int = D_MODEL, mlp: int = MLP) -> tuple[int, int]:
    """(linear-in-tokens, quadratic-in-tokens) multiply-adds of one encoder layer, from each product's shape."""
    linear = 3 * matmul_macs(tokens, d, d)  # Q, K and V projections
    linear += matmul_macs(tokens, d, d)  # output projection
    linear += matmul_macs(tokens, d, mlp) + matmul_macs(tokens, mlp, d)  # the MLP
    quadratic = matmul_macs(tokens, d, tokens)  # scores Q K^T, summed over heads: d = heads * d_head
    quadratic += matmul_macs(tokens, tokens, d)  # weights @ V
    return linear, quadratic


def conv_macs(side: int, channels: int = 64, kernel: int = 3) -> int:
    """A same-padded convolution: one kernel application per output pixel."""
    return side * side * channels * channels * kernel * kernel


def quadratic_share(tokens: int) -> float:
    linear, quadratic = vit_layer_macs(tokens)
    return quadratic / (linear + quadratic)


def percent(x: float) -> str:
    return f"{100 * x:.1f} %"


def expected_values() -> dict[str, str]:
    grid = IMAGE // PATCH
    tokens = grid * grid
    tokens_2x = (2 * IMAGE // PATCH) ** 2
    base, doubled = sum(vit_layer_macs(tokens)), sum(vit_layer_macs(tokens_2x))
    crossover = next(n for n in range(1, 100_000) if vit_layer_macs(n)[1] > vit_layer_macs(n)[0]) - 1
    return {
        "patch": f"{PATCH}×{PATCH}",
        "image": f"{IMAGE}×{IMAGE}",
        "grid": f"{grid} \\times {grid}",
        "tokens": f"{tokens}",
        "pixel-tokens": grouped(IMAGE * IMAGE),
        "pixel-tokens-again": grouped(IMAGE * IMAGE),
        "token-factor": number(tokens_2x / tokens),
        "score-factor": number(vit_layer_macs(tokens_2x)[1] / vit_layer_macs(tokens)[1]),
        "score-factor-again": number(vit_layer_macs(tokens_2x)[1] / vit_layer_macs(tokens)[1]),
        "d": f"{D_MODEL}",
        "mlp": f"{MLP}",
        "tokens-again": f"{tokens}",
        "quad-share-196": percent(quadratic_share(tokens)),
        "tokens-2x": f"{tokens_2x}",
        "quad-share-784": percent(quadratic_share(tokens_2x)),
        "model-factor": f"{doubled / base:.1f}",
        "cnn-factor": number(conv_macs(2 * IMAGE) / conv_macs(IMAGE)),
        "crossover": grouped(crossover),
    }


def test_the_whole_model_grows_far_less_than_the_score_matrix():
    tokens, tokens_2x = (IMAGE // PATCH) ** 2, (2 * IMAGE // PATCH) ** 2
    whole = sum(vit_layer_macs(tokens_2x)) / sum(vit_layer_macs(tokens))
    scores = vit_layer_macs(tokens_2x)[1] / vit_layer_macs(tokens)[1]
    assert scores == 16
    assert 4 < whole < 5  # the old page's "16x" for the model would fail here


def test_the_closed_forms_on_the_page():
    """4 n d^2 + 8 n d^2 linear, 2 n^2 d quadratic (the MLP is 4d wide), crossover at n = 6d."""
    assert MLP == 4 * D_MODEL
    for n in (196, 784, 4608):
        linear, quadratic = vit_layer_macs(n)
        assert linear == 12 * n * D_MODEL**2
        assert quadratic == 2 * n * n * D_MODEL
    assert vit_layer_macs(6 * D_MODEL)[0] == vit_layer_macs(6 * D_MODEL)[1]


def test_stated_values():
    assert_values(PAGE, expected_values())
