"""The site a page request is for, kept in the cache and retired when a site changes."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from tests.factories import SectionPageFactory

pytestmark = pytest.mark.django_db


def site_reads(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)


def test_a_page_request_reads_its_site_once_then_from_the_cache(client, home):
    section = SectionPageFactory(parent=home)

    assert site_reads(client, "/") == 1
    assert site_reads(client, "/") == 0
    assert site_reads(client, section.url) == 0


def test_the_root_page_is_kept_with_the_site_until_it_is_published_again(client, home):
    def root_reads() -> tuple[str, int]:
        with CaptureQueriesContext(connection) as queries:
            page = client.get("/").content.decode()
        return page, sum(
            'FROM "articles_homepage"' in q["sql"] and f'"page_ptr_id" = {home.pk} ' in q["sql"]
            for q in queries.captured_queries
        )

    client.get("/")
    assert root_reads()[1] == 0

    home.title = "The Evening Newsroom"
    home.save_revision().publish()
    page, reads = root_reads()
    assert reads == 1 and "The Evening Newsroom" in page


def test_a_site_given_another_root_serves_it_at_once(client, home):
    section = SectionPageFactory(parent=home, title="Weather desk")
    client.get("/")

    site = Site.objects.get(is_default_site=True)
    site.root_page = section
    site.save()

    assert "<h1>Weather desk</h1>" in client.get("/").content.decode()
