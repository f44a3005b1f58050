"""Levenshtein edit distance by dynamic programming, keeping only two rows of the table."""


def edit_distance(a, b):
    """Minimum number of single-character insertions, deletions and substitutions turning a into b.

    D[i][j] = distance between a[:i] and b[:j]:
    D[i][j] = min(D[i-1][j] + 1, D[i][j-1] + 1, D[i-1][j-1] + (a[i-1] != b[j-1])).
    """
    if len(a) < len(b):
        a, b = b, a  # the row is as long as the shorter string: O(min(m, n)) memory
    prev = list(range(len(b) + 1))  # row i = 0: turning "" into b[:j] takes j insertions
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(
                prev[j] + 1,  # delete a[i-1]
                cur[j - 1] + 1,  # insert b[j-1]
                prev[j - 1] + (a[i - 1] != b[j - 1]),  # substitute (free if equal)
            )
        prev = cur
    return prev[-1]


if __name__ == "__main__":
    print(edit_distance("kitten", "sitting"))  # 3
    print(edit_distance("intention", "execution"))  # 5
