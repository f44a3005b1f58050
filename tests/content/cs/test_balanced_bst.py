"""questions/cs/balanced-bst.md: AVL invariants under random insertions, and the height bounds."""

import math

import numpy as np

from tests.content.helpers import assert_values, load_snippet

PAGE = "questions/cs/balanced-bst.md"
AVL = load_snippet("cs/avl.py")
N_SORTED, N_MILLION, BTREE_EXP, BTREE_B = 1023, 10**6, 9, 500
PHI = (1 + math.sqrt(5)) / 2


def check(node, low=-math.inf, high=math.inf):
    """Return the true height after asserting order, stored height and balance at every node."""
    if node is None:
        return 0
    assert low <= node.key <= high
    left, right = check(node.left, low, node.key), check(node.right, node.key, high)
    assert node.height == 1 + max(left, right) and abs(left - right) <= 1
    return node.height


def in_order(node):
    return in_order(node.left) + [node.key] + in_order(node.right) if node else []


def avl_bound(n):
    return math.log(math.sqrt(5) * (n + 2), PHI) - 2


def test_random_insertions_keep_the_avl_invariants():
    rng = np.random.default_rng(0)
    for _ in range(20):
        keys = [int(k) for k in rng.integers(0, 500, rng.integers(1, 400))]
        root = None
        for k in keys:
            root = AVL.insert(root, k)
        assert check(root) == AVL.levels(root) < avl_bound(len(keys))
        assert in_order(root) == sorted(keys)


def minimal_avl_nodes(h):
    """N(h): fewest nodes in an AVL tree with h levels, from the recurrence."""
    a, b = 1, 2  # N(1), N(2)
    for _ in range(h - 1):
        a, b = b, a + b + 1
    return a


def fibonacci(k):
    a, b = 0, 1
    for _ in range(k):
        a, b = b, a + b
    return a


def test_the_recurrence_is_fibonacci_minus_one():
    assert all(minimal_avl_nodes(h) == fibonacci(h + 2) - 1 for h in range(1, 40))


def avl_worst_levels(n):
    h = 1
    while minimal_avl_nodes(h + 1) <= n:
        h += 1
    return h


def devroye_constant():
    """The root c > 2 of c ln(2e/c) = 1, by bisection."""
    low, high = 2.5, 10.0
    for _ in range(200):
        mid = (low + high) / 2
        low, high = (mid, high) if mid * math.log(2 * math.e / mid) > 1 else (low, mid)
    return low


def sorted_inserts():
    avl = plain = None
    for key in range(1, N_SORTED + 1):
        avl, plain = AVL.insert(avl, key), AVL.bst_insert(plain, key)
    return AVL.levels(avl), AVL.levels(plain)


def expected_values() -> dict[str, str]:
    avl_levels, plain_levels = sorted_inserts()
    worst = avl_worst_levels(N_MILLION)
    assert worst < avl_bound(N_MILLION)
    return {
        "avl-short": f"{1 / math.log2(PHI):.2f}",
        "n-sorted": f"{N_SORTED:,}",
        "plain-levels": f"{plain_levels:,}",
        "avl-levels": f"{avl_levels}",
        "depth-const": f"{2 * math.log(2):.3f}",
        "height-const": f"{devroye_constant():.3f}",
        "avl-const": f"{1 / math.log2(PHI):.4f}",
        "avl-offset": f"{2 - math.log(math.sqrt(5), PHI):.4f}",
        "n-million": f"{N_MILLION:,}",
        "perfect": f"{math.ceil(math.log2(N_MILLION + 1))}",
        "avl-worst": f"{worst}",
        "rb-worst": f"{math.floor(2 * math.log2(N_MILLION + 1))}",
        "plain-worst": f"{N_MILLION:,}",
        "btree-exp": f"{BTREE_EXP}",
        "btree-b": f"{BTREE_B}",
        "btree-levels": f"{math.ceil(BTREE_EXP * math.log(10) / math.log(BTREE_B))}",
    }


def test_sorted_input_gives_a_perfect_avl_tree():
    avl_levels, _ = sorted_inserts()
    assert avl_levels == math.ceil(math.log2(N_SORTED + 1))


def test_stated_values():
    assert_values(PAGE, expected_values())
