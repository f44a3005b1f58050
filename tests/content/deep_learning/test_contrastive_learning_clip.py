"""questions/deep-learning/contrastive-learning-clip.md: the symmetric InfoNCE loss against a loop,
its gradient against finite differences, the temperature arithmetic, zero-shot prediction, and the
InfoNCE estimate against the exact mutual information of correlated Gaussians."""

import math

import numpy as np

from tests.content.deep_learning.formatting import power_of_ten
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/contrastive-learning-clip.md"
CLIP = load_snippet("deep-learning/clip_loss.py")

CLIP_BATCH, TAU_INIT, MAX_SCALE = 32_768, 0.07, 100
COS_HARD, COS_EASY = 0.5, 0.3
COS_POS, COS_NEG, TAU_ONE = 1, 0, 1
MI_BATCH, MI_BATCHES = 128, 100
GAUSS = ((1, 0.8), (10, 0.9))  # (dimensions, correlation per dimension)
SIMCLR_BATCH = 4096
DEVICES = 256


def loop_clip_loss(logits):
    """Reference: one cross-entropy per row and per column, written out term by term."""
    n = len(logits)
    total = 0.0
    for i in range(n):
        row = sum(math.exp(logits[i][j]) for j in range(n))
        col = sum(math.exp(logits[j][i]) for j in range(n))
        total += -(logits[i][i] - math.log(row)) - (logits[i][i] - math.log(col))
    return total / (2 * n)


def positive_probability(tau, n=CLIP_BATCH):
    """Softmax weight of a positive at cosine COS_POS against n - 1 negatives at cosine COS_NEG."""
    return math.exp(COS_POS / tau) / (math.exp(COS_POS / tau) + (n - 1) * math.exp(COS_NEG / tau))


def gaussian_critic(x, y, rho):
    """log p(y|x) - log p(y) up to a constant: the optimal InfoNCE critic for y = rho x + noise."""
    diff = y[None, :, :] - rho * x[:, None, :]
    return -(diff**2).sum(-1) / (2 * (1 - rho**2)) + (y**2).sum(-1)[None, :] / 2


def mi_estimate(dims, rho, seed=0):
    rng = np.random.default_rng(seed)
    estimates = []
    for _ in range(MI_BATCHES):
        x = rng.standard_normal((MI_BATCH, dims))
        y = rho * x + np.sqrt(1 - rho**2) * rng.standard_normal((MI_BATCH, dims))
        estimates.append(CLIP.infonce_mi_estimate(gaussian_critic(x, y, rho)))
    return float(np.mean(estimates)), float(np.std(estimates) / np.sqrt(MI_BATCHES))


def true_mi(dims, rho):
    return -dims / 2 * math.log(1 - rho**2)


def expected_values() -> dict[str, str]:
    out = {
        "clip-batch": f"{CLIP_BATCH:,}",
        "log-n": f"{math.log(CLIP_BATCH):.1f}",
        "log-n-bits": f"{math.log2(CLIP_BATCH):.0f}",
        "tau-init": f"{TAU_INIT}",
        "max-scale": str(MAX_SCALE),
        "tau-min": f"{1 / MAX_SCALE}",
        "batch-temp": f"{CLIP_BATCH:,}",
        "tau-one": str(TAU_ONE),
        "p-tau-one": power_of_ten(positive_probability(TAU_ONE), 2),
        "loss-tau-one": f"{-math.log(positive_probability(TAU_ONE)):.1f}",
        "tau-clip": f"{TAU_INIT}",
        "p-tau-clip": f"{positive_probability(TAU_INIT):.2f}",
        "loss-tau-clip": f"{-math.log(positive_probability(TAU_INIT)):.2f}",
        "cos-hard": f"{COS_HARD}",
        "cos-easy": f"{COS_EASY}",
        "ratio-tau-clip": f"{math.exp((COS_HARD - COS_EASY) / TAU_INIT):.1f}",
        "ratio-tau-one": f"{math.exp((COS_HARD - COS_EASY) / TAU_ONE):.2f}",
        "tau-clip-2": f"{TAU_INIT}",
        "tau-one-2": str(TAU_ONE),
        "cos-pos": str(COS_POS),
        "cos-neg": str(COS_NEG),
        "mi-batch": str(MI_BATCH),
        "mi-batches": str(MI_BATCHES),
        "mi-log-n": f"{math.log(MI_BATCH):.2f}",
        "simclr-batch": f"{SIMCLR_BATCH:,}",
        "simclr-negatives": f"{2 * SIMCLR_BATCH - 2:,}",
        "devices": str(DEVICES),
        "local-batch": str(CLIP_BATCH // DEVICES),
        "local-logits": f"{CLIP_BATCH // DEVICES * CLIP_BATCH:,}",
        "full-logits": power_of_ten(CLIP_BATCH**2, 3),
    }
    for k, (dims, rho) in enumerate(GAUSS, start=1):
        estimate, _ = mi_estimate(dims, rho)
        out |= {
            f"dims-{k}": str(dims),
            f"rho-{k}": f"{rho}",
            f"mi-true-{k}": f"{true_mi(dims, rho):.2f}",
            f"mi-est-{k}": f"{estimate:.2f}",
        }
    return out


def test_vectorised_loss_matches_the_loop():
    rng = np.random.default_rng(0)
    for n, d, tau in ((2, 3, 1.0), (5, 8, 0.07), (7, 4, 0.5)):
        images, texts = rng.normal(size=(n, d)), rng.normal(size=(n, d))
        logits = CLIP.clip_logits(images, texts, tau)
        assert math.isclose(CLIP.clip_loss(logits), loop_clip_loss(logits.tolist()), rel_tol=1e-10)


def test_the_loss_is_stable_and_symmetric():
    logits = np.array([[100.0, -100.0], [-100.0, 100.0]])  # exp(100) would overflow a naive float32 sum
    assert np.isfinite(CLIP.clip_loss(logits)) and CLIP.clip_loss(logits) < 1e-80
    rng = np.random.default_rng(1)
    logits = rng.normal(size=(6, 6))
    assert math.isclose(CLIP.clip_loss(logits), CLIP.clip_loss(logits.T), rel_tol=1e-12)
    assert math.isclose(CLIP.clip_loss(np.zeros((9, 9))), math.log(9), rel_tol=1e-12)  # chance level


def test_gradient_matches_finite_differences():
    rng = np.random.default_rng(2)
    logits = rng.normal(size=(5, 5))
    grad = CLIP.clip_loss_grad(logits)
    h = 1e-6
    for i in range(5):
        for j in range(5):
            bumped = logits.copy()
            bumped[i, j] += h
            dropped = logits.copy()
            dropped[i, j] -= h
            assert abs((CLIP.clip_loss(bumped) - CLIP.clip_loss(dropped)) / (2 * h) - grad[i, j]) < 1e-7
    assert abs(grad.sum()) < 1e-12  # the softmax rows and columns each sum to one


def test_zero_shot_picks_the_nearest_prompt():
    rng = np.random.default_rng(3)
    prompts = rng.normal(size=(10, 32))
    labels = rng.integers(0, 10, size=200)
    images = prompts[labels] + 0.5 * rng.normal(size=(200, 32))
    predicted = CLIP.zero_shot(images, prompts)
    for image, guess in zip(images, predicted, strict=True):
        cosines = [image @ p / np.linalg.norm(image) / np.linalg.norm(p) for p in prompts]
        assert guess == int(np.argmax(cosines))
    assert (predicted == labels).mean() > 0.9


def test_infonce_is_a_lower_bound_capped_at_log_n():
    small_est, small_se = mi_estimate(*GAUSS[0], seed=7)
    assert abs(small_est - true_mi(*GAUSS[0])) < 0.05  # low MI: nearly tight
    large_est, large_se = mi_estimate(*GAUSS[1], seed=7)
    assert large_est < math.log(MI_BATCH) < true_mi(*GAUSS[1])  # high MI: stuck under log N
    assert large_est > math.log(MI_BATCH) - 0.5
    # a worse critic (ignoring y's norm) gives a lower estimate, never a higher one
    rng = np.random.default_rng(8)
    x = rng.standard_normal((MI_BATCH, 1))
    y = 0.8 * x + 0.6 * rng.standard_normal((MI_BATCH, 1))
    good = CLIP.infonce_mi_estimate(gaussian_critic(x, y, 0.8))
    assert CLIP.infonce_mi_estimate(0.1 * gaussian_critic(x, y, 0.8)) < good


def test_stated_values():
    assert_values(PAGE, expected_values())
