from unittest.mock import patch

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.discussion.models import Comment
from newsroom.discussion.services import comment_create, comment_edit
from newsroom.moderation.models import Flag, Term
from newsroom.moderation.rules import (
    CommentRejected,
    NudgeRequired,
    Submission,
    Verdict,
    moderate,
)
from newsroom.moderation.words import normalise
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

ABUSIVE = "You are a pathetic idiot and everyone here is sick of your stupid lies."
CIVIL = "I disagree with the minister: the plan looks costly and the timetable unrealistic."


def test_a_civil_disagreeing_comment_from_a_trusted_reader_is_published(article, trusted):
    comment = comment_create(article=article, author=trusted, body=CIVIL)

    assert comment.status == Comment.Status.PUBLISHED
    assert comment.moderation_flags == []
    assert 0 <= comment.toxicity < 0.5


def test_a_clearly_abusive_comment_is_nudged_first_and_held_once_confirmed(article, trusted):
    with pytest.raises(NudgeRequired):
        comment_create(article=article, author=trusted, body=ABUSIVE)
    assert not Comment.objects.filter(body=ABUSIVE).exists()

    comment = comment_create(article=article, author=trusted, body=ABUSIVE, confirmed_nudge=True)

    assert comment.status == Comment.Status.PENDING
    assert Flag.DETECTED_TOXIC in comment.moderation_flags
    assert comment.toxicity > 0.9


def test_a_score_between_nudge_and_hold_publishes_after_the_nudge(article, trusted, settings):
    settings.NEWSROOM_TOXICITY_NUDGE = 0.0
    settings.NEWSROOM_TOXICITY_HOLD = 1.01

    with pytest.raises(NudgeRequired):
        comment_create(article=article, author=trusted, body=CIVIL)
    comment = comment_create(article=article, author=trusted, body=CIVIL, confirmed_nudge=True)

    assert comment.status == Comment.Status.PUBLISHED


def test_the_hold_threshold_is_a_setting(article, trusted, settings):
    settings.NEWSROOM_TOXICITY_HOLD = 0.0

    comment = comment_create(article=article, author=trusted, body=CIVIL, confirmed_nudge=True)

    assert comment.status == Comment.Status.PENDING
    assert comment.moderation_flags == [Flag.DETECTED_TOXIC]


@pytest.mark.parametrize(
    "body",
    ["What a scumbag.", "What a SCUMBAG!", "what a scuuumbaaag", "what a 5cumb4g", "a $cumbag"],
)
def test_banned_words_reject_with_a_clear_message_even_obfuscated(article, trusted, body):
    Term.objects.create(text="scumbag", kind=Term.Kind.BANNED)

    with pytest.raises(CommentRejected) as error:
        comment_create(article=article, author=trusted, body=body)

    assert "not allowed" in error.value.messages[0]
    assert not Comment.objects.filter(body=body).exists()


def test_banned_words_match_on_word_boundaries_only(article, trusted):
    Term.objects.create(text="ass", kind=Term.Kind.BANNED)

    comment = comment_create(article=article, author=trusted, body="A classic case, as usual.")

    assert comment.status == Comment.Status.PUBLISHED


def test_suspect_words_hold_for_review(article, trusted):
    Term.objects.create(text="traitor", kind=Term.Kind.SUSPECT)

    comment = comment_create(article=article, author=trusted, body="The minister is a TRA1TOR.")

    assert comment.status == Comment.Status.PENDING
    assert comment.moderation_flags == [Flag.DETECTED_SUSPECT_WORD]


def test_a_word_list_change_applies_to_the_next_comment(article, trusted):
    """The lists are compiled once for as long as they stay the same: a term added, moved
    to the other list or removed applies to the very next comment."""
    body = "Another shill for the ministry."
    assert comment_create(article=article, author=trusted, body=body).status == "published"

    term = Term.objects.create(text="shill", kind=Term.Kind.SUSPECT)
    assert comment_create(article=article, author=trusted, body=body).status == "pending"

    Term.objects.filter(pk=term.pk).update(kind=Term.Kind.BANNED)
    with pytest.raises(CommentRejected):
        comment_create(article=article, author=trusted, body=body)

    term.delete()
    assert comment_create(article=article, author=trusted, body=body).status == "published"


def test_both_word_lists_read_the_comment_normalised_once(article, trusted):
    Term.objects.create(text="shill", kind=Term.Kind.SUSPECT)
    Term.objects.create(text="scumbag", kind=Term.Kind.BANNED)

    with patch("newsroom.moderation.rules.normalise", wraps=normalise) as normalising:
        comment = comment_create(article=article, author=trusted, body="A sh1ll, plainly.")

    assert comment.moderation_flags == [Flag.DETECTED_SUSPECT_WORD]
    assert [c.args for c in normalising.call_args_list] == [("A sh1ll, plainly.",)]


def test_links_from_a_reader_with_few_approved_comments_are_held(article, settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 2
    reader = UserFactory()
    CommentFactory(article=article, author=reader)

    held = comment_create(article=article, author=reader, body="See https://example.com/report")
    plain = comment_create(article=article, author=reader, body="No link in this one.")

    assert held.status == Comment.Status.PENDING
    assert held.moderation_flags == [Flag.DETECTED_LINKS]
    assert plain.status == Comment.Status.PUBLISHED


def test_links_from_an_established_reader_publish(article, trusted):
    comment = comment_create(article=article, author=trusted, body="See https://example.com/x")

    assert comment.status == Comment.Status.PUBLISHED


def test_a_new_readers_first_comments_are_premoderated_until_n_are_approved(article, settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 2
    reader = UserFactory()

    first = comment_create(article=article, author=reader, body="My first comment.")
    second = comment_create(article=article, author=reader, body="My second comment.")
    assert [first.status, second.status] == [Comment.Status.PENDING] * 2
    assert first.moderation_flags == [Flag.DETECTED_NEW_COMMENTER]

    Comment.objects.filter(pk__in=[first.pk, second.pk]).update(status=Comment.Status.PUBLISHED)
    third = comment_create(article=article, author=reader, body="Now I am trusted.")

    assert third.status == Comment.Status.PUBLISHED


def test_a_regulars_comments_are_counted_only_as_far_as_the_rules_look(article, settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 1
    settings.NEWSROOM_LINKS_MIN_APPROVED = 3
    regular = UserFactory()
    CommentFactory.create_batch(3, article=article, author=regular)
    counted = []

    def count(at_most: int) -> int:
        counted.append(at_most)
        return Comment.objects.published().filter(author=regular)[:at_most].count()

    outcome = moderate(
        Submission(body="See https://example.com/report", author=regular, count_approved=count)
    )

    assert counted == [3]  # asked once, for the most any rule compares with
    assert outcome.verdict == Verdict.PUBLISH
    with CaptureQueriesContext(connection) as captured:
        linked = comment_create(article=article, author=regular, body="See https://example.com/b")
    assert linked.status == Comment.Status.PUBLISHED
    # The posting service reads as far, and only as far: the ids of three comments at most.
    sql = [q["sql"] for q in captured.captured_queries]
    assert not [q for q in sql if "COUNT(" in q]
    assert len([q for q in sql if "LIMIT 3" in q and '"author_id" =' in q]) == 1


def test_every_rule_that_held_a_comment_is_recorded_on_it(article, settings):
    settings.NEWSROOM_LINKS_MIN_APPROVED = 5
    Term.objects.create(text="shill", kind=Term.Kind.SUSPECT)

    comment = comment_create(
        article=article, author=UserFactory(), body="A shill wrote https://example.com"
    )

    assert comment.moderation_flags == [
        Flag.DETECTED_SUSPECT_WORD,
        Flag.DETECTED_LINKS,
        Flag.DETECTED_NEW_COMMENTER,
    ]


def test_an_edit_runs_the_text_rules_again(article, trusted):
    comment = comment_create(article=article, author=trusted, body=CIVIL)
    Term.objects.create(text="traitor", kind=Term.Kind.SUSPECT)

    edited = comment_edit(comment=comment, editor=trusted, body="On second thought: traitor.")

    assert edited.status == Comment.Status.PENDING
    assert Flag.DETECTED_SUSPECT_WORD in edited.moderation_flags


def test_editing_a_held_comment_does_not_publish_it(article, settings):
    reader = UserFactory()
    comment = comment_create(article=article, author=reader, body="First words.")

    edited = comment_edit(comment=comment, editor=reader, body="Harmless new words.")

    assert edited.status == Comment.Status.PENDING


def test_an_edit_with_a_banned_word_is_refused_and_the_comment_unchanged(article, trusted):
    comment = comment_create(article=article, author=trusted, body=CIVIL)
    Term.objects.create(text="scumbag", kind=Term.Kind.BANNED)

    with pytest.raises(ValidationError):
        comment_edit(comment=comment, editor=trusted, body="You scumbag.")

    comment.refresh_from_db()
    assert comment.body == CIVIL
