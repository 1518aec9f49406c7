"""A signed-in reader's own state, asked for by a page served from the shared copy."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.middleware.csrf import _unmask_cipher_token
from django.template.loader import render_to_string
from django.test import Client
from django.utils import timezone

from newsroom.discussion import fragments
from newsroom.discussion.models import Comment
from newsroom.discussion.selectors import STATE_IDS_AT_ONCE
from newsroom.discussion.services import vote_cast
from newsroom.moderation.models import MODERATORS_GROUP
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "/discussion/state/"


def state(client, article=None, comments=(), **query):
    params = {"ids": ",".join(str(c.pk) for c in comments), **query}
    if article is not None:
        params["article"] = article.pk
    return client.get(URL, params)


def test_an_anonymous_reader_is_told_they_are_not_signed_in(client, article):
    response = state(client, article)

    assert response.json() == {"signed_in": False}
    assert "no-store" in response.headers["Cache-Control"]


def test_a_reader_gets_their_votes_own_comments_and_the_comment_form(client, article, reader):
    others = CommentFactory.create_batch(3, article=article)
    vote_cast(comment=others[0], voter=reader, value=1)
    vote_cast(comment=others[1], voter=reader, value=-1)
    mine = CommentFactory(article=article, author=reader)
    old = CommentFactory(article=article, author=reader)
    Comment.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=1))

    response = state(client, article, [*others, mine, old], sort="newest")

    body = response.json()
    assert body["signed_in"] and not body["personal"]
    assert "private" in response.headers["Cache-Control"]
    assert reader.display_name in body["account"] and "Sign out" in body["account"]
    assert body["csrf"] and response.cookies["csrftoken"]
    discussion = body["discussion"]
    assert discussion["can_post"]
    assert discussion["votes"] == {str(others[0].pk): 1, str(others[1].pk): -1}
    # Their comments shown, with whether each may still be edited (any may be deleted).
    assert discussion["own"] == {str(mine.pk): True, str(old.pk): False}
    assert 'id="comment-form"' in discussion["footer"]
    assert 'name="csrfmiddlewaretoken"' in discussion["footer"]
    assert 'name="sort" value="newest"' in discussion["footer"]
    assert discussion["urls"]["vote"] == "/discussion/comments/0/vote/"


def test_the_kept_comment_form_carries_each_readers_own_token_and_a_fresh_key(
    client, article, reader, monkeypatch
):
    other = UserFactory()
    kept = []

    def render(template_name, *args, **kwargs):
        kept.append(render_to_string(template_name, *args, **kwargs))
        return kept[-1]

    monkeypatch.setattr(fragments, "render_to_string", render)
    forms = []
    for browser, who in ((client, reader), (client, reader), (Client(), other)):
        browser.force_login(who)
        body = state(browser, article).json()
        footer = body["discussion"]["footer"]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', footer)[1]
        key = re.search(r'name="submission_key" value="([0-9a-f]{32})"', footer)[1]
        forms.append((key, token, browser.cookies["csrftoken"].value))

    # Rendered once, for every reader who may post, with no one's token or key in it.
    assert len(kept) == 1 and 'id="comment-form"' in kept[0]
    assert 'name="csrfmiddlewaretoken" value="kept-fragment-token"' in kept[0]
    assert 'name="submission_key" value="kept-submission-key"' in kept[0]
    assert len({key for key, _, _ in forms}) == 3
    for _, token, secret in forms:
        assert _unmask_cipher_token(token) == secret  # the reader's own, from their cookie
    assert forms[0][2] != forms[2][2]  # two browsers, two tokens: neither got the other's


def test_only_the_comments_the_page_shows_are_answered_for(client, article, reader):
    shown, unshown = CommentFactory.create_batch(2, article=article)
    vote_cast(comment=unshown, voter=reader, value=1)
    elsewhere = CommentFactory(author=reader)

    discussion = state(client, article, [shown, elsewhere])
    assert discussion.json()["discussion"]["votes"] == {}
    assert discussion.json()["discussion"]["own"] == {}


def test_a_reader_who_may_not_post_is_told_why_instead_of_the_form(client, article):
    unverified = UserFactory(verified=False)
    client.force_login(unverified)

    discussion = state(client, article).json()["discussion"]

    assert not discussion["can_post"]
    assert "Verify your email address" in discussion["footer"]
    assert "comment-form" not in discussion["footer"]


@pytest.mark.parametrize("status", [Comment.Status.PENDING, Comment.Status.REJECTED])
def test_a_reader_with_a_comment_only_they_see_here_needs_their_own_page(
    client, article, reader, status
):
    CommentFactory(article=article, author=reader, status=status)

    assert state(client, article).json() == {"signed_in": True, "personal": True}
    assert state(client).json()["personal"] is False  # elsewhere they share


def test_a_moderator_needs_their_own_page(client, article):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    client.force_login(moderator)

    assert state(client, article).json() == {"signed_in": True, "personal": True}
    assert state(client).json() == {"signed_in": True, "personal": True}


def test_staff_need_their_own_page(client, article):
    client.force_login(UserFactory(is_staff=True))

    assert state(client, article).json() == {"signed_in": True, "personal": True}


def test_a_page_without_a_discussion_gets_the_account_links_only(client, reader):
    body = state(client).json()

    assert body["discussion"] is None and reader.display_name in body["account"]


@pytest.mark.parametrize(
    "query",
    [{"ids": "1,x"}, {"ids": "0"}, {"ids": "-4"}, {"ids": ",".join(["7"] * 1001)},
     {"ids": "1", "article": "abc"}],
    ids=["not a number", "zero", "negative", "too many", "bad article"],
)  # fmt: skip
def test_bad_input_is_a_400_with_a_message(client, reader, query):
    response = client.get(URL, query)

    assert response.status_code == 400
    assert response.content


def test_an_article_that_does_not_exist_is_a_404(client, reader):
    assert client.get(URL, {"article": 987654, "ids": ""}).status_code == 404


def test_the_cost_does_not_grow_with_the_comments_shown_up_to_a_query_of_votes(
    client, article, reader, django_assert_num_queries
):
    few = CommentFactory.create_batch(2, article=article)
    many = CommentFactory.create_batch(40, article=article)
    for comment in many[:10]:
        vote_cast(comment=comment, voter=reader, value=1)
    state(client, article, few)  # the reader's permissions and session, loaded once

    # The session, the reader, whether they moderate, their unread notices, the article
    # (its view restrictions asked with it), their comments shown, their standing, their
    # votes.
    with django_assert_num_queries(8) as small:
        state(client, article, few)
    with django_assert_num_queries(len(small.captured_queries)):
        state(client, article, few + many)


def test_votes_among_more_comments_than_one_query_takes_are_all_found(
    client, article, reader, django_assert_num_queries
):
    comments = CommentFactory.create_batch(STATE_IDS_AT_ONCE + 6, article=article)
    for comment in comments[::5]:
        vote_cast(comment=comment, voter=reader, value=-1)
    state(client, article, comments[:2])

    # As for a page of at most STATE_IDS_AT_ONCE comments, and a second query of the
    # reader's comments and of their votes.
    with django_assert_num_queries(10):
        response = state(client, article, comments)

    assert response.json()["discussion"]["votes"] == {str(c.pk): -1 for c in comments[::5]}
