"""Classification metrics from a confusion matrix, and ROC-AUC as a ranking probability."""


def confusion_metrics(tp, fp, fn, tn):
    """Precision, recall, F1, accuracy and false-positive rate from the four counts."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "accuracy": (tp + tn) / (tp + fp + fn + tn),
        "fpr": fp / (fp + tn) if fp + tn else 0.0,
    }


def roc_auc(scores, labels):
    """P(random positive scores above random negative), ties counted as 1/2 (Mann-Whitney U).

    O(P*N) pairs for clarity; sorting by score gives the same number in O(n log n).
    """
    pos = [s for s, y in zip(scores, labels, strict=True) if y == 1]
    neg = [s for s, y in zip(scores, labels, strict=True) if y == 0]
    if not pos or not neg:
        raise ValueError("ROC-AUC needs at least one positive and one negative")
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


SCORES = [0.9, 0.8, 0.7, 0.55, 0.5, 0.4, 0.4, 0.3, 0.2, 0.1]
LABELS = [1, 1, 0, 1, 0, 1, 0, 0, 0, 0]

if __name__ == "__main__":
    print(confusion_metrics(tp=45, fp=30, fn=15, tn=910))
    print(confusion_metrics(tp=0, fp=0, fn=60, tn=940))  # "always negative" baseline
    print(roc_auc(SCORES, LABELS))  # 20.5 / 24 = 0.854...
