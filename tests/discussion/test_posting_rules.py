"""Rules a post must not skip, and posts that must not count twice (issues 9 and 14)."""

import re
from unittest.mock import patch

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.discussion.models import Comment
from newsroom.discussion.services import comment_create, comment_edit, report_create
from newsroom.moderation.models import Report
from newsroom.moderation.rules import moderate
from tests.discussion.requests import HTMX, create_url
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE = "You are a pathetic idiot and everyone here is sick of your stupid lies."


def test_an_author_cannot_edit_after_the_discussion_closed(article):
    comment = CommentFactory(article=article)
    article.comments_open = False
    article.save()

    with pytest.raises(PermissionDenied, match="closed"):
        comment_edit(comment=comment, editor=comment.author, body="Changed my mind.")


def test_editing_needs_a_verified_address(article):
    comment = CommentFactory(article=article)
    EmailAddress.objects.filter(user=comment.author).update(verified=False)

    with pytest.raises(PermissionDenied, match="Verify your email"):
        comment_edit(comment=comment, editor=comment.author, body="Changed my mind.")


def test_a_post_asks_the_authors_standing_once_inside_its_transaction(article, reader):
    with CaptureQueriesContext(connection) as context:
        comment_create(article=article, author=reader, body="A fair point, well made.")

    sql = [query["sql"] for query in context.captured_queries]
    standing = [n for n, text in enumerate(sql) if "moderation_sanction" in text]
    opened = next(n for n, text in enumerate(sql) if text.startswith(("SAVEPOINT", "BEGIN")))
    assert len(standing) == 1 and standing[0] > opened


def test_a_post_from_an_unverified_address_is_refused_after_judging_and_stores_nothing(article):
    unverified = UserFactory()
    EmailAddress.objects.filter(user=unverified).update(verified=False)

    with (
        patch("newsroom.discussion.services.moderate", wraps=moderate) as judged,
        pytest.raises(PermissionDenied, match="Verify your email"),
    ):
        comment_create(article=article, author=unverified, body="A fair point, well made.")
    assert judged.call_count == 1
    assert not Comment.objects.filter(author=unverified).exists()


def test_a_post_by_a_reader_without_a_display_name_is_refused_before_judging(article):
    unnamed = UserFactory(display_name=None)

    with (
        patch("newsroom.discussion.services.moderate", wraps=moderate) as judged,
        pytest.raises(PermissionDenied, match="display name"),
    ):
        comment_create(article=article, author=unnamed, body="A fair point, well made.")
    assert judged.call_count == 0


def test_reporting_needs_a_verified_address_but_not_an_open_discussion(article):
    comment = CommentFactory(article=article)
    unverified = UserFactory()
    EmailAddress.objects.filter(user=unverified).update(verified=False)

    with pytest.raises(PermissionDenied, match="Verify your email"):
        report_create(comment=comment, reporter=unverified, reason="REPORTED_SPAM")

    article.comments_open = False
    article.save()
    report_create(comment=comment, reporter=UserFactory(), reason="REPORTED_SPAM")
    assert Report.objects.filter(comment=comment).count() == 1


def test_the_nudge_cannot_be_skipped_by_saying_yes_in_advance(client, reader, article):
    response = client.post(
        create_url(article), {"body": HOSTILE, "confirmed_nudge": "True"}, **HTMX
    )

    assert "may come across as hostile" in response.content.decode()
    assert not Comment.objects.filter(body=HOSTILE).exists()


def test_the_nudge_token_holds_only_for_the_text_asked_about(client, reader, article):
    nudged = client.post(create_url(article), {"body": HOSTILE}, **HTMX).content.decode()
    token = re.search(r'name="confirmed_nudge" value="([^"]+)"', nudged).group(1)
    other = HOSTILE.replace("idiot", "fool")

    response = client.post(create_url(article), {"body": other, "confirmed_nudge": token}, **HTMX)

    assert "may come across as hostile" in response.content.decode()
    assert not Comment.objects.filter(body=other).exists()


@pytest.mark.parametrize("field", ["parent", "quoted"])
def test_answering_a_comment_that_does_not_exist_is_a_400(client, reader, article, field):
    response = client.post(create_url(article), {"body": "Indeed.", field: 987654})

    assert response.status_code == 400
    assert "can no longer be answered or quoted" in response.content.decode()
    assert not Comment.objects.filter(body="Indeed.").exists()


def test_a_quote_is_stored_as_the_originals_text(article):
    original = CommentFactory(article=article, body_html="<p>The plan looks costly.</p>")

    comment = comment_create(
        article=article,
        author=UserFactory(),
        body="Agreed.",
        quoted=original,
        quoted_text="The   plan\nlooks costly.",
    )

    assert comment.quoted_text == "The plan looks costly."


@pytest.mark.parametrize("htmx", [False, True], ids=["plain", "htmx"])
def test_posting_the_same_form_twice_stores_one_comment(client, reader, article, htmx):
    form = {"body": "Posted once, sent twice.", "submission_key": "a" * 32}
    headers = HTMX if htmx else {}

    first = client.post(create_url(article), form, **headers)
    again = client.post(create_url(article), form, **headers)

    assert first.status_code == again.status_code
    assert Comment.objects.filter(body=form["body"]).count() == 1
    if not htmx:
        assert first["Location"] == again["Location"]


def test_a_new_form_posts_a_new_comment(client, reader, article):
    page = client.get(article.url).content.decode()
    keys = re.findall(r'name="submission_key" value="([0-9a-f]{32})"', page)
    assert len(keys) == 1

    for key in (keys[0], "b" * 32):
        client.post(create_url(article), {"body": "Same words.", "submission_key": key})

    assert Comment.objects.filter(body="Same words.").count() == 2


def test_an_old_copy_of_a_form_used_for_new_words_posts_them(client, reader, article):
    key = "d" * 32
    client.post(create_url(article), {"body": "First words.", "submission_key": key})
    client.post(create_url(article), {"body": "Other words.", "submission_key": key})

    assert set(Comment.objects.values_list("body", flat=True)) == {"First words.", "Other words."}
