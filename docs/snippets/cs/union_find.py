"""Disjoint-set forest with union by rank and path compression, and Kruskal's minimum spanning tree."""


class DisjointSet:
    def __init__(self, n, by_rank=True, compress=True):
        self.parent = list(range(n))
        self.rank = [0] * n  # an upper bound on the height of the tree below each root
        self.by_rank, self.compress = by_rank, compress
        self.components = n

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        if self.compress:  # second pass: point every node on the path straight at the root
            while self.parent[x] != root:
                self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b):
        """Merge the sets of a and b; False if they were already one set."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.by_rank and self.rank[ra] < self.rank[rb]:
            ra, rb = rb, ra  # attach the shorter tree below the taller one
        self.parent[rb] = ra
        if self.rank[ra] == self.rank[rb]:
            self.rank[ra] += 1
        self.components -= 1
        return True


def kruskal(n, edges):
    """Minimum spanning forest of (weight, u, v) edges: scan by weight, keep an edge iff it joins two trees."""
    sets, tree = DisjointSet(n), []
    for w, u, v in sorted(edges):
        if sets.union(u, v):
            tree.append((w, u, v))
            if len(tree) == n - 1:
                break
    return sum(w for w, _, _ in tree), tree


# The page's graph: vertices A..F are 0..5.
EDGES = [(1, 0, 1), (2, 1, 2), (3, 0, 2), (4, 2, 3), (5, 1, 3), (6, 3, 4), (7, 4, 5), (8, 3, 5), (9, 2, 5)]

if __name__ == "__main__":
    weight, tree = kruskal(6, EDGES)
    print("MST weight", weight, "edges", [("ABCDEF"[u] + "ABCDEF"[v], w) for w, u, v in tree])
