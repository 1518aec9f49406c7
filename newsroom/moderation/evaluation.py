"""How well scores separate abusive from civil comments: ROC AUC, and recall at a set
false-positive rate."""

import numpy as np


def roc_auc(scores, labels) -> float | None:
    """The ROC AUC, or None when the labels are not both present."""
    labels = np.asarray(labels)
    if labels.min(initial=1) == labels.max(initial=0) or len(labels) == 0:
        return None
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


def recall_at(scores, labels, *, false_positive_rate: float) -> float | None:
    """The share of abusive comments held by the strictest threshold that holds no more
    than ``false_positive_rate`` of the civil ones (ties at the threshold are not held)."""
    scores, labels = np.asarray(scores, dtype=np.float64), np.asarray(labels)
    civil = np.sort(scores[labels == 0])[::-1]
    abusive = scores[labels == 1]
    if not len(civil) or not len(abusive):
        return None
    allowed = int(np.floor(false_positive_rate * len(civil) + 1e-9))
    threshold = civil[allowed] if allowed < len(civil) else -np.inf
    return float(np.mean(abusive > threshold))
