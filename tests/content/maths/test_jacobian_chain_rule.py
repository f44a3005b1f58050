"""questions/math/jacobian-chain-rule.md: the softmax Jacobian, a two-layer network's gradients, the cost of
the backward pass counted in FLOPs, and one-sided against central differences."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/jacobian-chain-rule.md"
Z = np.array([1.0, 2.0, 3.0])
EPS, FD_EPS = 1e-6, 1e-4
WIDTHS, BATCH = [256] * 9, 32  # an 8-layer tanh network for the FLOP count


def sj():
    return load_snippet("math/softmax_jacobian.py")


def sci(x: float, digits: int = 1) -> str:
    mantissa, exponent = f"{x:.{digits}e}".split("e")
    return rf"{mantissa} \times 10^{{{int(exponent)}}}"


def power_of_ten(x: float) -> str:
    return f"10^{{{round(math.log10(x))}}}"


class FlopCounter:
    """Matrix products that count their floating-point operations (one multiply and one add per term)."""

    def __init__(self):
        self.flops = 0

    def matmul(self, a, b):
        self.flops += 2 * a.shape[0] * a.shape[1] * b.shape[1]
        return a @ b


def mlp_forward_backward(weights, x, counter_forward, counter_backward):
    """Forward and backward of tanh layers with loss sum(output); the first layer's input gradient is skipped."""
    activations = [x]
    for w in weights:
        activations.append(np.tanh(counter_forward.matmul(w, activations[-1])))
    grad = np.ones_like(activations[-1])
    grads = []
    for i in range(len(weights) - 1, -1, -1):
        delta = grad * (1 - activations[i + 1] ** 2)
        grads.append(counter_backward.matmul(delta, activations[i].T))
        if i > 0:
            grad = counter_backward.matmul(weights[i].T, delta)
    return activations[-1].sum(), grads[::-1]


def flop_ratios():
    rng = np.random.default_rng(0)
    weights = [
        rng.normal(scale=1 / math.sqrt(n_in), size=(n_out, n_in))
        for n_in, n_out in zip(WIDTHS, WIDTHS[1:], strict=False)
    ]
    x = rng.normal(size=(WIDTHS[0], BATCH))
    forward, backward = FlopCounter(), FlopCounter()
    mlp_forward_backward(weights, x, forward, backward)
    params = sum(w.size for w in weights)
    return forward.flops, backward.flops, params


def one_sided_jacobian(f, z, eps):
    return np.stack([(f(z + eps * np.eye(z.size)[j]) - f(z)) / eps for j in range(z.size)], axis=1)


def expected_values() -> dict[str, str]:
    s = sj().softmax(Z)
    jac = sj().softmax_jacobian(Z)
    loss, _, dw2 = sj().backprop(sj().W1, sj().W2)
    forward, backward, params = flop_ratios()
    calls = []

    def counted_softmax(z):
        calls.append(1)
        return sj().softmax(z)

    sj().numerical_jacobian(counted_softmax, Z, FD_EPS)
    one_sided = np.abs(one_sided_jacobian(sj().softmax, Z, FD_EPS) - jac).max()
    central = np.abs(sj().numerical_jacobian(sj().softmax, Z, FD_EPS) - jac).max()
    error = max(sj().max_gradient_error(EPS), np.abs(sj().numerical_jacobian(sj().softmax, Z, EPS) - jac).max())
    ratio = backward / forward
    values = {
        "short-bwd": f"{ratio:.0f}",
        "z1": f"{Z[0]:g}",
        "z2": f"{Z[1]:g}",
        "z3": f"{Z[2]:g}",
        "j12": f"{jac[0, 1]:.4f}",
        "j13": f"{jac[0, 2]:.4f}",
        "j23": f"{jac[1, 2]:.4f}",
        "bwd-ratio": f"{ratio:.0f}",
        "total-ratio": f"{1 + ratio:.0f}",
        "train-flops": f"{(forward + backward) / (params * BATCH):.0f}",
        "fwd-flops": f"{forward / (params * BATCH):.0f}",
        "eps": power_of_ten(EPS),
        "x1": f"{sj().X[0]:g}",
        "x2": f"{sj().X[1]:g}",
        "label": str(sj().LABEL),
        "loss": f"{loss:.4f}",
        "grad-tol": f"10^{{{math.ceil(math.log10(error))}}}",
        "central-evals": f"{len(calls) / Z.size:g}",
        "fd-eps": power_of_ten(FD_EPS),
        "os-err": sci(one_sided),
        "cd-err": sci(central),
    }
    for i in range(3):
        values[f"s{i + 1}"] = f"{s[i]:.4f}"
        values[f"j{i + 1}{i + 1}"] = f"{jac[i, i]:.4f}"
        values[f"dw2-{i + 1}"] = f"{dw2[sj().LABEL, i]:.3f}"
    return values


def test_the_jacobian_matches_finite_differences_and_has_the_stated_structure():
    jac = sj().softmax_jacobian(Z)
    assert np.abs(jac - sj().numerical_jacobian(sj().softmax, Z)).max() < 1e-9
    assert np.allclose(jac, jac.T) and np.allclose(jac.sum(axis=1), 0)
    assert np.linalg.matrix_rank(jac) == Z.size - 1


def test_softmax_edge_cases():
    assert sj().softmax(np.array([5.0]))[0] == 1.0
    assert np.allclose(sj().softmax(np.array([1000.0, 1000.0])), [0.5, 0.5])  # no overflow
    assert np.allclose(sj().softmax(Z + 7.0), sj().softmax(Z))  # shift invariance


def test_the_network_gradients_match_finite_differences_and_collapse_to_s_minus_y():
    value, _, dw2 = sj().backprop(sj().W1, sj().W2)
    assert value == sj().loss(sj().W1, sj().W2)
    assert sj().max_gradient_error() < 1e-9
    h = np.tanh(sj().W1 @ sj().X)
    s = sj().softmax(sj().W2 @ h)
    assert np.allclose(dw2[sj().LABEL], (s[sj().LABEL] - 1) * h)


def test_the_counted_backward_pass_is_a_correct_gradient():
    rng = np.random.default_rng(1)
    widths = [3, 4, 2]
    weights = [rng.normal(size=(n_out, n_in)) for n_in, n_out in zip(widths, widths[1:], strict=False)]
    x = rng.normal(size=(3, 2))
    value, grads = mlp_forward_backward(weights, x, FlopCounter(), FlopCounter())
    for k, w in enumerate(weights):
        for idx in np.ndindex(w.shape):
            bumped = [v.copy() for v in weights]
            bumped[k][idx] += 1e-6
            up = mlp_forward_backward(bumped, x, FlopCounter(), FlopCounter())[0]
            bumped[k][idx] -= 2e-6
            down = mlp_forward_backward(bumped, x, FlopCounter(), FlopCounter())[0]
            assert abs((up - down) / 2e-6 - grads[k][idx]) < 1e-7
    assert value == np.tanh(weights[1] @ np.tanh(weights[0] @ x)).sum()


def test_central_differences_beat_one_sided_ones_by_orders_of_magnitude():
    jac = sj().softmax_jacobian(Z)
    one_sided = np.abs(one_sided_jacobian(sj().softmax, Z, FD_EPS) - jac).max()
    central = np.abs(sj().numerical_jacobian(sj().softmax, Z, FD_EPS) - jac).max()
    assert central < one_sided / 1000


def test_stated_values():
    assert_values(PAGE, expected_values())
