"""A reader whose comment is held is told why, from the rules that held it, as they post."""

import pytest
from django.urls import reverse

from newsroom.discussion.cards import awaiting_review_explanation
from newsroom.discussion.models import Comment
from newsroom.moderation.models import Flag, Term
from newsroom.moderation.rules import HOLD_REASONS, hold_reason
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}
NEW_READER = HOLD_REASONS[Flag.DETECTED_NEW_COMMENTER]
FLAGGED = HOLD_REASONS[Flag.DETECTED_SUSPECT_WORD]


def test_a_new_readers_comment_is_explained_by_the_new_reader_rule():
    assert hold_reason([Flag.DETECTED_NEW_COMMENTER]) == (
        "A moderator reads the first comments of every new reader before they appear."
    )


def test_the_filter_outranks_the_new_reader_rule_it_held_alongside():
    flags = [Flag.DETECTED_TOXIC, Flag.DETECTED_NEW_COMMENTER]

    assert hold_reason(flags) == HOLD_REASONS[Flag.DETECTED_TOXIC]
    assert "filter" in hold_reason(flags)


def test_reports_explain_a_comment_approved_once_as_a_new_readers():
    flags = [Flag.DETECTED_NEW_COMMENTER, Flag.DETECTED_REPORTED]

    assert hold_reason(flags) == HOLD_REASONS[Flag.DETECTED_REPORTED]


def test_a_comment_held_by_hand_still_gets_a_plain_reason():
    assert hold_reason([]) == "A moderator reads it before it appears."


def test_the_explanation_says_why_how_long_and_what_comes_next(settings):
    settings.NEWSROOM_REVIEW_HOURS = 6
    comment = Comment(moderation_flags=[Flag.DETECTED_LINKS])

    text = awaiting_review_explanation(comment)

    assert text.startswith("Your comment is awaiting review. ")
    assert HOLD_REASONS[Flag.DETECTED_LINKS] in text
    assert "within 6 hours" in text
    assert "member page" in text and "approved or rejected" in text


def post(client, article, body, **extra):
    url = reverse("discussion:comment-create", args=[article.pk])
    return client.post(url, {"body": body}, **extra)


def test_posting_in_place_explains_a_new_readers_held_comment(client, article):
    client.force_login(UserFactory())

    html = post(client, article, "My first words here.", **HTMX).content.decode()

    assert "Your comment is awaiting review." in html
    assert NEW_READER in html
    assert FLAGGED not in html


def test_posting_without_javascript_explains_on_the_page_it_leads_to(client, article):
    client.force_login(UserFactory())

    response = post(client, article, "My first words here.")
    html = client.get(response["Location"]).content.decode()

    assert response.status_code == 302
    assert "Your comment is awaiting review." in html and NEW_READER in html


def test_a_trusted_reader_held_by_the_word_list_is_told_it_was_the_filter(client, article, trusted):
    Term.objects.create(text="scoundrel", kind=Term.Kind.SUSPECT)
    client.force_login(trusted)

    html = post(client, article, "The minister is a scoundrel.", **HTMX).content.decode()

    assert Comment.objects.get(body="The minister is a scoundrel.").moderation_flags == [
        Flag.DETECTED_SUSPECT_WORD
    ]
    assert FLAGGED in html and NEW_READER not in html


def test_only_the_author_is_told_why(client, article):
    author = UserFactory()
    CommentFactory(
        article=article,
        author=author,
        status=Comment.Status.PENDING,
        moderation_flags=[Flag.DETECTED_NEW_COMMENTER],
    )
    client.force_login(UserFactory())

    assert NEW_READER not in client.get(article.url).content.decode()


def test_the_member_page_says_why_each_of_the_readers_comments_waits(client, article):
    reader = UserFactory()
    CommentFactory(
        article=article, author=reader, status=Comment.Status.PENDING,
        moderation_flags=[Flag.DETECTED_NEW_COMMENTER],
    )  # fmt: skip
    CommentFactory(
        article=article, author=reader, status=Comment.Status.PENDING,
        moderation_flags=[Flag.DETECTED_SUSPECT_WORD],
    )  # fmt: skip
    client.force_login(reader)

    html = client.get(reverse("members:member-detail", args=[reader.slug])).content.decode()

    assert NEW_READER in html and FLAGGED in html
