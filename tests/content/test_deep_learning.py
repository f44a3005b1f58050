"""Every number on questions/deep-learning.md, recomputed from the inputs the page shows."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_stated, load_snippet, page_sources

PAGE = "questions/deep-learning.md"


def grouped(n: int) -> str:
    """A large integer as the page writes it in LaTeX: thin spaces between digit groups."""
    return f"{n:,}".replace(",", "\\,")


def said(en: str, ru: str) -> None:
    """A phrase whose wording differs between languages: check each page separately."""
    both = {lang: " ".join(text.split()) for lang, text in page_sources(PAGE).items()}
    assert en in both["en"], en
    assert ru in both["ru"], ru


def fixed(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


# ---------------------------------------------------------------------------------------------
# Backpropagation
# ---------------------------------------------------------------------------------------------


def test_backprop_forward_and_gradients():
    bp = load_snippet("deep-learning/backprop.py")
    loss, cache = bp.forward(bp.PARAMS, bp.X, bp.TARGET)
    grads = bp.backward(bp.PARAMS, cache)

    np.testing.assert_allclose(cache["z1"], [1.0, -0.5])
    np.testing.assert_allclose(cache["h"], [1.0, 0.0])
    assert cache["p"][0] == 0.5
    assert loss == pytest.approx(math.log(2))
    assert_stated(PAGE, "x = (1, 2)", "t = 1", "b_1 = (0, -0.5)", "W_2 = (2, -1)", "b_2 = -2")
    assert_stated(PAGE, r"0.5 & 0.25 \\ -1 & 0.5", "z_1 = (1.0, -0.5)", "= (1, 0)")
    assert_stated(PAGE, "p = \\sigma(0) = 0.5", fixed(loss, 4))

    assert float(cache["p"][0] - bp.TARGET) == -0.5
    np.testing.assert_allclose(grads["W2"], [[-0.5, 0.0]])
    np.testing.assert_allclose(grads["b2"], [-0.5])
    np.testing.assert_allclose(bp.PARAMS["W2"].T @ (cache["p"] - bp.TARGET), [-1.0, 0.5])
    np.testing.assert_allclose(grads["b1"], [-1.0, 0.0])
    np.testing.assert_allclose(grads["W1"], [[-1.0, -2.0], [0.0, 0.0]])
    assert_stated(PAGE, "p - t = -0.5", "= (-0.5, 0)", "b_2 = -0.5", "= (-1.0, 0.5)")
    assert_stated(PAGE, "z_1 = (-1, 0)", r"-1 & -2 \\ 0 & 0", "b_1 = (-1, 0)")


def test_backprop_matches_finite_differences():
    bp = load_snippet("deep-learning/backprop.py")
    gap = bp.max_gradient_gap()
    assert gap < 1e-9
    assert_stated(PAGE, "10^{-6}", "10^{-9}")


def test_backprop_gradient_check_on_other_inputs():
    """The hand-written backward pass is right in general, not just at the page's point."""
    bp = load_snippet("deep-learning/backprop.py")
    rng = np.random.default_rng(1)
    params = {k: rng.normal(size=v.shape) for k, v in bp.PARAMS.items()}
    assert bp.max_gradient_gap(params, x=rng.normal(size=2), t=0.0) < 1e-7
    assert bp.max_gradient_gap(params, x=rng.normal(size=2), t=1.0) < 1e-7


def test_sigmoid_derivative_bound():
    z = np.linspace(-10, 10, 2001)
    s = 1 / (1 + np.exp(-z))
    assert (s * (1 - s)).max() == pytest.approx(0.25)
    assert_stated(PAGE, "\\le 0.25")


# ---------------------------------------------------------------------------------------------
# Inductive bias
# ---------------------------------------------------------------------------------------------


def test_inductive_bias_weight_counts():
    conv = 3 * 3 * 3 * 64
    inputs, outputs = 224 * 224 * 3, 224 * 224 * 64
    dense = inputs * outputs
    assert conv == 1728
    assert f"{dense:.1e}" == "4.8e+11"
    assert_stated(PAGE, "3 \\cdot 3 \\cdot 3 \\cdot 64 = " + grouped(conv))
    assert_stated(PAGE, grouped(inputs) + " \\times " + grouped(outputs), "4.8 \\times 10^{11}")


# ---------------------------------------------------------------------------------------------
# Receptive field
# ---------------------------------------------------------------------------------------------


def test_receptive_field_example_stack():
    rf = load_snippet("deep-learning/receptive_field.py")
    fields = rf.receptive_fields(rf.EXAMPLE_STACK)
    assert fields == [(3, 1), (5, 1), (6, 2), (10, 2), (14, 4), (22, 4)]
    assert_stated(PAGE, "conv3×3 s1 → conv3×3 s1 → maxpool2×2 s2 → conv3×3 s1 → conv3×3 s2 → conv3×3 s1")
    rows = [
        ("conv3×3", 3, 1, 1, 3),
        ("conv3×3", 3, 1, 1, 5),
        ("maxpool2×2", 2, 2, 1, 6),
        ("conv3×3", 3, 1, 2, 10),
        ("conv3×3", 3, 2, 2, 14),
        ("conv3×3", 3, 1, 4, 22),
    ]
    jump_before = 1
    for (name, k, s, jump, r), (r_calc, jump_after) in zip(rows, fields, strict=False):
        assert jump == jump_before and r == r_calc
        assert_stated(PAGE, f"| {name} | {k} | {s} | {jump} | {r} |")
        jump_before = jump_after
    assert_stated(PAGE, "**22×22**", "4)")


def test_receptive_field_common_slip():
    rf = load_snippet("deep-learning/receptive_field.py")
    four = rf.EXAMPLE_STACK[:4]
    assert rf.receptive_field(four) == 10
    # The slip: counting the 2x2 pool as if it added 2 (i.e. as a 3x3 window) gives 11.
    assert rf.receptive_field([(3, 1), (3, 1), (3, 2), (3, 1)]) == 11
    said("the correct 10 for the first four layers into 11", "вместо правильных 10 получается 11")
    assert_stated(PAGE, "11.")


def test_receptive_field_resnet_and_vgg():
    rf = load_snippet("deep-learning/receptive_field.py")
    assert rf.receptive_fields(rf.RESNET_STEM) == [(7, 2), (11, 4)]
    assert rf.receptive_field(rf.RESNET18_STAGE1) == 43
    assert rf.receptive_field(rf.VGG16[:-1]) == 196
    assert rf.receptive_field(rf.VGG16) == 212
    assert rf.receptive_field([(3, 1, 1), (3, 1, 2), (3, 1, 4)]) == 15
    assert_stated(PAGE, "(3-1)\\cdot 2", "2 \\cdot 4", "43", "196", "212", "15")


def test_receptive_field_edge_cases_and_closed_form():
    rf = load_snippet("deep-learning/receptive_field.py")
    assert rf.receptive_field([]) == 1
    assert rf.receptive_field([(1, 1)]) == 1
    assert rf.receptive_field([(5, 3)]) == 5
    assert rf.receptive_field([(3, 1), (3, 1)]) == rf.receptive_field([(5, 1)]) == 5
    assert 2 * 9 == 18
    assert_stated(PAGE, "2 \\cdot 9 = 18", "25")
    stack = rf.EXAMPLE_STACK
    closed = 1 + sum((k - 1) * math.prod(s for _, s in stack[:i]) for i, (k, _) in enumerate(stack))
    assert closed == rf.receptive_field(stack)


# ---------------------------------------------------------------------------------------------
# Attention
# ---------------------------------------------------------------------------------------------


def test_attention_small_example():
    at = load_snippet("deep-learning/attention.py")
    out, w = at.attention(at.Q, at.K, at.V)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    first = "(" + ", ".join(fixed(x, 4) for x in w[0]) + ")"
    third = "(" + ", ".join(fixed(x, 4) for x in w[2]) + ")"
    assert first == "(0.4011, 0.1978, 0.4011)"
    assert_stated(PAGE, first, third)
    assert_stated(PAGE, f"({fixed(out[0, 0], 4)}, {fixed(out[0, 1], 4)})")
    assert_stated(PAGE, f"({fixed(out[2, 0], 4)}, {fixed(out[2, 1], 4)})")
    assert_stated(PAGE, "(1, 0), (0, 1), (1, 1)", "d_k = 2", "(1, 0, 1)/\\sqrt{2}")
    # First query by hand: scores (1, 0, 1)/sqrt(2).
    e = math.exp(1 / math.sqrt(2))
    assert w[0, 0] == pytest.approx(e / (2 * e + 1))


def test_attention_causal_mask():
    at = load_snippet("deep-learning/attention.py")
    _, w = at.attention(at.Q, at.K, at.V, causal=True)
    assert np.allclose(np.triu(w, k=1), 0.0)
    assert w[0, 0] == 1.0
    assert_stated(PAGE, f"({fixed(w[1, 0], 4)}, {fixed(w[1, 1], 4)}, 0)")


def test_multi_head_matches_single_head_when_one_head():
    at = load_snippet("deep-learning/attention.py")
    rng = np.random.default_rng(0)
    x = rng.normal(size=(5, 8))
    wq, wk, wv, wo = (rng.normal(size=(8, 8)) for _ in range(4))
    one = at.multi_head(x, wq, wk, wv, wo, n_heads=1)
    ref, _ = at.attention(x @ wq, x @ wk, x @ wv)
    np.testing.assert_allclose(one, ref @ wo)
    assert at.multi_head(x, wq, wk, wv, wo, n_heads=4).shape == (5, 8)


def test_attention_scaling_and_memory():
    d_k = 64
    assert math.sqrt(d_k) == 8
    rng = np.random.default_rng(0)
    q, k = rng.normal(size=(2, 20000, d_k))
    assert np.std((q * k).sum(axis=1)) == pytest.approx(8, rel=0.05)
    n = 4096
    assert n * n == 16_777_216
    assert n * n * 2 / 2**20 == 32
    assert_stated(PAGE, "d_k = 64", "n = 4096", grouped(n * n), "32 MiB")
    said("standard deviation 8", "отклонение сырых оценок равно 8")


def test_softmax_is_stable():
    at = load_snippet("deep-learning/attention.py")
    np.testing.assert_allclose(at.softmax(np.array([[1000.0, 1000.0]])), [[0.5, 0.5]])


# ---------------------------------------------------------------------------------------------
# Transformer vs CNN
# ---------------------------------------------------------------------------------------------


def test_vit_token_counts():
    assert (224 // 16) ** 2 == 196
    assert 224 * 224 == 50_176
    assert_stated(PAGE, "14 \\times 14 = 196", grouped(224 * 224))
    assert ((2 * 224 // 16) ** 2) ** 2 / 196**2 == 16
    assert (2 * 224) ** 2 / 224**2 == 4
    said("attention cost by 16", "внимания на 16")
    said("grows 4 times", "растёт в 4 раза")


# ---------------------------------------------------------------------------------------------
# Mixed precision vs quantization
# ---------------------------------------------------------------------------------------------


def test_float_formats():
    pr = load_snippet("deep-learning/precision.py")
    f16 = np.finfo(np.float16)
    assert pr.FP16["max"] == float(f16.max) == 65504
    assert pr.FP16["min_normal"] == float(f16.smallest_normal) == 2.0**-14
    assert pr.FP16["min_subnormal"] == float(f16.smallest_subnormal) == 2.0**-24
    assert pr.FP16["eps"] == float(f16.eps) == 2.0**-10
    f32 = np.finfo(np.float32)
    assert pr.FP32["max"] == pytest.approx(float(f32.max))
    assert pr.FP32["min_normal"] == float(f32.smallest_normal)
    assert pr.BF16["max"] == pytest.approx(3.3895e38, rel=1e-4)
    assert pr.BF16["min_normal"] == pr.FP32["min_normal"]
    assert pr.BF16["eps"] == 0.0078125
    assert_stated(PAGE, "| fp32 | 1/8/23 |", "| fp16 | 1/5/10 | 65504 |", "| bf16 | 1/8/7 |")
    assert_stated(PAGE, f"{pr.FP32['max']:.1e}".replace("e+38", " \\times 10^{38}"))
    assert_stated(PAGE, f"{pr.FP32['min_normal']:.1e}".replace("e-38", " \\times 10^{-38}"))
    assert_stated(PAGE, f"{pr.FP16['min_normal']:.1e}".replace("e-05", " \\times 10^{-5}"))
    assert_stated(PAGE, f"{pr.FP16['min_subnormal']:.1e}".replace("e-08", " \\times 10^{-8}"))
    assert_stated(PAGE, f"2^{{-10}} \\approx {pr.FP16['eps']:.6f}", "2^{-7} = 0.0078125", "2^{-23}")
    assert 10 - 7 == 3
    assert_stated(PAGE, "1/5/10", "1/8/7")


def test_loss_scaling():
    pr = load_snippet("deep-learning/precision.py")
    assert pr.survives_fp16(1e-8) == 0.0
    scale = 2.0**16
    assert scale == 65536
    assert float(np.float16(1e-8 * scale)) > 0
    recovered = pr.survives_fp16(1e-8, scale)
    assert recovered == pytest.approx(1e-8, rel=1e-3)
    assert f"{1e-8 * scale:.1e}" == "6.6e-04"
    assert_stated(PAGE, "10^{-8}", "S = 2^{16} = 65536", "6.6 \\times 10^{-4}")
    assert_stated(PAGE, f"{recovered / 1e-9:.3f} \\times 10^{{-9}}")


def test_int8_quantization_example():
    pr = load_snippet("deep-learning/precision.py")
    q, scale, zp = pr.quantize_int8(pr.VECTOR)
    assert q.dtype == np.int8
    assert scale == pytest.approx(3 / 255)
    assert zp == -43
    assert q.tolist() == [-128, -73, -43, -20, 26, 127]
    err = np.abs(pr.dequantize(q, scale, zp) - pr.VECTOR)
    assert err.max() <= scale / 2
    assert int(np.argmax(err)) == 1  # the largest error is at -0.35
    assert pr.dequantize(q, scale, zp)[2] == 0.0  # zero is exact
    assert_stated(PAGE, "x = (-1, -0.35, 0, 0.27, 0.81, 2)", f"s = 3/255 \\approx {scale:.6f}", "z = -43")
    assert_stated(PAGE, "q = (" + ", ".join(str(v) for v in q.tolist()) + ")")
    assert_stated(PAGE, f"{err.max():.4f}", f"s/2 \\approx {scale / 2:.4f}")


def test_int8_quantization_edge_cases():
    pr = load_snippet("deep-learning/precision.py")
    q, scale, zp = pr.quantize_int8(np.array([0.5, 1.0, 2.0]))  # all positive: range still includes 0
    assert pr.dequantize(q, scale, zp).min() >= -scale / 2
    assert np.abs(pr.dequantize(q, scale, zp) - [0.5, 1.0, 2.0]).max() <= scale / 2 + 1e-12


def test_memory_arithmetic():
    pr = load_snippet("deep-learning/precision.py")
    n = 7e9
    got = {name: pr.weight_memory_gb(n, b) for name, b in [("fp32", 4), ("bf16", 2), ("int8", 1), ("int4", 0.5)]}
    assert got == {"fp32": 28.0, "bf16": 14.0, "int8": 7.0, "int4": 3.5}
    assert_stated(PAGE, "7B", "28 GB", "7 GB", "3.5 GB")
    assert_stated(PAGE, "14 GB")
    assert pr.ADAM_MIXED_PRECISION_BYTES == 16
    assert pr.weight_memory_gb(n, 16) == 112.0
    assert_stated(PAGE, "16", "112 GB")


# ---------------------------------------------------------------------------------------------
# Normalisation and GNN losses
# ---------------------------------------------------------------------------------------------


def test_normalisation_numbers():
    assert_stated(PAGE, "momentum", "0.1);")


def test_layer_norm_vs_batch_norm_axes():
    """Layer norm normalises each example on its own; batch norm depends on the batch."""
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4, 6))
    ln = (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True)
    bn = (x - x.mean(axis=0)) / x.std(axis=0)
    ln_single = (x[:1] - x[:1].mean()) / x[:1].std()
    np.testing.assert_allclose(ln[:1], ln_single)
    assert not np.allclose(bn[:1], (x[:1] - x[:2].mean(axis=0)) / x[:2].std(axis=0))


def test_link_prediction_bce_example():
    pos = math.log1p(math.exp(-2))  # -log sigmoid(2)
    neg = math.log1p(math.exp(-1))  # -log(1 - sigmoid(-1))

    def sig(z):
        return 1 / (1 + math.exp(-z))

    assert pos == pytest.approx(-math.log(sig(2)))
    assert neg == pytest.approx(-math.log(1 - sig(-1)))
    assert_stated(PAGE, f"{pos:.4f} + {neg:.4f} = {pos + neg:.4f}")


# ---------------------------------------------------------------------------------------------
# Transformer parameter count
# ---------------------------------------------------------------------------------------------


def test_encoder_layer_parameters():
    pc = load_snippet("deep-learning/param_count.py")
    assert pc.attention_params(512) == 4 * (512**2 + 512) == 1_050_624
    assert pc.ffn_params(512, 2048) == 2_099_712
    assert 2 * pc.layer_norm_params(512) == 2_048
    total = pc.transformer_layer_params(512, 2048)
    assert total == 3_152_384
    assert 512 // 8 == 64
    assert_stated(PAGE, "d_{\\text{model}} = 512", "d_{ff} = 2048", "h = 8")
    said("Eight heads of 64 dimensions", "Восемь голов по 64")
    assert_stated(PAGE, "4(512^2 + 512) = " + grouped(1_050_624), "= " + grouped(2_099_712))
    assert_stated(PAGE, "2 \\cdot 2 \\cdot 512 = " + grouped(2_048), grouped(total) + " \\approx 3.15")


def test_gpt2_small_parameters():
    pc = load_snippet("deep-learning/param_count.py")
    L, d, vocab, ctx = 12, 768, 50257, 1024
    block = pc.transformer_layer_params(d, 4 * d)
    rows = {
        "tokens": vocab * d,
        "positions": ctx * d,
        "attention": pc.attention_params(d),
        "mlp": pc.ffn_params(d, 4 * d),
        "ln": 2 * pc.layer_norm_params(d),
        "blocks": L * block,
        "final_ln": pc.layer_norm_params(d),
    }
    assert rows["attention"] + rows["mlp"] + rows["ln"] == block == 7_087_872
    total = pc.gpt_params(L, d, vocab, ctx)
    assert total == rows["tokens"] + rows["positions"] + rows["blocks"] + rows["final_ln"] == 124_439_808
    untied = pc.gpt_params(L, d, vocab, ctx, tied_head=False)
    assert untied - total == rows["tokens"]
    for value in rows.values():
        assert_stated(PAGE, grouped(value))
    assert_stated(PAGE, f"12 \\cdot {grouped(block)}", grouped(total), grouped(untied), "124M")
    assert_stated(PAGE, "50257 \\cdot 768", "1024 \\cdot 768", "4d = 3072", "L = 12", "d = 768")
    rule = 12 * L * d**2
    assert rule == 84_934_656
    non_embedding = rows["blocks"] + rows["final_ln"]
    assert_stated(
        PAGE, "12 L d^2 = " + grouped(rule), f"{(non_embedding - rule) / non_embedding:.2%}".replace("%", " %")
    )
    assert_stated(PAGE, f"{round(total * 4 / 1e6)} MB")
    share = (rows["tokens"] + rows["positions"]) / total  # "nearly a third of GPT-2 small"
    assert 0.3 < share < 1 / 3


def test_param_count_edge_cases():
    pc = load_snippet("deep-learning/param_count.py")
    assert pc.linear(3, 2, bias=False) == 6
    assert pc.gpt_params(0, 4, 10, 5) == 10 * 4 + 5 * 4 + 8
    assert pc.gpt_params(1, 8, 10, 5, d_ff=32) == pc.gpt_params(1, 8, 10, 5)


def test_cost_rules_of_thumb():
    # Backward pass: two matmuls per forward matmul (gradient w.r.t. input and w.r.t. weights).
    forward_flops_per_param, backward_flops_per_param = 2, 4
    assert backward_flops_per_param / forward_flops_per_param == 2
    assert forward_flops_per_param + backward_flops_per_param == 6
    said("roughly 2 times the cost of the forward pass", "примерно за 2 стоимости прямого прохода")
    assert_stated(PAGE, "$6N$", "(2 ", " 4 ")
    # SwiGLU keeps the FFN size when d_ff is cut to 8/3 d: 3 * (8/3) d^2 == 2 * 4 d^2.
    assert 3 * 8 / 3 == 2 * 4
    assert_stated(PAGE, "\\tfrac{8}{3} d")
    # Two 3x3 convolutions: the same field as one 5x5 with fewer weights.
    assert 2 * 3 * 3 < 5 * 5
