"""questions/cs/graphs-trees.md: tree heights for a million keys, and Dijkstra on the drawn graph
checked against Bellman–Ford and brute force, including the negative-edge counterexample."""

import functools
import itertools
import math
import random

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/graphs-trees.md"
KEYS = 10**6
NEGATIVE = {"A": [("B", 1), ("C", 2)], "B": [("D", 1)], "C": [("B", -2)], "D": []}


# --- tree heights -------------------------------------------------------------------------------


def min_avl_nodes(levels: int) -> int:
    """Fewest nodes of an AVL tree with this many levels: N(h) = N(h-1) + N(h-2) + 1 (a Fibonacci tree)."""
    a, b = 0, 1  # N(0), N(1)
    for _ in range(levels - 1):
        a, b = b, a + b + 1
    return b if levels else a


RB_CHILDREN = {"R": ("B", "NIL"), "B": ("B", "R", "NIL")}  # a red node has black children (NIL is black)


@functools.cache
def min_rb_nodes_black_height(black_height: int, colour: str) -> float:
    """Fewest internal nodes of a red-black subtree with this root colour and black-height (NIL counts 0)."""
    if colour == "NIL":
        return 0 if black_height == 0 else math.inf
    below = black_height - (colour == "B")
    if below < 0:
        return math.inf
    return 1 + 2 * min(min_rb_nodes_black_height(below, c) for c in RB_CHILDREN[colour])


@functools.cache
def min_rb_nodes(levels: int, black_height: int, colour: str) -> float:
    """Fewest internal nodes of a red-black subtree with at least this many levels of internal nodes."""
    if levels <= 0:
        return min_rb_nodes_black_height(black_height, colour)
    if colour == "NIL":
        return math.inf
    below = black_height - (colour == "B")
    if below < 0:
        return math.inf
    deep = min(min_rb_nodes(levels - 1, below, c) for c in RB_CHILDREN[colour])
    shallow = min(min_rb_nodes_black_height(below, c) for c in RB_CHILDREN[colour])
    return 1 + deep + shallow


def max_levels(min_nodes, n: int) -> int:
    """Largest number of levels whose sparsest tree still fits in n nodes."""
    levels = 0
    while min_nodes(levels + 1) <= n:
        levels += 1
    return levels


def max_rb_levels(n: int) -> int:
    return max_levels(lambda h: min(min_rb_nodes(h, b, "B") for b in range(h + 1)), n)


def max_avl_levels(n: int) -> int:
    return max_levels(min_avl_nodes, n)


def all_shapes(n: int):
    """Every binary tree shape with n nodes, as nested (left, right) tuples; None is empty."""
    if n == 0:
        yield None
        return
    for left in range(n):
        for l_shape in all_shapes(left):
            for r_shape in all_shapes(n - 1 - left):
                yield (l_shape, r_shape)


def levels_of(shape) -> int:
    return 0 if shape is None else 1 + max(levels_of(shape[0]), levels_of(shape[1]))


def avl_ok(shape) -> bool:
    return shape is None or (
        abs(levels_of(shape[0]) - levels_of(shape[1])) <= 1 and avl_ok(shape[0]) and avl_ok(shape[1])
    )


def rb_colourable(shape) -> bool:
    """Is there a red-black colouring (black root, no red-red edge, equal black-heights) of this shape?"""

    def heights(node, parent_red):  # the set of black-heights this subtree can have
        if node is None:
            return {0}
        found = set()
        for red in (False, True):
            if red and parent_red:
                continue
            common = heights(node[0], red) & heights(node[1], red)
            found |= {h + (not red) for h in common}
        return found

    return bool(heights(shape, True))  # parent_red=True forbids a red root


def test_tree_height_recurrences_match_brute_force_on_small_trees():
    for n in range(1, 11):
        shapes = list(all_shapes(n))
        assert max(levels_of(s) for s in shapes if avl_ok(s)) == max_avl_levels(n)
        assert max(levels_of(s) for s in shapes if rb_colourable(s)) == max_rb_levels(n)


def test_the_height_bounds_hold():
    for n in (10, 1000, KEYS):
        assert max_rb_levels(n) <= 2 * math.log2(n + 1)
        assert max_avl_levels(n) <= 1.4405 * math.log2(n + 2) - 0.3277  # Knuth's sharper form


# --- Dijkstra ------------------------------------------------------------------------------------


def bellman_ford(graph: dict, source: str) -> dict:
    """Distances by |V| - 1 rounds of relaxing every edge; asserts there is no negative cycle."""
    nodes = set(graph) | {v for edges in graph.values() for v, _ in edges}
    dist = {source: 0}
    for _ in range(len(nodes) - 1):
        for u, edges in graph.items():
            for v, w in edges:
                if u in dist and dist[u] + w < dist.get(v, math.inf):
                    dist[v] = dist[u] + w
    assert not any(u in dist and dist[u] + w < dist[v] for u, edges in graph.items() for v, w in edges)
    return dist


def brute_force(graph: dict, source: str) -> dict:
    """Cheapest simple path to every reachable node, by enumerating all simple paths."""
    best = {source: 0}

    def walk(u, cost, seen):
        for v, w in graph.get(u, ()):
            if v not in seen:
                best[v] = min(best.get(v, math.inf), cost + w)
                walk(v, cost + w, seen | {v})

    walk(source, 0, {source})
    return best


def tentative_values(dj, graph: dict, source: str) -> dict:
    """Every tentative distance the snippet's Dijkstra gives each node, in order (one per heap push)."""
    pushed = {}
    real = dj.heapq

    class Recording:
        heappop = staticmethod(real.heappop)

        @staticmethod
        def heappush(heap, item):
            pushed.setdefault(item[1], []).append(item[0])
            real.heappush(heap, item)

    dj.heapq = Recording
    try:
        dj.dijkstra(graph, source)
    finally:
        dj.heapq = real
    return pushed


def random_graph(rng: random.Random, nodes: int) -> dict:
    names = [f"n{i}" for i in range(nodes)]
    graph = {name: [] for name in names if rng.random() < 0.8 or name == "n0"}
    for u, v in itertools.permutations(names, 2):
        if u in graph and rng.random() < 0.35:
            graph[u].append((v, rng.randint(0, 9)))
    return graph


def test_dijkstra_matches_bellman_ford_and_brute_force_on_random_graphs():
    """Includes nodes that only appear as edge targets (no key of their own in the graph)."""
    dj = load_snippet("cs/dijkstra.py")
    rng = random.Random(0)
    for _ in range(300):
        graph = random_graph(rng, rng.randint(1, 7))
        dist, prev = dj.dijkstra(graph, "n0")
        assert dist == bellman_ford(graph, "n0") == brute_force(graph, "n0")
        for target, d in dist.items():
            path = dj.path_to(prev, "n0", target)
            weights = {(u, v): w for u, edges in graph.items() for v, w in edges}
            assert path[0] == "n0" and sum(weights[e] for e in itertools.pairwise(path)) == d


def test_a_node_that_is_only_a_target():
    dj = load_snippet("cs/dijkstra.py")
    dist, prev = dj.dijkstra({"A": [("B", 1)]}, "A")
    assert dist == {"A": 0, "B": 1} and dj.path_to(prev, "A", "B") == ["A", "B"]


def test_unreachable_nodes_and_a_single_node():
    dj = load_snippet("cs/dijkstra.py")
    dist, prev = dj.dijkstra({"X": [], "Y": []}, "X")
    assert dist == {"X": 0} and dj.path_to(prev, "X", "Y") == [] and dj.path_to(prev, "X", "X") == ["X"]


def test_the_negative_edge_breaks_dijkstra_but_not_bellman_ford():
    dj = load_snippet("cs/dijkstra.py")
    assert dj.dijkstra(NEGATIVE, "A")[0]["D"] != bellman_ford(NEGATIVE, "A")["D"]


def expected_values() -> dict[str, str]:
    dj = load_snippet("cs/dijkstra.py")
    dist, prev = dj.dijkstra(dj.GRAPH, "A")
    assert dist == bellman_ford(dj.GRAPH, "A") == brute_force(dj.GRAPH, "A")
    tentative = tentative_values(dj, dj.GRAPH, "A")
    negative = tentative_values(dj, NEGATIVE, "A")
    weights = {f"{u}-{v}".lower(): w for u, edges in NEGATIVE.items() for v, w in edges}
    values = {
        "keys": f"10^{round(math.log10(KEYS))}",
        "min-height": f"{math.ceil(math.log2(KEYS + 1))}",
        "rb-bound": f"{2 * math.log2(KEYS + 1):.1f}",
        "rb-exact": f"{max_rb_levels(KEYS)}",
        "avl-constant": f"{1 / math.log2((1 + math.sqrt(5)) / 2):.2f}",
        "avl-bound": f"{math.log2(KEYS) / math.log2((1 + math.sqrt(5)) / 2):.1f}",
        "avl-exact": f"{max_avl_levels(KEYS)}",
        "distances": ", ".join(f"{node} {dist[node]}" for node in sorted(dist)),
        "path-f": " → ".join(dj.path_to(prev, "A", "F")),
    }
    values |= {f"w-{u}-{v}".lower(): f"{w}" for u, edges in dj.GRAPH.items() for v, w in edges}
    values |= {f"improve-{node}".lower(): " → ".join(map(str, tentative[node])) for node in "BDEF"}
    values |= {f"neg-{edge.replace('-', '')}": f"{w}".replace("-", "−") for edge, w in weights.items()}
    values |= {
        "neg-b-settled": f"{negative['B'][0]}",
        "neg-d-first": f"{negative['D'][0]}",
        "neg-b-improve": " → ".join(map(str, negative["B"])),
        "neg-dijkstra": f"{dj.dijkstra(NEGATIVE, 'A')[0]['D']}",
        "neg-ac-again": f"{weights['a-c']}",
        "neg-cb-again": f"{-weights['c-b']}",
        "neg-bd-again": f"{weights['b-d']}",
        "neg-true": f"{bellman_ford(NEGATIVE, 'A')['D']}",
    }
    return values


def test_stated_values():
    assert_values(PAGE, expected_values())
