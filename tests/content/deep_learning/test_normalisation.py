"""questions/deep-learning/normalisation.md: batch norm's running statistics, the axes of BN and LN, and
the claims in the follow-ups (BN folds into a convolution; BN makes the preceding bias redundant)."""

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/deep-learning/normalisation.md"
MOMENTUM, STEPS = 0.1, 10
INIT_MEAN, INIT_VAR = 0.0, 1.0  # what PyTorch's BatchNorm starts its running statistics at


def running_statistics(batch_means, batch_vars, momentum=MOMENTUM):
    """PyTorch's update: running <- (1 - m) running + m batch, starting from mean 0 and variance 1."""
    mean, var = INIT_MEAN, INIT_VAR
    for batch_mean, batch_var in zip(batch_means, batch_vars, strict=True):
        mean = (1 - momentum) * mean + momentum * batch_mean
        var = (1 - momentum) * var + momentum * batch_var
    return mean, var


def leftover_weight(steps: int = STEPS) -> float:
    """Share of the initial value left in the running mean, measured by running the update."""
    true_mean = 5.0
    mean, _ = running_statistics([true_mean] * steps, [1.0] * steps)
    return (true_mean - mean) / (true_mean - INIT_MEAN)


def batch_norm_eval(x, gamma, beta, mean, var, eps=1e-5):
    return gamma * (x - mean) / np.sqrt(var + eps) + beta


def expected_values() -> dict[str, str]:
    return {
        "momentum": f"{MOMENTUM}",
        "window": f"{1 / MOMENTUM:.0f}",
        "steps": f"{STEPS}",
        "leftover": f"{100 * leftover_weight():.0f} \\%",
        "init-mean": f"{INIT_MEAN:g}",
        "init-var": f"{INIT_VAR:g}",
    }


def test_leftover_is_the_geometric_weight_of_the_initial_value():
    for steps in (1, 10, 50):
        assert abs(leftover_weight(steps) - (1 - MOMENTUM) ** steps) < 1e-12


def test_layer_norm_of_an_example_does_not_depend_on_the_rest_of_the_batch():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(4, 6))
    ln = (x - x.mean(axis=1, keepdims=True)) / x.std(axis=1, keepdims=True)
    alone = (x[:1] - x[:1].mean()) / x[:1].std()
    np.testing.assert_allclose(ln[:1], alone)
    bn_full = (x - x.mean(axis=0)) / x.std(axis=0)
    bn_half = (x[:2] - x[:2].mean(axis=0)) / x[:2].std(axis=0)
    assert not np.allclose(bn_full[:1], bn_half[:1])  # batch norm's output for example 0 changes with the batch


def test_batch_norm_folds_into_the_preceding_linear_map_at_inference():
    rng = np.random.default_rng(1)
    w, b = rng.normal(size=(3, 5)), rng.normal(size=3)
    gamma, beta, mean, var = rng.normal(size=3), rng.normal(size=3), rng.normal(size=3), rng.uniform(0.5, 2, 3)
    scale = gamma / np.sqrt(var + 1e-5)
    w_folded, b_folded = w * scale[:, None], (b - mean) * scale + beta
    x = rng.normal(size=(7, 5))
    np.testing.assert_allclose(x @ w_folded.T + b_folded, batch_norm_eval(x @ w.T + b, gamma, beta, mean, var))


def test_batch_statistics_cancel_the_preceding_bias():
    rng = np.random.default_rng(2)
    h = rng.normal(size=(16, 4))
    normalised = (h - h.mean(axis=0)) / h.std(axis=0)
    shifted = h + rng.normal(size=4)
    np.testing.assert_allclose((shifted - shifted.mean(axis=0)) / shifted.std(axis=0), normalised)


def test_rms_norm_is_invariant_to_rescaling_but_not_to_shifting():
    rng = np.random.default_rng(3)
    x = rng.normal(size=8)

    def rms_norm(v):
        return v / np.sqrt(np.mean(v**2))

    np.testing.assert_allclose(rms_norm(3.7 * x), rms_norm(x))
    assert not np.allclose(rms_norm(x + 1.0), rms_norm(x))


def test_stated_values():
    assert_values(PAGE, expected_values())
