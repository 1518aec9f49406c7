"""Signed-in readers served the shared copy: what they get, and that nothing of theirs is kept."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import RequestFactory

from newsroom.core import page_cache
from newsroom.discussion.models import Comment
from newsroom.discussion.services import vote_cast
from newsroom.moderation.models import MODERATORS_GROUP
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

SHARED = page_cache.SHARED_COPY_COOKIE


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """The shared copy is the page cache's."""


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="The harbour reopens")


@pytest.fixture
def aiko():
    return UserFactory(display_name="Aiko Privateer", email="aiko@example.com")


@pytest.fixture
def bram():
    return UserFactory(display_name="Bram Privateer", email="bram@example.com")


@pytest.fixture
def moderator():
    user = UserFactory(display_name="Mira Moderator", email="mira@example.com")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


def sign_in(client, user, *, shared=True):
    client.force_login(user)
    if shared:
        client.cookies[SHARED] = "1"


def stored(url: str) -> page_cache.CachedPage | None:
    return cache.get(page_cache.page_key(RequestFactory().get(url)))


def test_a_signed_in_reader_who_shares_gets_the_copy_every_reader_gets(client, article, aiko):
    anonymous = client.get(article.url)
    sign_in(client, aiko)

    response = client.get(article.url)

    assert (anonymous.headers["X-Page-Cache"], response.headers["X-Page-Cache"]) == ("miss", "hit")
    assert response.content == anonymous.content
    # Answered before sessions and authentication: nothing about the reader was even read.
    assert not hasattr(response.wsgi_request, "user")
    assert not response.cookies


def test_without_a_stored_copy_the_reader_gets_their_own_page_and_nothing_is_kept(
    client, article, aiko
):
    sign_in(client, aiko)

    response = client.get(article.url)

    assert "X-Page-Cache" not in response.headers
    assert "Aiko Privateer" in response.content.decode()
    assert stored(article.url) is None


def test_a_retired_copy_is_rendered_again_as_for_nobody_by_a_signed_in_reader(
    client, article, aiko
):
    client.get(article.url)
    page_cache.article_changed(article.pk)
    sign_in(client, aiko)

    response = client.get(article.url)

    assert response.headers["X-Page-Cache"] == "miss"
    assert "Aiko Privateer" not in response.content.decode()
    assert "Aiko Privateer" not in stored(article.url).content.decode()
    assert stored(article.url).is_current()


def test_without_the_cookie_a_signed_in_reader_gets_their_own_page(client, article, aiko):
    client.get(article.url)
    sign_in(client, aiko, shared=False)

    response = client.get(article.url)

    assert "X-Page-Cache" not in response.headers
    assert 'data-reader="shared"' in response.content.decode()
    assert 'id="comment-form"' in response.content.decode()


@pytest.mark.parametrize(
    ("headers", "cookies"),
    [({"HX-Request": "true"}, {}), ({}, {"messages": "pending"})],
    ids=["htmx", "message waiting"],
)
def test_an_htmx_request_or_a_waiting_message_gets_the_readers_own_page(
    client, article, aiko, headers, cookies
):
    client.get(article.url)
    sign_in(client, aiko)
    for name, value in cookies.items():
        client.cookies[name] = value

    response = client.get(article.url, headers=headers)

    assert "X-Page-Cache" not in response.headers
    assert "Aiko Privateer" in response.content.decode()


@pytest.mark.parametrize("who", ["staff", "moderator"])
def test_staff_and_moderators_are_told_not_to_share(client, article, moderator, who):
    sign_in(client, UserFactory(is_staff=True) if who == "staff" else moderator, shared=False)

    assert 'data-reader="personal"' in client.get(article.url).content.decode()


def test_a_page_not_shared_with_signed_in_readers_is_rendered_for_them(client, article, aiko):
    """Only pages whose script applies the reader's state are served shared (feeds are
    stored for anonymous readers but make nothing of a reader)."""
    client.get("/feeds/latest/")
    assert stored("/feeds/latest/") is not None
    sign_in(client, aiko)

    response = client.get("/feeds/latest/")

    assert "X-Page-Cache" not in response.headers


def test_no_readers_private_state_is_ever_stored_or_served_shared(
    client, article, aiko, bram, moderator
):
    """Two readers and a moderator, each with and without the cookie, read every kind of
    shared page while the copies are retired between them; no stored copy and no shared
    answer holds anything of theirs."""
    voted = CommentFactory(article=article, body_html="<p>Ferries at dawn.</p>")
    vote_cast(comment=voted, voter=aiko, value=1)
    CommentFactory(
        article=article,
        author=bram,
        status=Comment.Status.REJECTED,
        rejection_reason="spam",
        body_html="<p>Bram was turned down.</p>",
    )
    CommentFactory(
        article=article,
        author=aiko,
        status=Comment.Status.PENDING,
        body_html="<p>Aiko waits for review.</p>",
    )
    urls = ["/", article.get_parent().url, article.url, article.url + "?sort=newest"]
    private = [
        "Aiko Privateer", "Bram Privateer", "Mira Moderator", "aiko@example.com",
        "Aiko waits for review.", "awaiting review", "Held for review", "Sign out",
        "Bram was turned down.", "rejected",
        "csrfmiddlewaretoken", "X-CSRFToken", "data-reader=", 'id="comment-form"',
        "vote__button", ">Edit<", ">Delete<", ">Report<", "new notice",
    ]  # fmt: skip
    shared_answers = []
    for round_ in range(2):
        for user in (aiko, bram, moderator):
            for shared in (True, False):
                client.logout()
                client.cookies.pop(SHARED, None)
                if round_ == 1:
                    for url in urls:  # an anonymous reader stores copies first
                        client.get(url)
                sign_in(client, user, shared=shared)
                for url in urls:
                    response = client.get(url)
                    assert response.status_code == 200
                    if "X-Page-Cache" in response.headers:
                        shared_answers.append(response.content.decode())
                page_cache.article_changed(article.pk)
                page_cache.site_changed()

    copies = [stored(url) for url in urls]
    kept = [copy.content.decode() for copy in copies if copy is not None]
    assert kept and shared_answers
    for text in kept + shared_answers:
        for secret in private:
            assert secret not in text
