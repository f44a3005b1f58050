"""A trie with prefix queries and frequency-ranked autocomplete, and the node count of its radix-tree form."""

import heapq


class Node:
    __slots__ = ("children", "count")

    def __init__(self):
        self.children = {}  # character -> Node; a dict keeps memory proportional to the real branching
        self.count = 0  # how often the word ending here was inserted (0: not a word)


class Trie:
    def __init__(self):
        self.root = Node()

    def insert(self, word, count=1):
        node = self.root
        for ch in word:
            node = node.children.setdefault(ch, Node())
        node.count += count

    def _walk(self, prefix):
        node = self.root
        for ch in prefix:
            node = node.children.get(ch)
            if node is None:
                return None
        return node

    def contains(self, word):
        node = self._walk(word)
        return node is not None and node.count > 0

    def starts_with(self, prefix):
        return self._walk(prefix) is not None

    def words_with_prefix(self, prefix):
        """All stored words beginning with prefix, in lexicographic order (depth-first, sorted children)."""
        node, out = self._walk(prefix), []

        def visit(node, path):
            if node.count:
                out.append(path)
            for ch in sorted(node.children):
                visit(node.children[ch], path + ch)

        if node is not None:
            visit(node, prefix)
        return out

    def complete(self, prefix, k):
        """The k most frequent completions (ties broken alphabetically)."""
        node = self._walk(prefix)
        if node is None:
            return []
        counts = {w: self._walk(w).count for w in self.words_with_prefix(prefix)}
        return heapq.nsmallest(k, counts, key=lambda w: (-counts[w], w))

    def node_count(self):
        stack, total = [self.root], 0
        while stack:
            node = stack.pop()
            total += 1
            stack.extend(node.children.values())
        return total

    def radix_node_count(self):
        """Nodes left after merging every chain of single-child non-word nodes into one edge label."""
        stack, total = [self.root], 0
        while stack:
            node = stack.pop()
            if node is self.root or node.count or len(node.children) != 1:
                total += 1
            stack.extend(node.children.values())
        return total


WORDS = {"train": 50, "trainer": 5, "training": 40, "trace": 8, "tree": 30, "test": 60, "token": 70, "tokenizer": 20}

if __name__ == "__main__":
    trie = Trie()
    for word, count in WORDS.items():
        trie.insert(word, count)
    print(trie.words_with_prefix("tra"), trie.complete("t", 3), trie.contains("trai"), trie.starts_with("trai"))
    print("characters", sum(map(len, WORDS)), "trie nodes", trie.node_count(), "radix nodes", trie.radix_node_count())
