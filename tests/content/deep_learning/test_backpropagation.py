"""questions/deep-learning/backpropagation.md: the hand-worked gradients and the finite-difference check."""

import numpy as np

from tests.content.deep_learning.formatting import matrix, number, power_of_ten, vector
from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/deep-learning/backpropagation.md"
EPS, EPS_LARGE, EPS_SMALL = 1e-6, 1e-3, 1e-8
UNIT_ROUNDOFF = 2.0**-53  # float64: half the gap between 1 and the next representable number


def bp():
    return load_snippet("deep-learning/backprop.py")


def matmul_flops(n: int, k: int, m: int) -> int:
    """Multiply-adds counted as 2 FLOPs: (n x k) @ (k x m)."""
    return 2 * n * k * m


def backward_to_forward_cost(batch: int = 32, d_in: int = 64, d_out: int = 16) -> float:
    """One dense layer Y = X W: forward is one product, backward needs dX = dY W^T and dW = X^T dY."""
    forward = matmul_flops(batch, d_in, d_out)
    backward = matmul_flops(batch, d_out, d_in) + matmul_flops(d_in, batch, d_out)
    return backward / forward


def expected_values() -> dict[str, str]:
    net = bp()
    loss, cache = net.forward(net.PARAMS, net.X, net.TARGET)
    grads = net.backward(net.PARAMS, cache)
    dh = net.PARAMS["W2"].T @ (cache["p"] - net.TARGET)
    z = np.linspace(-10, 10, 20_001)
    sigmoid = 1 / (1 + np.exp(-z))
    return {
        "backward-cost": number(backward_to_forward_cost()),
        "x": vector(net.X),
        "t": number(net.TARGET),
        "w1": matrix(net.PARAMS["W1"]),
        "b1": vector(net.PARAMS["b1"]),
        "w2": vector(net.PARAMS["W2"][0]),
        "b2": number(net.PARAMS["b2"][0]),
        "z1": vector(cache["z1"]),
        "h": vector(cache["h"]),
        "s": number((net.PARAMS["W2"] @ cache["h"] + net.PARAMS["b2"])[0]),
        "p": number(cache["p"][0]),
        "loss": f"{loss:.4f}",
        "ds": number(cache["p"][0] - net.TARGET),
        "dw2": vector(grads["W2"][0]),
        "db2": number(grads["b2"][0]),
        "dh": vector(dh),
        "mask": vector(cache["z1"] > 0),
        "dz1": vector(dh * (cache["z1"] > 0)),
        "dw1": matrix(grads["W1"]),
        "db1": vector(grads["b1"]),
        "eps": power_of_ten(EPS, 1),
        "gap": power_of_ten(net.max_gradient_gap(eps=EPS)),
        "unit-roundoff": power_of_ten(UNIT_ROUNDOFF),
        "roundoff": power_of_ten(UNIT_ROUNDOFF * loss / EPS),
        "eps-large": power_of_ten(EPS_LARGE, 1),
        "gap-large": power_of_ten(net.max_gradient_gap(eps=EPS_LARGE)),
        "eps-small": power_of_ten(EPS_SMALL, 1),
        "gap-small": power_of_ten(net.max_gradient_gap(eps=EPS_SMALL)),
        "eps-best": power_of_ten(UNIT_ROUNDOFF ** (1 / 3), 1),
        "sigmoid-slope": number((sigmoid * (1 - sigmoid)).max()),
    }


def test_the_backward_pass_matches_finite_differences_away_from_the_page_point():
    net = bp()
    rng = np.random.default_rng(1)
    params = {k: rng.normal(size=v.shape) for k, v in net.PARAMS.items()}
    assert net.max_gradient_gap(params, x=rng.normal(size=2), t=0.0) < 1e-7
    assert net.max_gradient_gap(params, x=rng.normal(size=2), t=1.0) < 1e-7


def test_the_gap_is_round_off_it_grows_as_the_step_shrinks():
    """Truncation error falls with eps (as eps^2); round-off rises (as u/eps). The page's gap rises."""
    net = bp()
    gaps = [net.max_gradient_gap(eps=eps) for eps in (1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8)]
    assert all(later > earlier for earlier, later in zip(gaps, gaps[1:], strict=False))
    loss, _ = net.forward(net.PARAMS, net.X, net.TARGET)
    # The round-off model u L / eps predicts the gap at eps = 1e-6 within a factor of 3.
    assert 1 / 3 < net.max_gradient_gap(eps=EPS) / (UNIT_ROUNDOFF * loss / EPS) < 3


def test_the_cube_root_step_minimises_the_error_model():
    """u L / eps + eps^2 L''' / 6 with L, L''' of order one is smallest near u^(1/3)."""
    steps = np.logspace(-9, -3, 6001)
    error = UNIT_ROUNDOFF / steps + steps**2 / 6
    best = steps[np.argmin(error)]
    assert abs(np.log10(best) - np.log10(UNIT_ROUNDOFF ** (1 / 3))) < 0.3


def test_a_dead_relu_unit_gets_no_gradient():
    net = bp()
    _, cache = net.forward(net.PARAMS, net.X, net.TARGET)
    grads = net.backward(net.PARAMS, cache)
    dead = cache["z1"] <= 0
    assert dead.any()
    assert np.all(grads["W1"][dead] == 0) and np.all(grads["b1"][dead] == 0)


def test_stated_values():
    assert_values(PAGE, expected_values())
