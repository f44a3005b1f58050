"""questions/math/lagrange-multipliers.md: a constrained quadratic and its shadow price, maximum entropy on a
die, and the Rayleigh quotient."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/math/lagrange-multipliers.md"
G = np.array([1.0, 2.0])  # the constraint g(x, y) = x + 2y
C = 5.0
FACES = np.arange(1, 7)
MEAN, UNIFORM_MEAN = 4.5, 3.5
A = np.array([[2.0, 1.0], [1.0, 2.0]])


def max_entropy():
    return load_snippet("math/max_entropy.py")


def solve_lagrange(c: float = C):
    """Stationarity 2 (x, y) = lam g and g . (x, y) = c, solved as a linear system."""
    system = np.array([[2.0, 0.0, -G[0]], [0.0, 2.0, -G[1]], [G[0], G[1], 0.0]])
    x, y, lam = np.linalg.solve(system, [0.0, 0.0, c])
    return x, y, lam


def optimum_by_substitution(c: float = C) -> float:
    """Brute force along the line x = c - 2y."""
    ys = np.linspace(-10, 10, 2_000_001)
    return float(((c - G[1] * ys) ** 2 + ys**2).min())


def expected_values() -> dict[str, str]:
    x, y, lam = solve_lagrange()
    fmin = x * x + y * y
    norm2 = G @ G
    h = 1e-3
    shadow = (optimum_by_substitution(C + h) - optimum_by_substitution(C - h)) / (2 * h)
    lam_me, p = max_entropy().max_entropy_with_mean(MEAN)
    lam_u, _ = max_entropy().max_entropy_with_mean(UNIFORM_MEAN)
    eigenvalues, vectors = np.linalg.eigh(A)
    top = vectors[:, -1] * np.sign(vectors[0, -1])
    values = {
        "q-c2": f"{G[1]:g}",
        "q-c": f"{C:g}",
        "q-mean": f"{MEAN}",
        "short-x": f"{x:g}",
        "short-y": f"{y:g}",
        "short-lam": f"{lam:g}",
        "top-face": str(FACES[np.argmax(p)]),
        "short-mean": f"{MEAN}",
        "g1": f"{G[0]:g}",
        "g2": f"{G[1]:g}",
        "c2-again": f"{G[1]:g}",
        "c-again": f"{C:g}",
        "lam": f"{lam:g}",
        "x": f"{x:g}",
        "y": f"{y:g}",
        "fmin": f"{fmin:g}",
        "norm2": f"{norm2:g}",
        "norm2-again": f"{norm2:g}",
        "dfdc": f"{shadow:.0f}",
        "c-at": f"{C:g}",
        "faces": str(FACES.size),
        "h-unif": f"{math.log(FACES.size):.4f}",
        "m": f"{MEAN}",
        "lam-me": f"{lam_me:.4f}",
        "h-me": f"{max_entropy().entropy(p):.4f}",
        "m-unif": f"{UNIFORM_MEAN}",
        "lam-unif": f"{abs(lam_u):.0f}",
        "a11": f"{A[0, 0]:g}",
        "a12": f"{A[0, 1]:g}",
        "a21": f"{A[1, 0]:g}",
        "a22": f"{A[1, 1]:g}",
        "lam-max": f"{eigenvalues[-1]:g}",
        "v-max": r"({:g}, {:g})/\sqrt{{{:g}}}".format(*(top / top[0]), (top / top[0]) @ (top / top[0])),
    }
    for i, value in enumerate(p, start=1):
        values[f"p{i}"] = f"{value:.4f}"
    return values


def test_the_lagrange_solution_is_the_brute_force_optimum():
    x, y, _ = solve_lagrange()
    assert optimum_by_substitution() == pytest.approx(x * x + y * y, abs=1e-8)
    # the optimum value as a function of c is c^2 / |g|^2
    for c in (1.0, 5.0, 7.5):
        assert optimum_by_substitution(c) == pytest.approx(c * c / (G @ G), abs=1e-8)


def test_the_maximum_entropy_solution_is_gibbs_and_beats_its_neighbours():
    lam, p = max_entropy().max_entropy_with_mean(MEAN)
    assert p @ FACES == pytest.approx(MEAN) and p.sum() == pytest.approx(1)
    w = np.exp(lam * FACES)
    assert np.allclose(p, w / w.sum())
    rng = np.random.default_rng(0)
    centred = FACES - FACES.mean()
    for _ in range(200):
        d = rng.normal(size=6)
        d -= d.mean()
        d -= (d @ centred) / (centred @ centred) * centred  # stay on both constraints
        q = p + 0.01 * d
        if (q > 0).all():
            assert max_entropy().entropy(q) < max_entropy().entropy(p)


def test_the_unconstrained_answer_is_uniform_and_impossible_means_are_rejected():
    lam, p = max_entropy().max_entropy_with_mean(UNIFORM_MEAN)
    assert abs(lam) < 1e-9 and np.allclose(p, 1 / 6)
    with pytest.raises(ValueError):
        max_entropy().max_entropy_with_mean(6.0)


def test_the_rayleigh_quotient_peaks_at_the_top_eigenvector():
    angles = np.linspace(0, 2 * np.pi, 100_001)
    xs = np.stack([np.cos(angles), np.sin(angles)])
    quotient = np.einsum("in,ij,jn->n", xs, A, xs)
    best = xs[:, quotient.argmax()]
    assert quotient.max() == pytest.approx(np.linalg.eigvalsh(A)[-1], abs=1e-8)
    assert abs(abs(best @ np.array([1, 1]) / math.sqrt(2)) - 1) < 1e-6


def test_stated_values():
    assert_values(PAGE, expected_values())
