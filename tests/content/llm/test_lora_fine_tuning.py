"""questions/llm/lora-fine-tuning.md: LoRA parameter counts for Llama 2 7B, memory, and the layer itself."""

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/lora-fine-tuning.md"
lora = load_snippet("llm/lora.py")

D, FFN, LAYERS = 4096, 11008, 32
R_SMALL, R_LARGE, ALPHA = 8, 16, 16
ADAM_BYTES, BF16_BYTES = 16, 2
NF4_BITS, BLOCK, BLOCK2 = 4, 64, 256  # QLoRA: 4-bit weights, fp32 constant per 64, 8-bit constants per 256


def llama2_7b_params() -> int:
    vocab = 32_000
    return 2 * vocab * D + LAYERS * (4 * D * D + 3 * D * FFN + 2 * D) + D


def test_gradients_match_finite_differences():
    rng = np.random.default_rng(0)
    w = rng.normal(size=(6, 5))
    a, b = rng.normal(size=(3, 5)), rng.normal(size=(6, 3))  # B nonzero so both gradients are informative
    x, target = rng.normal(size=(4, 5)), rng.normal(size=(4, 6))

    def loss(a_, b_):
        return 0.5 * np.sum((lora.lora_forward(x, w, a_, b_, ALPHA) - target) ** 2) / len(x)

    grad_a, grad_b = lora.lora_grads(x, w, a, b, ALPHA, target)
    eps = 1e-6
    for grad, which in ((grad_a, "a"), (grad_b, "b")):
        numeric = np.zeros_like(grad)
        for idx in np.ndindex(grad.shape):
            step = np.zeros_like(grad)
            step[idx] = eps
            plus = loss(a + step, b) if which == "a" else loss(a, b + step)
            minus = loss(a - step, b) if which == "a" else loss(a, b - step)
            numeric[idx] = (plus - minus) / (2 * eps)
        np.testing.assert_allclose(grad, numeric, rtol=1e-5, atol=1e-8)


def test_training_the_adapter_recovers_a_low_rank_update_and_merges():
    rng = np.random.default_rng(1)
    w = rng.normal(size=(8, 10))
    true_update = rng.normal(size=(8, 2)) @ rng.normal(size=(2, 10)) / 3
    x = rng.normal(size=(256, 10))
    target = x @ (w + true_update).T
    a, b = lora.init_lora(10, 8, 2, rng)
    assert np.allclose(lora.lora_forward(x, w, a, b, ALPHA), x @ w.T)  # starts as the frozen model
    for _ in range(3000):
        grad_a, grad_b = lora.lora_grads(x, w, a, b, ALPHA, target)
        a, b = a - 0.01 * grad_a, b - 0.01 * grad_b
    merged = lora.merge(w, a, b, ALPHA)
    np.testing.assert_allclose(merged, w + true_update, atol=1e-3)
    np.testing.assert_allclose(x @ merged.T, lora.lora_forward(x, w, a, b, ALPHA), atol=1e-9)
    assert np.linalg.matrix_rank(merged - w, tol=1e-6) <= 2


def expected_values() -> dict[str, str]:
    n = llama2_7b_params()
    qv = lora.lora_params(lora.llama2_7b_linear_shapes(("q", "v")), R_SMALL)
    full = lora.lora_params(lora.llama2_7b_linear_shapes(), R_LARGE)
    per_layer = lora.lora_params(lora.llama2_7b_linear_shapes(layers=1), R_LARGE)
    bits_dq = NF4_BITS + 8 / BLOCK + 32 / (BLOCK * BLOCK2)
    return {
        "d": f"{D:,}",
        "ffn": f"{FFN:,}",
        "layers": str(LAYERS),
        "params": f"{n / 1e9:.2f}",
        "r-small": str(R_SMALL),
        "qv-per-matrix": f"{R_SMALL * (D + D):,}",
        "qv-total": f"{qv:,}",
        "qv-share": f"{qv / n * 100:.3f} %",
        "r-large": str(R_LARGE),
        "attn-matrix": f"{R_LARGE * (D + D):,}",
        "mlp-matrix": f"{R_LARGE * (D + FFN):,}",
        "per-layer": f"{per_layer:,}",
        "all-total": f"{full:,}",
        "all-share": f"{full / n * 100:.2f} %",
        "full-ft-gb": f"{ADAM_BYTES * n / 1e9:.1f}",
        "frozen-gb": f"{BF16_BYTES * n / 1e9:.1f}",
        "adapter-state-gb": f"{ADAM_BYTES * full / 1e9:.2f}",
        "lora-gb": f"{(BF16_BYTES * n + ADAM_BYTES * full) / 1e9:.1f}",
        "lora-saving": f"{ADAM_BYTES * n / (BF16_BYTES * n + ADAM_BYTES * full):.1f}",
        "adapter-file-mb": f"{BF16_BYTES * full / 1e6:.0f}",
        "nf4-bits": f"{NF4_BITS}",
        "const-bits": f"{32 / BLOCK}",
        "dq-const-bits": f"{bits_dq - NF4_BITS:.3f}",
        "qlora-gb": f"{n * bits_dq / 8 / 1e9:.2f}",
        "alpha": str(ALPHA),
        "scale": f"{ALPHA / R_LARGE:.0f}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
