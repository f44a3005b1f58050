"""An AVL tree (insertion with rotations) next to a plain binary search tree."""


class Node:
    __slots__ = ("key", "left", "right", "height")

    def __init__(self, key):
        self.key, self.left, self.right, self.height = key, None, None, 1


def height(node):
    return node.height if node else 0


def update(node):
    node.height = 1 + max(height(node.left), height(node.right))


def rotate_right(y):
    """y's left child x becomes the subtree root; x's right subtree moves under y. In-order is unchanged."""
    x = y.left
    y.left, x.right = x.right, y
    update(y)
    update(x)
    return x


def rotate_left(x):
    y = x.right
    x.right, y.left = y.left, x
    update(x)
    update(y)
    return y


def insert(node, key):
    """Insert key below node and rebalance on the way back up; returns the new subtree root."""
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    else:
        node.right = insert(node.right, key)
    update(node)
    balance = height(node.left) - height(node.right)
    if balance > 1:  # left-heavy
        if key >= node.left.key:  # left-right case: first rotate the child
            node.left = rotate_left(node.left)
        return rotate_right(node)
    if balance < -1:  # right-heavy
        if key < node.right.key:  # right-left case
            node.right = rotate_right(node.right)
        return rotate_left(node)
    return node


def bst_insert(root, key):
    """Plain BST insertion, no rebalancing (iterative, so a degenerate tree cannot overflow the stack)."""
    new = Node(key)
    if root is None:
        return new
    node = root
    while True:
        side = "left" if key < node.key else "right"
        child = getattr(node, side)
        if child is None:
            setattr(node, side, new)
            return root
        node = child


def levels(root):
    """Number of levels (nodes on the longest root-to-leaf path), computed breadth first."""
    count, frontier = 0, [root] if root else []
    while frontier:
        count += 1
        frontier = [c for n in frontier for c in (n.left, n.right) if c]
    return count


if __name__ == "__main__":
    avl = plain = None
    for key in range(1, 1024):  # sorted input: the worst case for a plain BST
        avl, plain = insert(avl, key), bst_insert(plain, key)
    print("1023 sorted keys: AVL levels", levels(avl), " plain BST levels", levels(plain))
