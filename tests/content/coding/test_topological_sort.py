"""questions/coding/topological-sort.md: the pipeline order, the reported cycle (the nodes on it, not
the nodes downstream) checked against brute-force cycle search, random DAGs, and the number of
rounds checked against the longest path."""

import itertools
import random
from functools import cache

import pytest

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/coding/topological-sort.md"
PIPELINE = {
    "download": ["tokenise"],
    "tokenise": ["train"],
    "configure": ["train"],
    "train": ["evaluate"],
    "evaluate": ["report"],
}
CYCLE_WITH_FREED_NODE = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
CYCLE_WITH_DOWNSTREAM_NODE = {"a": ["b"], "b": ["a", "c"]}


def ts():
    return load_snippet("coding/topological_sort.py")


def listed(items) -> str:
    return ", ".join(repr(x) for x in items)


def cycle_error(graph):
    mod = ts()
    with pytest.raises(mod.CycleError) as err:
        mod.topological_sort(graph)
    return err.value


def edges_of(graph):
    return {(u, v) for u, vs in graph.items() for v in vs}


def is_cycle(nodes, graph) -> bool:
    edges = edges_of(graph)
    return len(set(nodes)) == len(nodes) > 0 and all(
        (nodes[i], nodes[(i + 1) % len(nodes)]) in edges for i in range(len(nodes))
    )


def rounds_by_longest_path(graph) -> int:
    """Number of nodes on the longest path, by memoised depth-first search (independent of Kahn)."""
    succ = {u: list(vs) for u, vs in graph.items()}

    @cache
    def longest_from(u) -> int:
        return 1 + max((longest_from(v) for v in succ.get(u, [])), default=0)

    return max(longest_from(u) for u in set(succ) | {v for vs in succ.values() for v in vs})


def rounds_by_levels(graph) -> int:
    """Kahn's algorithm level by level: how many rounds empty the graph."""
    order = ts().topological_sort(graph)
    level = {u: 1 for u in order}
    for u in order:
        for v in graph.get(u, []):
            level[v] = max(level[v], level[u] + 1)
    return max(level.values())


def expected_values() -> dict[str, str]:
    first, second = cycle_error(CYCLE_WITH_FREED_NODE), cycle_error(CYCLE_WITH_DOWNSTREAM_NODE)
    rounds = rounds_by_levels(PIPELINE)
    assert rounds == rounds_by_longest_path(PIPELINE)
    return {
        "pipeline-order": listed(ts().topological_sort(PIPELINE)),
        "cycle-1": listed(first.cycle),
        "cycle-2": listed(second.cycle),
        "blocked-2": listed(second.blocked),
        "message-2": str(second),
        "rounds": f"{rounds}",
    }


def test_stated_values():
    assert_values(PAGE, expected_values())


def test_the_reported_cycle_is_a_cycle_and_excludes_downstream_nodes():
    err = cycle_error(CYCLE_WITH_DOWNSTREAM_NODE)
    assert is_cycle(err.cycle, CYCLE_WITH_DOWNSTREAM_NODE)
    assert "c" in err.blocked and "c" not in err.cycle and "-> c" not in str(err) and "c ->" not in str(err)


def test_self_loop_and_edge_cases():
    mod = ts()
    assert mod.topological_sort({}) == []
    assert mod.topological_sort({"solo": []}) == ["solo"]
    assert cycle_error({"x": ["x"]}).cycle == ["x"]
    assert mod.topological_sort({"a": ["b"]}) == ["a", "b"]  # a node that is only a successor is included


def reachable_from(starts, graph):
    seen, frontier = set(), list(starts)
    while frontier:
        for v in graph[frontier.pop()]:
            if v not in seen:
                seen.add(v)
                frontier.append(v)
    return seen


def test_random_graphs_with_cycles_report_a_real_cycle_and_block_what_lies_behind_cycles():
    mod = ts()
    rng = random.Random(2)
    found = 0
    for _ in range(400):
        n = rng.randint(1, 9)
        graph = {u: [v for v in range(n) if rng.random() < 0.25] for u in range(n)}
        on_cycles = {u for u in graph if u in reachable_from([u], graph)}
        try:
            order = mod.topological_sort(graph)
        except mod.CycleError as err:
            found += 1
            assert is_cycle(err.cycle, graph)
            assert set(err.blocked) == on_cycles | reachable_from(on_cycles, graph)
        else:
            assert not on_cycles
            pos = {v: i for i, v in enumerate(order)}
            assert all(pos[u] < pos[v] for u, v in edges_of(graph))
    assert found > 100


def test_random_dags_every_edge_goes_forward():
    mod = ts()
    rng = random.Random(0)
    for _ in range(200):
        n = rng.randint(1, 25)
        labels = list(range(n))
        rng.shuffle(labels)  # hidden order; edges only go forward in it
        edges = [(labels[i], labels[j]) for i, j in itertools.combinations(range(n), 2) if rng.random() < 0.2]
        graph: dict[int, list[int]] = {v: [] for v in rng.sample(range(n), n)}
        for u, v in edges:
            graph[u].append(v)
        order = mod.topological_sort(graph)
        pos = {v: i for i, v in enumerate(order)}
        assert sorted(order) == list(range(n))
        assert all(pos[u] < pos[v] for u, v in edges)
        assert rounds_by_levels(graph) == rounds_by_longest_path(graph)
