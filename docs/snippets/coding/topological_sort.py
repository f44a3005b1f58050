"""Kahn's algorithm: topological order of a directed graph, or the nodes stuck on cycles."""

from collections import deque
from collections.abc import Hashable, Iterable, Mapping
from typing import TypeVar

N = TypeVar("N", bound=Hashable)


class CycleError(ValueError):
    """Raised when no topological order exists; `.blocked` holds the nodes never freed."""

    def __init__(self, blocked: list[Hashable]) -> None:
        super().__init__(f"graph has a cycle through {blocked}")
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
        # Every node left has an unfreed predecessor: each lies on or behind a cycle.
        raise CycleError([u for u, d in indegree.items() if d > 0])
    return order


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
        print(err.blocked)  # ['a', 'b', 'c']
