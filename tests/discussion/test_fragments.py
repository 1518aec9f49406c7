"""Each comment's shared HTML is kept, and a change to anything it shows is a new fragment."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache

from newsroom.accounts.services import user_set_display_name
from newsroom.discussion.fragments import FragmentRender
from newsroom.discussion.selectors import comment_stream_for_article
from newsroom.discussion.services import comment_edit, vote_cast
from newsroom.moderation.services import comment_remove
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

STALE = '<article class="comment">A stale copy of the comment</article>'


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
