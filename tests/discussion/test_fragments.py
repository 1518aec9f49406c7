"""Each comment's shared HTML is kept, and a change to anything it shows is a new fragment."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from newsroom.accounts.services import user_set_display_name
from newsroom.discussion import fragments
from newsroom.discussion.fragments import FragmentRender
from newsroom.discussion.selectors import comment_stream_for_article
from newsroom.discussion.services import comment_edit, vote_cast
from newsroom.moderation.services import comment_remove
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

STALE = '<article class="comment">A stale copy of the comment</article>'
TOKEN_STAND_IN = '<input type="hidden" name="csrfmiddlewaretoken" value="kept-fragment-token">'


@pytest.fixture
def comment(article):
    author = UserFactory(display_name="Ayumi")
    comment = CommentFactory(article=article, author=author, body="The pier is open again.")
    CommentFactory(article=article, parent=comment, body="Since this morning.")
    return comment


def keep_a_stale_copy(article) -> None:
    """Overwrite what the cache holds for the first comment as every reader sees it."""
    card = comment_stream_for_article(article=article, viewer=AnonymousUser()).threads[0]
    key = FragmentRender(focus_id=None).key(card)
    assert key is not None and cache.get(key) is not None, "the first render kept it"
    cache.set(key, STALE)


def test_a_comment_is_rendered_once_and_then_read_from_the_cache(client, comment):
    client.get(comment.article.url)
    keep_a_stale_copy(comment.article)

    assert STALE in client.get(comment.article.url).content.decode()


def test_a_new_release_renders_every_comment_anew(client, comment, monkeypatch):
    client.get(comment.article.url)
    keep_a_stale_copy(comment.article)

    monkeypatch.setattr(fragments, "code_digest", lambda: "the-next-release")
    page = client.get(comment.article.url).content.decode()
    assert STALE not in page and "The pier is open again." in page


CHANGES = {
    "its words": (
        lambda c: comment_edit(comment=c, editor=c.author, body="The pier closes at six."),
        "The pier closes at six.",
    ),
    "its author's name": (
        lambda c: user_set_display_name(user=c.author, display_name="Ayumi K"),
        "Ayumi K",
    ),
    "its score": (
        lambda c: vote_cast(comment=c, voter=UserFactory(), value=1),
        'title="+1 / -0">+1</span>',
    ),
    # The reply keeps the removed comment in its place, as a tombstone.
    "its status": (
        lambda c: comment_remove(comment=c, moderator=UserFactory(is_superuser=True)),
        "[removed by a moderator]",
    ),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_to_what_a_comment_shows_is_rendered_anew(client, comment, change):
    write, shown = change
    client.get(comment.article.url)
    keep_a_stale_copy(comment.article)

    write(comment)
    page = client.get(comment.article.url).content.decode()

    assert STALE not in page
    assert shown in page


TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


def kept_fragments(article, viewer) -> list[str]:
    """What the cache holds for the threads as this viewer sees them."""
    render = FragmentRender(focus_id=None)
    threads = comment_stream_for_article(article=article, viewer=viewer).threads
    keys = [render.key(card) for card in threads]
    assert all(keys), "a reader who may act on every comment shares its fragments"
    return [cache.get(key) for key in keys]


def test_readers_who_may_vote_share_fragments_that_hold_no_one_s_token(comment):
    reader = UserFactory()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(reader)

    page = browser.get(comment.article.url).content.decode()

    kept = kept_fragments(comment.article, reader)
    assert all(kept) and all(set(TOKENS.findall(html)) == {"kept-fragment-token"} for html in kept)
    assert "kept-fragment-token" not in page
    (token, *_) = TOKENS.findall(page)
    vote = browser.post(
        reverse("discussion:comment-vote", args=[comment.pk]),
        {"value": "up", "csrfmiddlewaretoken": token},
    )
    assert vote.status_code in (200, 302)
    comment.refresh_from_db()
    assert comment.upvotes == 1


def test_a_second_reader_gets_the_kept_fragment_with_their_own_token(client, comment):
    first, second = UserFactory(), UserFactory()
    client.force_login(first)
    client.get(comment.article.url)
    render = FragmentRender(focus_id=None)
    (card,) = comment_stream_for_article(article=comment.article, viewer=second).threads
    cache.set(render.key(card), STALE.replace("</article>", f"{TOKEN_STAND_IN}</article>"))

    client.force_login(second)
    page = client.get(comment.article.url).content.decode()

    assert "A stale copy of the comment" in page
    assert "kept-fragment-token" not in page
    assert all(token and token != "kept-fragment-token" for token in TOKENS.findall(page))
