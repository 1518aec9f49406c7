import pytest

from newsroom.discussion.services import comment_create, comment_edit
from newsroom.moderation.newsroom_model import fit
from newsroom.moderation.rules import Submission, moderate
from newsroom.moderation.toxicity import score
from tests.factories import UserFactory
from tests.moderation.labelled_comments import ABUSIVE, CIVIL, attacks

pytestmark = pytest.mark.django_db


def test_the_verdict_carries_each_models_score():
    submission = Submission(body=CIVIL[0], author=UserFactory(), count_approved=lambda at_most: 10)

    outcome = moderate(submission)

    scores = score(CIVIL[0])
    assert outcome.toxicity == scores.combined
    assert outcome.toxicity_scores == scores.by_model
    assert set(outcome.toxicity_scores) == {"profanity_check", "tox_block"}


def test_a_posted_comment_stores_each_models_score(article, trusted):
    comment = comment_create(article=article, author=trusted, body=ABUSIVE[0], confirmed_nudge=True)
    comment.refresh_from_db()

    assert comment.toxicity == pytest.approx(score(ABUSIVE[0]).combined)
    assert comment.toxicity_scores == pytest.approx(score(ABUSIVE[0]).by_model)


def test_an_edit_stores_the_new_texts_scores_with_the_newsroom_model(article, trusted, settings):
    comment = comment_create(article=article, author=trusted, body=CIVIL[0])
    texts, labels = zip(*attacks(), strict=True)
    fit(list(texts), list(labels), info={}).save(settings.NEWSROOM_MODERATION_MODEL_FILE)

    comment_edit(comment=comment, editor=trusted, body=CIVIL[1])
    comment.refresh_from_db()

    assert set(comment.toxicity_scores) == {"profanity_check", "tox_block", "newsroom"}
    assert comment.toxicity_scores == pytest.approx(score(CIVIL[1]).by_model)
