"""One public address for every absolute link (issue 12, defect 2)."""

import pytest
from wagtail.models import Site

from newsroom.core.addresses import public_url, site_url
from tests.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


def test_site_url_wins_over_the_site_row(home, settings):
    settings.SITE_URL = "https://news.example"

    assert site_url() == "https://news.example"
    assert public_url("/politics/a-story/") == "https://news.example/politics/a-story/"


def test_without_site_url_the_default_site_is_the_address(home, settings):
    settings.SITE_URL = ""
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8123)

    assert site_url() == "http://127.0.0.1:8123"
    assert public_url("https://cdn.example/a.jpg") == "https://cdn.example/a.jpg"


def test_an_article_names_the_public_address_whatever_host_asked(client, home, settings):
    settings.SITE_URL = ""
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.filter(is_default_site=True).update(hostname="127.0.0.1", port=8123)
    article = ArticlePageFactory()

    html = client.get(article.url, HTTP_HOST="127.0.0.1:8123").content.decode()

    expected = f"http://127.0.0.1:8123{article.url}"
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html
    assert "http://localhost" not in html and "127.0.0.1:8000" not in html
