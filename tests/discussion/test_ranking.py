import pytest

from newsroom.discussion.models import Comment
from newsroom.discussion.ranking import controversy, wilson_lower_bound
from tests.factories import ArticlePageFactory, CommentFactory


@pytest.mark.parametrize(
    ("ups", "downs", "expected"),
    [
        # By hand, z = 1.96, p = ups/n: (p + z²/2n - z·sqrt((p(1-p) + z²/4n)/n)) / (1 + z²/n)
        (0, 0, 0.0),
        (1, 0, 0.2065),
        (3, 0, 0.4385),
        (1, 1, 0.0945),
        (60, 10, 0.7566),
        (5, 5, 0.2366),
        (0, 4, 0.0),
    ],
)
def test_wilson_lower_bound_matches_hand_computed_values(ups, downs, expected):
    assert wilson_lower_bound(ups, downs, z=1.96) == pytest.approx(expected, abs=5e-5)


def test_more_evidence_beats_a_perfect_small_sample():
    assert wilson_lower_bound(60, 10) > wilson_lower_bound(3, 0)


@pytest.mark.parametrize(
    ("ups", "downs", "expected"),
    [(0, 0, 0.0), (5, 0, 0.0), (0, 5, 0.0), (5, 5, 10.0), (10, 5, 15**0.5), (1, 9, 10 ** (1 / 9))],
)
def test_controversy_is_zero_unless_both_sides_voted(ups, downs, expected):
    assert controversy(ups, downs) == pytest.approx(expected)


@pytest.mark.django_db
def test_sql_ranks_agree_with_the_python_reference(home):
    article = ArticlePageFactory()
    counts = [(0, 0), (1, 0), (3, 0), (1, 1), (60, 10), (5, 5), (10, 5), (0, 4), (2, 7)]
    for ups, downs in counts:
        CommentFactory(article=article, upvotes=ups, downvotes=downs)

    ranked = Comment.objects.filter(article=article).with_ranks(z=1.96)

    for comment in ranked:
        assert comment.best == pytest.approx(wilson_lower_bound(comment.upvotes, comment.downvotes))
        assert comment.controversy == pytest.approx(controversy(comment.upvotes, comment.downvotes))
