"""questions/math/svd-eigendecomposition.md: the SVD of a 2x2 matrix by hand, against numpy, and the
spectral theorem's precise condition."""

import math

import numpy as np
import pytest

from tests.content.helpers import assert_values

PAGE = "questions/math/svd-eigendecomposition.md"
A = np.array([[3, 0], [4, 5]])
ROTATION_DEGREES = 90


def surd(n: int) -> str:
    """sqrt(n) simplified to k sqrt(m) in TeX."""
    k = max(d for d in range(1, math.isqrt(n) + 1) if n % (d * d) == 0)
    m = n // (k * k)
    if m == 1:
        return str(k)
    return (str(k) if k > 1 else "") + rf"\sqrt{{{m}}}"


def integer_direction(v) -> tuple[int, ...]:
    """The shortest integer vector along v, first non-zero entry positive."""
    v = np.asarray(v, dtype=float)
    v = v / v[np.flatnonzero(np.abs(v) > 1e-12)[0]]
    for scale in range(1, 50):
        w = v * scale
        if np.allclose(w, np.rint(w), atol=1e-9):
            ints = tuple(int(x) for x in np.rint(w))
            return ints if math.gcd(*ints) == 1 else tuple(x // math.gcd(*ints) for x in ints)
    raise ValueError(v)


def unit_vector(v) -> str:
    ints = integer_direction(v)
    return "({})/{}".format(", ".join(map(str, ints)), surd(sum(x * x for x in ints)))


def vector(v) -> str:
    return "({})".format(", ".join(map(str, integer_direction(v))))


def by_hand():
    """The page's route: eigen-decompose A^T A, then u_i = A v_i / sigma_i (no np.linalg.svd)."""
    ata = A.T @ A
    lam, vecs = np.linalg.eigh(ata)
    order = np.argsort(lam)[::-1]
    lam, vecs = lam[order], vecs[:, order]
    sigma = np.sqrt(lam)
    us = [A @ vecs[:, i] / sigma[i] for i in range(2)]
    return ata, lam, vecs, sigma, us


def expected_values() -> dict[str, str]:
    ata, lam, vecs, sigma, us = by_hand()
    eig, eigvecs = np.linalg.eig(A)
    order = np.argsort(eig.real)
    eig, eigvecs = eig.real[order], eigvecs.real[:, order]
    rank1 = sigma[0] * np.outer(us[0], vecs[:, 0])
    error = A - rank1
    frob2 = int(round((A.astype(float) ** 2).sum()))
    values = {
        "q-a11": str(A[0, 0]),
        "q-a12": str(A[0, 1]),
        "q-a21": str(A[1, 0]),
        "q-a22": str(A[1, 1]),
        "weak-eig1": f"{eig[0]:g}",
        "weak-eig2": f"{eig[1]:g}",
        "short-s1": f"{sigma[0]:.3f}",
        "short-s2": f"{sigma[1]:.3f}",
        "short-eig1": f"{eig[0]:g}",
        "short-eig2": f"{eig[1]:g}",
        "lam1": f"{lam[0]:g}",
        "lam2": f"{lam[1]:g}",
        "v1": unit_vector(vecs[:, 0]),
        "v2": unit_vector(vecs[:, 1]),
        "s1-exact": surd(round(lam[0])),
        "s1": f"{sigma[0]:.3f}",
        "s2-exact": surd(round(lam[1])),
        "s2": f"{sigma[1]:.3f}",
        "u1": unit_vector(us[0]),
        "u2": unit_vector(us[1]),
        "prod-s": f"{sigma.prod():g}",
        "sum-s2": f"{(sigma**2).sum():g}",
        "eig1": f"{eig[0]:g}",
        "eig2": f"{eig[1]:g}",
        "w1": vector(eigvecs[:, 0]),
        "w2": vector(eigvecs[:, 1]),
        "prod-eig": f"{eig.prod():g}",
        "spec-norm": f"{np.linalg.norm(A, 2):.3f}",
        "max-eig": f"{eig.max():g}",
        "cond": f"{sigma[0] / sigma[1]:g}",
        "kept-num": f"{sigma[0] ** 2:g}",
        "kept-den": str(frob2),
        "kept": f"{100 * sigma[0] ** 2 / frob2:g}",
        "err-norm": f"{np.linalg.norm(error, 2):.3f}",
        "rot-deg": str(ROTATION_DEGREES),
    }
    for i in range(2):
        for j in range(2):
            values[f"ata-{i + 1}{j + 1}"] = str(ata[i, j])
            values[f"r1-{i + 1}{j + 1}"] = f"{rank1[i, j]:g}"
    return values


def test_the_hand_route_reproduces_numpys_svd():
    _, _, vecs, sigma, us = by_hand()
    assert np.allclose(sigma, np.linalg.svd(A, compute_uv=False))
    assert np.allclose(sum(sigma[i] * np.outer(us[i], vecs[:, i]) for i in range(2)), A)
    assert abs(us[0] @ us[1]) < 1e-12  # the left singular vectors come out orthonormal


def test_eckart_young_no_rank_one_matrix_does_better():
    _, _, vecs, sigma, us = by_hand()
    best = np.linalg.norm(A - sigma[0] * np.outer(us[0], vecs[:, 0]), 2)
    rng = np.random.default_rng(0)
    for _ in range(2000):
        candidate = np.outer(rng.normal(size=2), rng.normal(size=2)) * rng.uniform(0, 10)
        assert np.linalg.norm(A - candidate, 2) >= best - 1e-9


def test_a_is_not_normal_and_its_eigenvectors_are_not_orthogonal():
    assert not np.allclose(A.T @ A, A @ A.T)
    _, eigvecs = np.linalg.eig(A)
    assert abs(eigvecs[:, 0] @ eigvecs[:, 1]) > 0.1


def test_the_spectral_theorem_condition():
    rng = np.random.default_rng(1)
    s = rng.normal(size=(4, 4))
    symmetric = s + s.T
    _, q = np.linalg.eigh(symmetric)
    assert np.allclose(q.T @ q, np.eye(4))  # real orthonormal eigenbasis
    theta = math.radians(ROTATION_DEGREES)
    rotation = np.array([[math.cos(theta), -math.sin(theta)], [math.sin(theta), math.cos(theta)]])
    assert np.allclose(rotation.T @ rotation, rotation @ rotation.T)  # normal
    eigenvalues, vecs = np.linalg.eig(rotation)
    assert np.allclose(sorted(eigenvalues.imag), [-1, 1]) and np.allclose(
        eigenvalues.real, 0
    )  # +-i: no real eigenvectors
    assert abs(np.vdot(vecs[:, 0], vecs[:, 1])) == pytest.approx(0, abs=1e-12)  # orthogonal as complex vectors


def test_stated_values():
    assert_values(PAGE, expected_values())
