"""questions/cs/p-vs-np.md: the reduction agrees with brute force on random formulas; the example's counts."""

import itertools

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/p-vs-np.md"
SAT = load_snippet("cs/sat_reduction.py")
VARS = 100
EVERY_CLAUSE = [tuple(s * (i + 1) for i, s in enumerate(signs)) for signs in itertools.product([1, -1], repeat=3)]


def brute_force_mis(n, edges):
    """Largest independent set by trying every subset (small graphs only)."""
    for size in range(n, -1, -1):
        for subset in itertools.combinations(range(n), size):
            chosen = set(subset)
            if not any(u in chosen and v in chosen for u, v in edges):
                return size
    return 0


def brute_force_min_cover(n, edges):
    for size in range(n + 1):
        for subset in itertools.combinations(range(n), size):
            cover = set(subset)
            if all(u in cover or v in cover for u, v in edges):
                return size
    return n


def random_formula(rng, n_vars=4):
    clauses = []
    for _ in range(rng.integers(2, 6)):
        width = rng.integers(1, 4)
        variables = rng.choice(np.arange(1, n_vars + 1), size=width, replace=False)
        clauses.append(tuple(int(v) * int(rng.choice([-1, 1])) for v in variables))
    return clauses


def test_exact_mis_matches_brute_force_on_random_graphs():
    rng = np.random.default_rng(0)
    for _ in range(60):
        n = int(rng.integers(1, 11))
        edges = {(u, v) for u, v in itertools.combinations(range(n), 2) if rng.random() < 0.35}
        assert SAT.max_independent_set(n, edges) == brute_force_mis(n, edges)


def test_reduction_preserves_satisfiability_both_ways():
    rng = np.random.default_rng(1)
    outcomes = set()
    for _ in range(300):
        clauses = random_formula(rng)
        vertices, edges, k = SAT.to_independent_set(clauses)
        satisfiable = SAT.satisfying_assignment(clauses, 4) is not None
        assert satisfiable == (SAT.max_independent_set(len(vertices), edges) >= k)
        outcomes.add(satisfiable)
        if satisfiable:  # an independent set of size k gives back a satisfying assignment
            chosen = next(
                s
                for s in itertools.combinations(range(len(vertices)), k)
                if not any(u in s and v in s for u, v in edges)
            )
            bits = SAT.assignment_from_independent_set(vertices, chosen, 4)
            assert all(any(bits[abs(lit) - 1] == (lit > 0) for lit in clause) for clause in clauses)
    assert outcomes == {True, False}  # both kinds of instance were exercised


def expected_values() -> dict[str, str]:
    vertices, edges, k = SAT.to_independent_set(SAT.EXAMPLE)
    within = sum(1 for u, v in edges if vertices[u][0] == vertices[v][0])
    big_vertices, big_edges, _ = SAT.to_independent_set(EVERY_CLAUSE)
    assert SAT.satisfying_assignment(EVERY_CLAUSE, 3) is None
    mantissa, exponent = f"{2.0**VARS:.2e}".split("e")
    return {
        "vertices": f"{len(vertices)}",
        "edges": f"{len(edges)}",
        "triangle-edges": f"{within}",
        "conflict-edges": f"{len(edges) - within}",
        "mis": f"{SAT.max_independent_set(len(vertices), edges)}",
        "big-vertices": f"{len(big_vertices)}",
        "big-mis": f"{SAT.max_independent_set(len(big_vertices), big_edges)}",
        "cover": f"{brute_force_min_cover(len(vertices), edges)}",
        "vars": f"{VARS}",
        "assignments": f"{mantissa} \\times 10^{{{int(exponent)}}}",
    }


def test_the_example_assignment_on_the_page_satisfies_the_formula():
    bits = (False, False, True)  # x3 true, x1 and x2 false, as the page says
    assert all(any(bits[abs(lit) - 1] == (lit > 0) for lit in clause) for clause in SAT.EXAMPLE)


def test_stated_values():
    assert_values(PAGE, expected_values())
