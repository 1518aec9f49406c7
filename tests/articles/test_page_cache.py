"""The anonymous page cache: shared copies for readers, replaced the moment a page changes."""

import pytest
from django.core.cache import cache
from django.test.signals import template_rendered

from newsroom.accounts.services import account_delete
from newsroom.core import page_cache
from newsroom.discussion.services import comment_create, vote_cast
from newsroom.listings.importer import listing_feed_import
from newsroom.moderation.models import ModeratorNote
from newsroom.moderation.services import comment_remove
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory
from tests.listings.factories import ProviderFactory
from tests.listings.feeds import feed_row, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """Every test here is about the cache, which the suite otherwise turns off."""


@pytest.fixture(autouse=True)
def _trusted_readers(settings):
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0


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

    CommentFactory(article=article)
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


def test_a_moderator_note_shows_on_the_next_request(client, article):
    read(client, article.url)

    ModeratorNote.objects.create(
        article=article, author=UserFactory(), body="Please stay on topic."
    )

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


def test_signed_in_requests_do_not_touch_the_cache(client, article):
    client.force_login(UserFactory())
    cache.clear()  # publishing the article set a version

    client.get(article.url)

    assert cache.get(page_cache.SITE_VERSION) is None


def test_the_cache_can_be_turned_off(client, article, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    read(client, article.url)

    assert read(client, article.url)[0] is None
