"""questions/probability/dependence-vs-correlation.md: uncorrelated but dependent, measured three ways."""

import math
from fractions import Fraction as F

import numpy as np

from tests.content.helpers import assert_values

PAGE = "questions/probability/dependence-vs-correlation.md"
SUPPORT = (-1, 0, 1)  # X uniform on these points, Y = X^2
SIM_N, SIM_SEED = 100_000, 0


def frac(x: F) -> str:
    return f"{x.numerator}/{x.denominator}"


def joint() -> dict[tuple[int, int], F]:
    """P(X = x, Y = y) of the counter-example."""
    table: dict[tuple[int, int], F] = {}
    for x in SUPPORT:
        table[(x, x * x)] = table.get((x, x * x), F(0)) + F(1, len(SUPPORT))
    return table


def marginal(table, axis: int) -> dict[int, F]:
    out: dict[int, F] = {}
    for pair, p in table.items():
        out[pair[axis]] = out.get(pair[axis], F(0)) + p
    return out


def mutual_information_bits(table) -> float:
    """I(X; Y) from the joint distribution itself, not from the shortcut I = H(Y)."""
    px, py = marginal(table, 0), marginal(table, 1)
    return sum(float(p) * math.log2(p / (px[x] * py[y])) for (x, y), p in table.items() if p > 0)


def distance_correlation(values_x, values_y, weights) -> float:
    """Population distance correlation of a discrete pair (Székely, Rizzo and Bakirov 2007)."""
    w = np.asarray(weights, dtype=float)

    def centred(v):
        d = np.abs(np.subtract.outer(v, v))
        return d - (d @ w)[:, None] - (w @ d)[None, :] + w @ d @ w

    a, b = centred(np.asarray(values_x, float)), centred(np.asarray(values_y, float))
    dcov = w @ (a * b) @ w
    return math.sqrt(dcov / math.sqrt((w @ (a * a) @ w) * (w @ (b * b) @ w)))


def random_sign_pair(n: int = SIM_N, seed: int = SIM_SEED):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal(n)
    y = rng.choice([-1.0, 1.0], size=n) * x
    return x, y


def expected_values() -> dict[str, str]:
    table = joint()
    p = F(1, len(SUPPORT))
    e_x = sum(p * x for x in SUPPORT)
    e_xy = sum(prob * x * y for (x, y), prob in table.items())
    e_y = sum(prob * y for (_, y), prob in table.items())
    px, py = marginal(table, 0), marginal(table, 1)
    x, y = random_sign_pair()
    # E[X^3] for a standard normal by Gauss-Hermite quadrature (exact for polynomials of this degree)
    nodes, weights = np.polynomial.hermite_e.hermegauss(10)
    cont_cov = float((weights * nodes**3).sum() / weights.sum())
    e_x2 = float((weights * nodes**2).sum() / weights.sum())
    return {
        "x-lo": str(SUPPORT[0]),
        "x-mid": str(SUPPORT[1]),
        "x-hi": str(SUPPORT[2]),
        "mean-x": str(e_x),
        "cube-sum": " + ".join(str(v**3) for v in SUPPORT),
        "support-size": str(len(SUPPORT)),
        "e-xy": str(e_xy),
        "cov-exy": str(e_xy),
        "cov-ex": str(e_x),
        "cov": str(e_xy - e_x * e_y),
        "p-joint": frac(table[(0, 0)]),
        "p-x0": frac(px[0]),
        "p-y0": frac(py[0]),
        "p-product": frac(px[0] * py[0]),
        "p-y1": frac(py[1]),
        "h-a": frac(py[0]),
        "h-b": frac(py[1]),
        "mi": f"{mutual_information_bits(table):.3f}",
        "dcor": f"{distance_correlation(SUPPORT, [v * v for v in SUPPORT], [p] * len(SUPPORT)):.3f}",
        "sign-cov": f"{float(sum(F(1, 2) * s for s in (1, -1))) * e_x2:.0f}",  # E[S] E[X^2]
        "sim-n": f"{SIM_N:,}",
        "sim-seed": str(SIM_SEED),
        "sim-corr": f"{np.corrcoef(x, y)[0, 1]:.4f}",
        "sim-se": f"{1 / math.sqrt(SIM_N):.3f}",
        "sim-corr-sq": f"{np.corrcoef(x**2, y**2)[0, 1]:.0f}",
        "cont-cov": f"{abs(cont_cov):.0f}",
    }


def test_the_shortcut_mutual_information_is_the_entropy_of_y():
    py = marginal(joint(), 1)
    entropy = -sum(float(p) * math.log2(p) for p in py.values())
    assert math.isclose(mutual_information_bits(joint()), entropy)


def test_distance_correlation_is_zero_for_an_independent_pair():
    # X uniform on the support and an independent fair coin Y: the product distribution
    xs, ys, ws = [], [], []
    for x in SUPPORT:
        for y in (0, 1):
            xs.append(x)
            ys.append(y)
            ws.append(1 / 6)
    assert distance_correlation(xs, ys, ws) < 1e-6  # the square root of rounding error


def test_the_random_sign_pair_is_uncorrelated_but_has_equal_magnitudes():
    x, y = random_sign_pair()
    assert abs(np.corrcoef(x, y)[0, 1]) < 3 / math.sqrt(SIM_N)
    assert np.array_equal(np.abs(x), np.abs(y))
    assert abs(y.mean()) < 3 / math.sqrt(SIM_N) and abs(y.std() - 1) < 0.01  # Y is standard normal too


def test_stated_values():
    assert_values(PAGE, expected_values())
