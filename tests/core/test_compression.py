"""Gzip: the pages every anonymous reader shares, never a page with a secret in it (BREACH)."""

import gzip

import pytest
from django.urls import reverse

from tests.factories import ArticlePageFactory, UserFactory

pytestmark = pytest.mark.django_db

GZIP = {"Accept-Encoding": "gzip, deflate, br"}


@pytest.fixture(autouse=True)
def _cache_on(page_cache):
    """Only pages the page cache shares are compressed, so it is on here."""


@pytest.fixture
def article(home):
    return ArticlePageFactory(title="The harbour reopens")


def test_an_anonymous_reader_gets_the_article_page_compressed(client, article):
    fresh = client.get(article.url, headers=GZIP)
    stored = client.get(article.url, headers=GZIP)

    for response in (fresh, stored):
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert b"The harbour reopens" in gzip.decompress(response.content)
    assert (fresh["X-Page-Cache"], stored["X-Page-Cache"]) == ("miss", "hit")


def test_a_reader_holding_the_compressed_copy_gets_a_304(client, article):
    etag = client.get(article.url, headers=GZIP)["ETag"]

    assert etag.startswith('W/"')
    again = client.get(article.url, headers={**GZIP, "If-None-Match": etag})
    assert again.status_code == 304


def test_a_client_that_does_not_accept_gzip_gets_plain_html(client, article):
    response = client.get(article.url)

    assert "Content-Encoding" not in response
    assert b"The harbour reopens" in response.content


def test_a_signed_in_readers_page_with_its_csrf_token_is_never_compressed(client, article):
    client.force_login(UserFactory())

    response = client.get(article.url, headers=GZIP)

    assert "X-CSRFToken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_the_sign_in_page_with_its_csrf_token_is_never_compressed(client, home):
    response = client.get(reverse("account_login"), headers=GZIP)

    assert "csrfmiddlewaretoken" in response.content.decode()
    assert "Content-Encoding" not in response


def test_search_results_echoing_the_query_are_not_compressed(client, article):
    response = client.get(reverse("search:results"), {"q": "harbour"}, headers=GZIP)

    assert response.status_code == 200
    assert "Content-Encoding" not in response


def test_the_feed_is_compressed(client, article):
    response = client.get(reverse("feeds:latest"), headers=GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert b"The harbour reopens" in gzip.decompress(response.content)


def test_with_the_page_cache_off_nothing_is_compressed(client, article, settings):
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0

    assert "Content-Encoding" not in client.get(article.url, headers=GZIP)
