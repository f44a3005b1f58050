"""Kahn's algorithm: a topological order of a directed graph, or a cycle that forbids one."""

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


class CycleError(ValueError):
    """Raised when no topological order exists.

    `.cycle` lists the nodes of one directed cycle in edge order (the last node points back to the
    first); `.blocked` lists every node that was never freed: the cycle's nodes, other cycles and
    everything downstream of them.
    """

    def __init__(self, cycle: list[Hashable], blocked: list[Hashable]) -> None:
        loop = " -> ".join(map(str, [*cycle, cycle[0]]))
        count = f"{len(blocked)} node{'s' if len(blocked) != 1 else ''}"
        super().__init__(f"no topological order: cycle {loop} ({count} blocked)")
        self.cycle = cycle
        self.blocked = blocked


def topological_sort(graph: Mapping[N, Iterable[N]]) -> list[N]:
    """graph[u] lists the nodes that must come after u. Time and memory O(V + E).

    Nodes that appear only as successors are included. Ties are broken by first
    appearance, so the output is deterministic.
    """
    indegree: dict[N, int] = {}
    successors: dict[N, list[N]] = {}
    for u, vs in graph.items():
        indegree.setdefault(u, 0)
        successors.setdefault(u, [])
        for v in vs:
            successors[u].append(v)
            successors.setdefault(v, [])
            indegree[v] = indegree.get(v, 0) + 1
    ready = deque(u for u, d in indegree.items() if d == 0)
    order: list[N] = []
    while ready:
        u = ready.popleft()
        order.append(u)
        for v in successors[u]:
            indegree[v] -= 1
            if indegree[v] == 0:
                ready.append(v)
    if len(order) < len(indegree):
        stuck = [u for u, d in indegree.items() if d > 0]
        raise CycleError(_a_cycle(stuck, successors), stuck)
    return order


def _a_cycle(stuck: list[N], successors: Mapping[N, list[N]]) -> list[N]:
    """One directed cycle among the nodes Kahn's algorithm never freed.

    A stuck node's remaining in-degree counts edges from other stuck nodes only, so every stuck
    node has a stuck predecessor: walking backwards from any of them must revisit a node, and the
    walk between the two visits, reversed, is a cycle. Rotated to start at its first-seen node.
    """
    rank = {u: i for i, u in enumerate(stuck)}
    predecessor: dict[N, N] = {}
    for u in stuck:
        for v in successors[u]:
            if v in rank and v not in predecessor:
                predecessor[v] = u
    position: dict[N, int] = {}
    walk: list[N] = []
    node = stuck[0]
    while node not in position:
        position[node] = len(walk)
        walk.append(node)
        node = predecessor[node]
    cycle = walk[position[node] :][::-1]
    start = min(range(len(cycle)), key=lambda i: rank[cycle[i]])
    return cycle[start:] + cycle[:start]


if __name__ == "__main__":
    pipeline = {
        "download": ["tokenise"],
        "tokenise": ["train"],
        "configure": ["train"],
        "train": ["evaluate"],
        "evaluate": ["report"],
    }
    print(topological_sort(pipeline))
    try:
        topological_sort({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]})
    except CycleError as err:
        print(err.cycle)  # ['a', 'b', 'c']
    try:
        topological_sort({"a": ["b"], "b": ["a", "c"]})
    except CycleError as err:
        print(err)  # no topological order: cycle a -> b -> a (3 nodes blocked)
