"""questions/llm/training-instability.md: warm-up, clipping, the z-loss, bf16 and fp16 limits, μP scaling."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/llm/training-instability.md"
st = load_snippet("llm/stability.py")

PEAK_LR, WARMUP, TOTAL = 3e-4, 2000, 100_000
BETA2 = 0.999
Z_COEFF = 1e-4
LOGITS = np.array([30.0, 29.0, 20.0])
WIDTH, BASE_WIDTH, BASE_LR = 8192, 256, 1e-2
D_HEAD, FAN_IN = 128, 4096


def sci(x: float, digits: int = 3) -> str:
    """A number as the page writes it inside a formula: 3 \\times 10^{-4}, or 10^{-4} for a power of ten."""
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    mantissa = mantissa.rstrip("0").rstrip(".")
    power = f"10^{{{int(exponent)}}}"
    return power if mantissa == "1" else f"{mantissa} \\times {power}"


def adam_first_step(grad, lr, beta1=0.9, beta2=BETA2, eps=1e-8):
    m, v = (1 - beta1) * grad, (1 - beta2) * grad**2
    m_hat, v_hat = m / (1 - beta1), v / (1 - beta2)
    return -lr * m_hat / (np.sqrt(v_hat) + eps)


def test_adams_first_step_is_the_learning_rate_whatever_the_gradient():
    grad = np.array([1e-4, -3e-2, 5.0, -200.0])
    np.testing.assert_allclose(np.abs(adam_first_step(grad, PEAK_LR)), PEAK_LR, rtol=1e-3)


def test_clipping_keeps_direction_and_bounds_the_norm():
    rng = np.random.default_rng(0)
    grads = [rng.normal(size=(3, 4)) * 10, rng.normal(size=5) * 10]
    clipped, norm = st.clip_by_global_norm(grads, 1.0)
    total = math.sqrt(sum(float(np.sum(g * g)) for g in clipped))
    assert norm > 1 and math.isclose(total, 1.0, rel_tol=1e-9)
    for g, c in zip(grads, clipped, strict=True):
        np.testing.assert_allclose(c * norm, g, rtol=1e-9)
    small = [np.array([0.1, 0.2])]
    assert np.array_equal(st.clip_by_global_norm(small, 1.0)[0][0], small[0])


def test_z_loss_gradient_matches_finite_differences():
    logits = np.array([2.0, -1.0, 0.5, 3.0])
    _, grad, _ = st.log_softmax_with_z_loss(logits, 2, coeff=0.1)
    eps = 1e-6
    for i in range(len(logits)):
        step = np.zeros_like(logits)
        step[i] = eps
        up = st.log_softmax_with_z_loss(logits + step, 2, coeff=0.1)[0]
        down = st.log_softmax_with_z_loss(logits - step, 2, coeff=0.1)[0]
        assert math.isclose(grad[i], (up - down) / (2 * eps), rel_tol=1e-6, abs_tol=1e-9)


def test_z_loss_drives_log_z_to_zero_without_changing_the_softmax():
    """Learn only a shared bias b added to every logit: cross-entropy cannot move it, the z-loss can."""
    b, base = 0.0, LOGITS.copy()
    start = np.exp(base - st.log_softmax_with_z_loss(base, 0)[2])
    for _ in range(4000):
        _, grad, _ = st.log_softmax_with_z_loss(base + b, 0, coeff=0.01)
        b -= 1.0 * grad.sum()  # d/db = sum of the per-logit gradients
    _, _, log_z = st.log_softmax_with_z_loss(base + b, 0)
    assert abs(log_z) < 1e-3
    np.testing.assert_allclose(np.exp(base + b - log_z), start, rtol=1e-9)


def bf16_spacing(x):
    """Independent: float32 spacing times 2^16 (bf16 drops the 16 low mantissa bits)."""
    return float(np.spacing(np.float32(x))) * 2**16


def test_bf16_rounding_matches_the_format():
    for x in (1.0, 3.7, 30.0, 1000.0):
        values = st.to_bf16([x, x + 0.49 * bf16_spacing(x)])
        assert values[0] == values[1]  # below half a step: same bf16 value
    assert st.to_bf16([30.0 + bf16_spacing(30.0) / 2])[0] == 30.0  # a tie goes to the even neighbour


def test_fp16_exp_overflow_threshold():
    threshold = math.log(float(np.finfo(np.float16).max))
    with np.errstate(over="ignore"):
        assert np.isinf(np.exp(np.float16(threshold + 0.01)))
        assert np.isfinite(np.exp(np.float16(threshold - 0.01)))


def expected_values() -> dict[str, str]:
    clipped, norm = st.clip_by_global_norm([np.array([3.0]), np.array([4.0])], 1.0)
    loss, _, log_z = st.log_softmax_with_z_loss(LOGITS, 0, Z_COEFF)
    ce = log_z - LOGITS[0]
    return {
        "peak-lr": sci(PEAK_LR),
        "warmup": f"{WARMUP:,}",
        "lr-step0": sci(st.warmup_cosine(0, PEAK_LR, WARMUP, TOTAL)),
        "lr-mid": sci(st.warmup_cosine(WARMUP // 2 - 1, PEAK_LR, WARMUP, TOTAL)),
        "beta2": f"{BETA2}",
        "horizon": f"{1 / (1 - BETA2):,.0f}",
        "grad-norm": f"{norm:.0f}",
        "clipped-a": f"{clipped[0][0]:.1f}",
        "clipped-b": f"{clipped[1][0]:.1f}",
        "z-coeff": sci(Z_COEFF),
        "log-z": f"{log_z:.2f}",
        "ce": f"{ce:.3f}",
        "z-term": f"{Z_COEFF * log_z**2:.3f}",
        "bf16-spacing-30": f"{bf16_spacing(30.0)}",
        "bf16-spacing-1": f"{bf16_spacing(1.0)}",
        "fp16-max": f"{float(np.finfo(np.float16).max):,.0f}",
        "fp16-exp-limit": f"{math.log(float(np.finfo(np.float16).max)):.2f}",
        "init-fan-in": f"{FAN_IN:,}",
        "init-std": f"{1 / math.sqrt(FAN_IN)}",
        "d-head": str(D_HEAD),
        "qk-bound": f"{math.sqrt(D_HEAD):.1f}",
        "base-width": str(BASE_WIDTH),
        "base-lr": sci(BASE_LR),
        "width": f"{WIDTH:,}",
        "width-mult": f"{WIDTH // BASE_WIDTH}",
        "mup-lr": sci(BASE_LR * BASE_WIDTH / WIDTH),
    }


def test_stated_values():
    assert_values(PAGE, expected_values())
