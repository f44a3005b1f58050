"""3-SAT to independent set (Karp's reduction), with brute-force checkers for small instances."""

import itertools


def satisfying_assignment(clauses, n_vars):
    """Try all 2^n assignments. A clause is a tuple of literals: +i means x_i, -i means not x_i (1-based)."""
    for bits in itertools.product([False, True], repeat=n_vars):
        if all(any(bits[abs(lit) - 1] == (lit > 0) for lit in clause) for clause in clauses):
            return bits
    return None


def to_independent_set(clauses):
    """One vertex per literal occurrence; a clique per clause; an edge between every x_i and not x_i.

    The formula is satisfiable iff the graph has an independent set of size k = number of clauses.
    """
    vertices = [(c, lit) for c, clause in enumerate(clauses) for lit in clause]
    edges = set()
    for u, v in itertools.combinations(range(len(vertices)), 2):
        (cu, lu), (cv, lv) = vertices[u], vertices[v]
        if cu == cv or lu == -lv:  # same clause, or contradictory literals
            edges.add((u, v))
    return vertices, edges, len(clauses)


def max_independent_set(n, edges):
    """Exact maximum independent set by branching on a vertex: leave it out, or take it and drop its neighbours."""
    neighbours = [0] * n
    for u, v in edges:
        neighbours[u] |= 1 << v
        neighbours[v] |= 1 << u

    def best(candidates):
        if candidates == 0:
            return 0
        v = (candidates & -candidates).bit_length() - 1  # lowest remaining vertex
        without = best(candidates & ~(1 << v))
        with_v = 1 + best(candidates & ~(1 << v) & ~neighbours[v])
        return max(without, with_v)

    return best((1 << n) - 1)


def assignment_from_independent_set(vertices, chosen, n_vars):
    """Make the chosen literals true (they never conflict); unconstrained variables default to False."""
    bits = [False] * n_vars
    for index in chosen:
        lit = vertices[index][1]
        bits[abs(lit) - 1] = lit > 0
    return tuple(bits)


EXAMPLE = [(1, 2, 3), (-1, -2, 3), (1, -2, -3)]  # (x1 or x2 or x3) and (not x1 or not x2 or x3) and ...

if __name__ == "__main__":
    vertices, edges, k = to_independent_set(EXAMPLE)
    print(len(vertices), "vertices,", len(edges), "edges, k =", k)
    print(
        "satisfiable:",
        satisfying_assignment(EXAMPLE, 3),
        " max independent set:",
        max_independent_set(len(vertices), edges),
    )
    every_clause = [tuple(s * (i + 1) for i, s in enumerate(signs)) for signs in itertools.product([1, -1], repeat=3)]
    v, e, k = to_independent_set(every_clause)  # all 8 clauses on 3 variables: unsatisfiable
    print(
        "8 clauses: satisfiable:",
        satisfying_assignment(every_clause, 3),
        " max independent set:",
        max_independent_set(len(v), e),
        "< k =",
        k,
    )
