"""Dijkstra's shortest paths with a binary heap, on a small directed graph."""

import heapq

# Directed edges with non-negative weights.
GRAPH = {
    "A": [("B", 4), ("C", 2)],
    "B": [("D", 5)],
    "C": [("B", 1), ("D", 8), ("E", 10)],
    "D": [("E", 2), ("F", 6)],
    "E": [("F", 2)],
    "F": [],
}


def dijkstra(graph, source):
    """Return (dist, prev): shortest distances from source and each node's predecessor."""
    dist = {source: 0}
    prev = {}
    heap = [(0, source)]
    done = set()
    while heap:
        d, u = heapq.heappop(heap)
        if u in done:  # stale heap entry: u was already settled with a smaller distance
            continue
        done.add(u)
        for v, w in graph.get(u, ()):  # a node that is only an edge's target has no out-edges
            if d + w < dist.get(v, float("inf")):
                dist[v] = d + w
                prev[v] = u
                heapq.heappush(heap, (d + w, v))
    return dist, prev


def path_to(prev, source, target):
    """Walk predecessors back from target; [] if target is unreachable."""
    if target != source and target not in prev:
        return []
    path = [target]
    while path[-1] != source:
        path.append(prev[path[-1]])
    return path[::-1]


if __name__ == "__main__":
    dist, prev = dijkstra(GRAPH, "A")
    print(dict(sorted(dist.items())))
    print(path_to(prev, "A", "F"))
