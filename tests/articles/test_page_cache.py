"""The anonymous page cache: shared copies for readers, replaced the moment a page changes."""

import re
import threading
import time

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.signals import template_rendered
from django.test.utils import CaptureQueriesContext
from wagtail.contrib.frontend_cache.backends.base import BaseBackend
from wagtail.models import PageViewRestriction

from newsroom.accounts.services import account_delete
from newsroom.core import page_cache
from newsroom.core.cache import ResilientRedisCache
from newsroom.discussion.models import Comment
from newsroom.discussion.services import (
    comment_create,
    comment_delete_by_author,
    comment_edit,
    report_create,
    vote_cast,
)
from newsroom.listings.importer import listing_feed_import
from newsroom.moderation.models import MODERATORS_GROUP
from newsroom.moderation.services import (
    comment_approve,
    comment_feature,
    comment_reject,
    comment_remove,
    comments_bulk_moderate,
    moderator_note_create,
)
from tests.core.redis_server import free_port
from tests.factories import (
    ArticlePageFactory,
    CommentFactory,
    SectionPageFactory,
    UserFactory,
)
from tests.listings.factories import ProviderFactory
from tests.listings.feeds import feed_row, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """Every test here is about the cache, which the suite otherwise turns off."""


@pytest.fixture(autouse=True)
def _trusted_readers(trusted_readers):
    """Comments publish at once, so each one changes what the page shows."""


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="The harbour reopens")


def read(client, url, **query):
    response = client.get(url, query)
    return response.headers.get("X-Page-Cache"), response.content.decode()


def test_the_second_anonymous_reader_gets_the_stored_copy_without_a_query(
    client, article, django_assert_num_queries
):
    first, page = read(client, article.url)

    with django_assert_num_queries(0):
        response = client.get(article.url)

    assert first == "miss"
    assert response.headers["X-Page-Cache"] == "hit"
    assert response.content.decode() == page
    assert "Cookie" in response.headers["Vary"]
    assert "csrfmiddlewaretoken" not in page and "X-CSRFToken" not in page
    assert not response.cookies


def test_a_stored_copy_carries_the_same_security_headers_as_a_fresh_page(client, article):
    fresh = client.get(article.url)
    stored = client.get(article.url)

    assert (fresh.headers["X-Page-Cache"], stored.headers["X-Page-Cache"]) == ("miss", "hit")
    for header in ("Content-Security-Policy", "X-Frame-Options", "X-Content-Type-Options"):
        assert stored.headers.get(header), header
    # The fresh page's nonce is its own; the stored copy's scripts are all from the site.
    without_nonce = re.sub(r" 'nonce-[^']+'", "", fresh.headers["Content-Security-Policy"])
    assert stored.headers["Content-Security-Policy"] == without_nonce


def test_each_address_has_its_own_copy(client, article):
    read(client, article.url)

    assert read(client, article.url, sort="newest")[0] == "miss"
    assert read(client, article.url, sort="newest")[0] == "hit"


def test_a_new_comment_shows_on_the_next_request(client, article):
    read(client, article.url)

    comment_create(article=article, author=UserFactory(), body="Fresh from the quay.")
    status, page = read(client, article.url)

    assert status == "miss" and "Fresh from the quay." in page


def test_a_comment_count_on_the_home_page_follows_new_comments(client, article):
    read(client, "/")

    comment_create(article=article, author=UserFactory(), body="A first word.")
    status, page = read(client, "/")

    assert status == "miss" and "1 comment" in page


def test_a_vote_changes_the_score_on_the_next_request(client, article):
    comment = CommentFactory(article=article)
    read(client, article.url)

    vote_cast(comment=comment, voter=UserFactory(), value=1)
    status, page = read(client, article.url)

    assert status == "miss" and 'title="+1 / -0">+1</span>' in page


def test_a_vote_on_one_article_keeps_the_others_stored(client, article):
    other = ArticlePageFactory(parent=article.get_parent())
    comment = CommentFactory(article=other)
    read(client, article.url)

    vote_cast(comment=comment, voter=UserFactory(), value=-1)

    assert read(client, article.url)[0] == "hit"


def test_a_removed_comment_disappears_on_the_next_request(client, article):
    comment = CommentFactory(article=article, body_html="<p>Out of bounds.</p>")
    read(client, article.url)

    comment_remove(comment=comment, moderator=UserFactory(is_superuser=True))

    assert "Out of bounds." not in read(client, article.url)[1]


def test_a_moderator_note_shows_on_the_next_request(client, article, moderator):
    read(client, article.url)

    moderator_note_create(article=article, moderator=moderator, body="Please stay on topic.")

    assert "Please stay on topic." in read(client, article.url)[1]


def test_a_deleted_account_loses_its_name_on_the_next_request(client, article):
    author = UserFactory(display_name="Named Reader")
    CommentFactory(article=article, author=author)
    read(client, article.url)

    account_delete(user=author)

    assert "Named Reader" not in read(client, article.url)[1]


def test_publishing_a_story_updates_more_in_section_at_once(client, article):
    read(client, article.url)

    ArticlePageFactory(parent=article.get_parent(), title="Ferries run again")

    assert "Ferries run again" in read(client, article.url)[1]


def test_an_unpublished_story_is_gone_at_once(client, article):
    read(client, article.url)

    article.unpublish()

    assert client.get(article.url).status_code == 404


@pytest.mark.parametrize("restricted", ["article", "section"])
def test_a_story_made_private_is_no_longer_served_from_its_copy(client, article, restricted):
    assert read(client, article.url)[0] == "miss"
    assert read(client, article.url)[0] == "hit"

    page = article if restricted == "article" else article.get_parent()
    PageViewRestriction.objects.create(page=page, restriction_type="login")

    response = client.get(article.url)
    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={article.url}"  # the site's own sign-in
    PageViewRestriction.objects.all().delete()
    assert read(client, article.url)[0] == "miss"


def test_a_page_is_served_with_one_small_query_for_view_restrictions_while_none_is_set(
    client, article, settings
):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    ancestors = 'SELECT "wagtailcore_page"."id", "wagtailcore_page"."alias_of_id" FROM'

    def served() -> list[str]:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(article.url).status_code == 200
        return [q["sql"] for q in queries.captured_queries]

    client.get(article.url)
    restrictions = [sql for sql in served() if "pageviewrestriction" in sql]
    assert len(restrictions) == 1 and "LIMIT 1" in restrictions[0]  # whether there is any
    assert not any(sql.startswith(ancestors) for sql in served())  # nor Wagtail's read of them

    # A restriction anywhere: Wagtail checks the page's ancestors as before, at once.
    PageViewRestriction.objects.create(page=SectionPageFactory(), restriction_type="login")
    assert any(sql.startswith(ancestors) for sql in served())


class RecordingPurge(BaseBackend):
    """A CDN in front, as Wagtail's frontend cache sees one: the addresses it is told to drop."""

    purged: list[str] = []

    def purge(self, url: str) -> None:
        self.purged.append(url)


def test_a_section_made_private_is_purged_from_a_cdn_in_front(
    article, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {"BACKEND": f"{__name__}.RecordingPurge", "HOSTNAMES": ["*"]}
    }
    section = article.get_parent()
    other = ArticlePageFactory(parent=SectionPageFactory())
    RecordingPurge.purged = []  # publishing them purged them

    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=section, restriction_type="login")

    purged = {url.split("//", 1)[1].split("/", 1)[1] for url in RecordingPurge.purged}
    assert {section.url.lstrip("/"), article.url.lstrip("/")} <= purged
    assert other.url.lstrip("/") not in purged


def test_a_listings_import_fills_the_box_beside_stored_stories(client, article, tmp_path):
    read(client, article.url)

    feed = write_csv(tmp_path / "feed.csv", [feed_row("SED-7", title="Riverside duplex")])
    listing_feed_import(path=feed, provider=ProviderFactory(), full=True)

    assert "Riverside duplex" in read(client, article.url)[1]


def test_a_change_while_the_page_renders_leaves_that_copy_unserved(client, article):
    def change_once(sender, **kwargs):
        template_rendered.disconnect(change_once)
        page_cache.site_changed()

    template_rendered.connect(change_once)
    read(client, article.url)

    assert read(client, article.url)[0] == "miss"
    assert read(client, article.url)[0] == "hit"


def test_signed_in_readers_never_get_or_leave_a_stored_copy(client, article):
    read(client, article.url)
    client.force_login(UserFactory(display_name="Signed In"))

    signed_in = client.get(article.url)
    client.logout()
    anonymous = client.get(article.url)

    assert "X-Page-Cache" not in signed_in.headers
    assert 'id="comment-form"' in signed_in.content.decode()
    assert "Signed In" not in anonymous.content.decode()


def test_a_reader_with_a_message_waiting_gets_a_fresh_page(client, article):
    read(client, article.url)
    client.cookies["messages"] = "pending"

    assert "X-Page-Cache" not in client.get(article.url).headers


def test_an_htmx_request_for_a_page_is_neither_stored_nor_served_a_copy(client, article):
    client.get(article.url, headers={"HX-Request": "true"})
    assert "X-Page-Cache" not in client.get(article.url, headers={"HX-Request": "true"}).headers

    assert read(client, article.url)[0] == "miss"


def test_signed_in_requests_neither_store_nor_claim_a_copy(client, article, rf):
    client.force_login(UserFactory())

    client.get(article.url)

    key = page_cache.page_key(rf.get(article.url))
    assert cache.get(key) is None
    assert cache.get(page_cache.render_claim_key(rf.get(article.url))) is None


def test_the_cache_can_be_turned_off(client, article, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    read(client, article.url)

    assert read(client, article.url)[0] is None


def test_a_stored_copy_is_answered_before_sessions_and_authentication_run(client, article):
    read(client, article.url)

    response = client.get(article.url)

    assert response.headers["X-Page-Cache"] == "hit"
    assert not hasattr(response.wsgi_request, "session")
    assert not hasattr(response.wsgi_request, "user")


def test_a_stored_copy_tells_a_cdn_how_to_keep_revalidate_and_purge_it(client, article, settings):
    settings.NEWSROOM_CDN_CACHE_SECONDS = 60
    settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS = 30
    first = client.get(article.url)
    hit = client.get(article.url)

    for response in (first, hit):
        assert response.headers["Cache-Control"] == (
            "public, max-age=0, s-maxage=60, stale-while-revalidate=30"
        )
        assert response.headers["ETag"] == first.headers["ETag"]
        assert f"article-{article.pk}" in response.headers["Surrogate-Key"].split()
        assert f"article-{article.pk}" in response.headers["Cache-Tag"].split(",")
        assert "X-Frame-Options" in response.headers  # the rendered response's own headers


def test_a_reader_holding_the_current_copy_gets_a_304(client, article):
    etag = client.get(article.url).headers["ETag"]
    modified = client.get(article.url).headers["Last-Modified"]

    assert client.get(article.url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(article.url, headers={"If-Modified-Since": modified}).status_code == 304


def test_a_reader_holding_a_retired_copy_gets_the_new_page(client, article):
    etag = client.get(article.url).headers["ETag"]

    page_cache.article_changed(article.pk)
    CommentFactory(article=article, body_html="<p>A later word.</p>")
    response = client.get(article.url, headers={"If-None-Match": etag})

    assert response.status_code == 200 and "A later word." in response.content.decode()


def test_a_page_about_one_reader_is_private(client, article):
    client.force_login(UserFactory())

    assert "private" in client.get(article.url).headers["Cache-Control"]


def test_while_one_request_renders_a_retired_page_the_others_get_the_previous_copy(
    client, article, django_assert_num_queries
):
    _, before = read(client, article.url)
    page_cache.article_changed(article.pk)
    claim = page_cache.render_claim_key(client.get(article.url).wsgi_request)
    page_cache.article_changed(article.pk)
    cache.add(claim, time.time())  # another request, maybe another process, renders it now

    with django_assert_num_queries(0):
        response = client.get(article.url)

    assert response.headers["X-Page-Cache"] == "stale"
    assert response.content.decode() == before
    cache.delete(claim)
    assert read(client, article.url)[0] == "miss"


def test_with_no_copy_yet_a_request_waits_for_the_single_render(
    client, article, django_assert_num_queries
):
    read(client, article.url)
    request = client.get(article.url).wsgi_request
    key, claim = page_cache.page_key(request), page_cache.render_claim_key(request)
    copy = cache.get(key)
    cache.delete(key)
    cache.add(claim, time.time())
    threading.Timer(0.2, lambda: cache.set(key, copy)).start()  # the other render finishes

    with django_assert_num_queries(0):
        response = client.get(article.url)

    assert response.headers["X-Page-Cache"] == "hit"


def test_a_request_that_waited_too_long_renders_the_page_itself(client, article, monkeypatch):
    monkeypatch.setattr(page_cache, "RENDER_WAIT_SECONDS", 0.05)
    request = client.get(article.url, {"probe": 1}).wsgi_request
    cache.delete(page_cache.page_key(request))
    cache.add(page_cache.render_claim_key(request), time.time())  # a render that never ends

    response = client.get(article.url, {"probe": 1})

    assert response.status_code == 200 and response.headers["X-Page-Cache"] == "miss"


def test_an_abandoned_claim_keeps_nobody_on_the_previous_copy(client, article):
    read(client, article.url)
    claim = page_cache.render_claim_key(client.get(article.url).wsgi_request)
    page_cache.article_changed(article.pk)
    # Made before RENDER_WAIT_SECONDS ago: a request that died, or a claim a paused Redis
    # stored once it resumed, after the request had given up on it.
    cache.add(claim, time.time() - page_cache.RENDER_WAIT_SECONDS - 1)

    response = client.get(article.url)

    assert response.headers["X-Page-Cache"] == "miss"
    assert cache.get(claim) is None  # taken over, then let go


def test_with_the_cache_unreachable_a_page_renders_at_once(client, article, monkeypatch):
    unreachable = ResilientRedisCache(
        f"redis://127.0.0.1:{free_port()}/0",
        {"OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2}},
    )
    monkeypatch.setattr(page_cache, "cache", unreachable)

    def wait_for(self, key):
        raise AssertionError("waited for a render nobody claimed")

    monkeypatch.setattr(page_cache.AnonymousPageCacheMiddleware, "_wait_for", wait_for)

    response = client.get(article.url)

    assert response.status_code == 200 and response.headers["X-Page-Cache"] == "miss"


def test_a_vote_keeps_the_home_and_section_pages_stored(client, article):
    section = article.get_parent()
    read(client, "/")
    read(client, section.url)

    page_cache.article_changed(article.pk)

    assert read(client, "/")[0] == "hit"
    assert read(client, section.url)[0] == "hit"
    assert read(client, article.url)[0] == "miss"


def test_a_comment_count_retires_its_section_teasers_and_the_home_page_only(client, article):
    section = article.get_parent()
    sibling = ArticlePageFactory(parent=section)
    elsewhere = ArticlePageFactory(parent=SectionPageFactory(parent=section.get_parent()))
    for page in (article, sibling, elsewhere, section):
        read(client, page.url)
    read(client, "/")

    page_cache.comment_count_changed(article.pk, section.path)

    assert read(client, "/")[0] == "miss"
    assert read(client, section.url)[0] == "miss"
    assert read(client, article.url)[0] == "miss"
    assert read(client, sibling.url)[0] == "miss"  # its "More in" teasers count comments
    assert read(client, elsewhere.url)[0] == "hit"


@pytest.fixture
def moderator():
    user = UserFactory(display_name="Mod Page", slug="mod-page")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


# Every service that writes a comment, as (name, call, whether the published count changes).
COMMENT_WRITES = [
    ("comment_create", lambda c, m: comment_create(
        article=c.article, author=UserFactory(), body="A second word."), True),
    ("comment_reply", lambda c, m: comment_create(
        article=c.article, author=UserFactory(), body="An answer.", parent=c), True),
    ("comment_edit", lambda c, m: comment_edit(
        comment=c, editor=c.author, body="Second thoughts."), False),
    ("comment_delete_by_author", lambda c, m: comment_delete_by_author(
        comment=c, author=c.author), True),
    ("vote_cast", lambda c, m: vote_cast(comment=c, voter=UserFactory(), value=1), False),
    ("report_create", lambda c, m: report_create(
        comment=c, reporter=UserFactory(), reason="REPORTED_SPAM"), True),
    ("comment_approve", lambda c, m: comment_approve(
        comment=_pending(c), moderator=m), True),
    ("comment_reject", lambda c, m: comment_reject(
        comment=c, moderator=m, reason="spam"), True),
    ("comment_remove", lambda c, m: comment_remove(comment=c, moderator=m), True),
    ("comment_feature", lambda c, m: comment_feature(comment=c, moderator=m), False),
    ("comments_bulk_moderate", lambda c, m: comments_bulk_moderate(
        comments=[_pending(c)], moderator=m, action="approve"), True),
]  # fmt: skip


def _pending(comment):
    Comment.objects.filter(pk=comment.pk).update(status=Comment.Status.PENDING)
    comment.refresh_from_db()
    return comment


@pytest.mark.parametrize(
    ("write", "counts"),
    [(write, counts) for _, write, counts in COMMENT_WRITES],
    ids=[name for name, _, _ in COMMENT_WRITES],
)
def test_each_comment_write_retires_its_article_and_only_what_shows_it(
    client, article, moderator, settings, django_capture_on_commit_callbacks, write, counts
):
    settings.NEWSROOM_REPORTS_TO_HIDE = 1
    comment = CommentFactory(article=article)
    other_section = SectionPageFactory(parent=article.get_parent().get_parent())
    elsewhere = ArticlePageFactory(parent=other_section)
    for url in (article.url, elsewhere.url, "/"):
        read(client, url)

    with django_capture_on_commit_callbacks(execute=True):
        write(comment, moderator)

    assert read(client, article.url)[0] == "miss"
    assert read(client, elsewhere.url)[0] == "hit"
    assert read(client, "/")[0] == ("miss" if counts else "hit")
