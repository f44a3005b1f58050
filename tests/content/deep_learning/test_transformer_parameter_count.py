"""questions/deep-learning/transformer-parameter-count.md: one encoder layer and GPT-2 small, counted by
the snippet and, independently, from the shapes of actual weight arrays."""

from fractions import Fraction

import numpy as np

from tests.content.deep_learning.formatting import grouped
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/transformer-parameter-count.md"
ENC_D, ENC_FF, ENC_HEADS = 512, 2048, 8
LAYERS, D, VOCAB, CONTEXT = 12, 768, 50257, 1024
FP32_BYTES = 4


def pc():
    return load_snippet("deep-learning/param_count.py")


def gpt2_weight_shapes(layers=LAYERS, d=D, vocab=VOCAB, context=CONTEXT, d_ff=None, tied=True):
    """Every weight array of a GPT-2-style model, named as in the original checkpoint (c_attn is Q, K, V)."""
    d_ff = d_ff or 4 * d
    shapes = {"wte": (vocab, d), "wpe": (context, d), "ln_f.g": (d,), "ln_f.b": (d,)}
    for i in range(layers):
        shapes |= {
            f"h{i}.ln_1.g": (d,), f"h{i}.ln_1.b": (d,),
            f"h{i}.c_attn.w": (d, 3 * d), f"h{i}.c_attn.b": (3 * d,),
            f"h{i}.c_proj.w": (d, d), f"h{i}.c_proj.b": (d,),
            f"h{i}.ln_2.g": (d,), f"h{i}.ln_2.b": (d,),
            f"h{i}.c_fc.w": (d, d_ff), f"h{i}.c_fc.b": (d_ff,),
            f"h{i}.mlp_proj.w": (d_ff, d), f"h{i}.mlp_proj.b": (d,),
        }  # fmt: skip
    if not tied:
        shapes["lm_head"] = (vocab, d)
    return shapes


def count(shapes) -> int:
    return sum(int(np.prod(shape)) for shape in shapes.values())


def matmul_flops(n: int, k: int, m: int) -> int:
    """(n x k) @ (k x m), a multiply-add counted as 2 FLOPs."""
    return 2 * n * k * m


def flops_per_weight_per_token(tokens: int = 64, d_in: int = 32, d_out: int = 48) -> tuple[float, float]:
    """A dense layer Y = X W over a batch of tokens: forward X W; backward dX = dY W^T and dW = X^T dY."""
    weights_times_tokens = d_in * d_out * tokens
    forward = matmul_flops(tokens, d_in, d_out)
    backward = matmul_flops(tokens, d_out, d_in) + matmul_flops(d_in, tokens, d_out)
    return forward / weights_times_tokens, backward / weights_times_tokens


def expected_values() -> dict[str, str]:
    snippet = pc()
    total = snippet.gpt_params(LAYERS, D, VOCAB, CONTEXT)
    untied = snippet.gpt_params(LAYERS, D, VOCAB, CONTEXT, tied_head=False)
    block = snippet.transformer_layer_params(D, 4 * D)
    embeddings = VOCAB * D + CONTEXT * D
    non_embedding = total - embeddings
    rule = 12 * LAYERS * D**2
    enc_total = snippet.transformer_layer_params(ENC_D, ENC_FF)
    forward_flops, backward_flops = flops_per_weight_per_token()
    swiglu = Fraction(2 * 4, 3)  # three d x d_ff matrices holding what two d x 4d matrices held
    return {
        "q-d-model": f"{ENC_D}",
        "q-d-ff": f"{ENC_FF}",
        "q-heads": f"{ENC_HEADS}",
        "q-layers": f"{LAYERS}",
        "q-d": f"{D}",
        "q-vocab": f"{VOCAB:,}",
        "q-context": f"{CONTEXT:,}",
        "embedding-share": f"{100 * embeddings / total:.1f} %",
        "enc-attn": grouped(snippet.attention_params(ENC_D)),
        "heads": f"{ENC_HEADS}",
        "head-dim": f"{ENC_D // ENC_HEADS}",
        "enc-ffn": grouped(snippet.ffn_params(ENC_D, ENC_FF)),
        "enc-ln": grouped(2 * snippet.layer_norm_params(ENC_D)),
        "enc-total": grouped(enc_total),
        "enc-total-m": f"{enc_total / 1e6:.2f}",
        "layers": f"{LAYERS}",
        "d": f"{D}",
        "d-ff": f"{4 * D}",
        "vocab": grouped(VOCAB),
        "context": grouped(CONTEXT),
        "tok-emb": grouped(VOCAB * D),
        "pos-emb": grouped(CONTEXT * D),
        "attn": grouped(snippet.attention_params(D)),
        "mlp": grouped(snippet.ffn_params(D, 4 * D)),
        "ln": grouped(2 * snippet.layer_norm_params(D)),
        "block": grouped(block),
        "blocks": grouped(LAYERS * block),
        "final-ln": grouped(snippet.layer_norm_params(D)),
        "total": grouped(total),
        "total-m": f"{total / 1e6:.0f}",
        "untied-extra": grouped(untied - total),
        "untied-total": grouped(untied),
        "rule": grouped(rule),
        "rule-gap": f"{100 * (non_embedding - rule) / non_embedding:.2f} %",
        "fp32-mb": f"{total * FP32_BYTES / 1e6:.0f}",
        "train-flops": f"{forward_flops + backward_flops:g}",
        "fwd-flops": f"{forward_flops:g}",
        "bwd-flops": f"{backward_flops:g}",
        "swiglu-ff": f"\\tfrac{{{swiglu.numerator}}}{{{swiglu.denominator}}}",
    }


def test_the_snippet_agrees_with_the_weight_arrays_of_a_gpt2_checkpoint_layout():
    snippet = pc()
    assert snippet.gpt_params(LAYERS, D, VOCAB, CONTEXT) == count(gpt2_weight_shapes())
    assert snippet.gpt_params(LAYERS, D, VOCAB, CONTEXT, tied_head=False) == count(gpt2_weight_shapes(tied=False))
    assert snippet.gpt_params(2, 16, 100, 8, d_ff=40) == count(gpt2_weight_shapes(2, 16, 100, 8, d_ff=40))


def test_the_head_count_does_not_change_the_attention_parameters():
    """Splitting d into h heads slices the same projection matrices: the count has no h in it."""
    snippet = pc()
    for heads in (1, 8, 16):
        per_head = heads * 4 * (ENC_D * (ENC_D // heads) + ENC_D // heads)  # each head's slice of Q, K, V, O
        assert per_head == snippet.attention_params(ENC_D)


def test_swiglu_at_eight_thirds_keeps_the_ffn_size():
    d = 96
    d_ff = 8 * d // 3
    assert 3 * d * d_ff == 2 * d * (4 * d)


def test_edge_cases():
    snippet = pc()
    assert snippet.linear(3, 2, bias=False) == 6
    assert snippet.gpt_params(0, 4, 10, 5) == 10 * 4 + 5 * 4 + 2 * 4  # embeddings and the final LayerNorm only


def test_stated_values():
    assert_values(PAGE, expected_values())
