import pytest

from newsroom.moderation.evaluation import recall_at, roc_auc


def test_recall_at_a_false_positive_rate_holds_no_more_civil_comments_than_allowed():
    civil = [i / 100 for i in range(100)]  # 0.00 .. 0.99
    abusive = [0.995, 0.985, 0.975, 0.965, 0.5]
    scores, labels = civil + abusive, [0] * 100 + [1] * 5

    # 2% of 100 civil: the two highest (0.99, 0.98) may be held, so the bar is above 0.97.
    assert recall_at(scores, labels, false_positive_rate=0.02) == pytest.approx(3 / 5)
    assert recall_at(scores, labels, false_positive_rate=0.05) == pytest.approx(4 / 5)
    assert recall_at(scores, labels, false_positive_rate=0.0) == pytest.approx(1 / 5)
    assert recall_at(scores, labels, false_positive_rate=1.0) == 1.0


def test_metrics_need_both_labels():
    assert roc_auc([0.1, 0.2], [1, 1]) is None
    assert recall_at([0.1, 0.2], [0, 0], false_positive_rate=0.05) is None
    assert roc_auc([0.1, 0.9], [0, 1]) == 1.0
