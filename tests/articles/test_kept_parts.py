"""The lasting parts of a page (menu, story, listings box, teasers), kept between renders.

The page cache is off here, as on a busy story whose copy every comment retires: the page
is rendered each time, and what did not change is joined back in from the cache.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site
from wagtail.rich_text import RichText

from newsroom.core import page_cache
from newsroom.discussion.services import comment_create
from newsroom.listings.importer import listing_feed_import
from tests.factories import ArticlePageFactory, SectionPageFactory, SourceFactory, UserFactory
from tests.listings.factories import ProviderFactory
from tests.listings.feeds import feed_row, write_csv

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _trusted_readers(trusted_readers):
    """Comments publish at once, so each one changes a count."""


@pytest.fixture
def section(home):
    return SectionPageFactory(parent=home, title="Harbour")


@pytest.fixture
def article(section):
    return ArticlePageFactory(parent=section, title="The harbour reopens")


def page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    assert "X-Page-Cache" not in response.headers  # rendered, not a stored copy
    return response.content.decode()


def parts_read(client, url: str) -> set[str]:
    """Which of the lasting parts' queries rendering the page ran."""
    with CaptureQueriesContext(connection) as queries:
        page(client, url)
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    wheres = [query["sql"].partition(" WHERE ")[2] for query in queries.captured_queries]
    reads = {
        "tags": '"taggit_tag"' in sql,
        "listings": '"listings_listing"' in sql,
        "import runs": '"listings_importrun"' in sql,
        "menu": any('"show_in_menus"' in where for where in wheres),
        "teasers": ' AS "comment_count"' in sql,
    }
    return {part for part, read in reads.items() if read}


def test_a_page_rendered_again_reads_only_what_changes_with_its_discussion(client, article):
    ArticlePageFactory(parent=article.get_parent(), title="Ferries run again")

    assert parts_read(client, article.url) == {"tags", "listings", "import runs", "menu", "teasers"}
    assert parts_read(client, article.url) == set()
    html = page(client, article.url)
    assert "Ferries run again" in html and "The first paragraph of the story." in html
    assert 'aria-current="page">Harbour</a>' in html


def test_another_story_in_the_section_shows_in_more_in_at_once(client, article):
    page(client, article.url)

    ArticlePageFactory(parent=article.get_parent(), title="Ferries run again")

    assert "Ferries run again" in page(client, article.url)


def test_a_comment_on_a_story_beside_it_changes_that_teaser_count(client, article):
    beside = ArticlePageFactory(parent=article.get_parent(), title="Ferries run again")
    assert "1 comment" not in page(client, article.url)

    comment_create(article=beside, author=UserFactory(), body="About time.")

    assert "1 comment" in page(client, article.url)


def test_a_comment_elsewhere_on_the_site_leaves_the_kept_teasers_alone(client, article, home):
    elsewhere = ArticlePageFactory(parent=SectionPageFactory(parent=home, title="Markets"))
    page(client, article.url)

    comment_create(article=elsewhere, author=UserFactory(), body="Rates again.")

    assert "teasers" not in parts_read(client, article.url)


def test_a_republished_story_shows_its_new_words_at_once(client, article):
    page(client, article.url)

    article.body = [("paragraph", RichText("<p>A writethru with the toll confirmed.</p>"))]
    article.save_revision().publish()

    html = page(client, article.url)
    assert "A writethru with the toll confirmed." in html
    assert "The first paragraph of the story." not in html


def test_a_republished_headline_shows_in_the_page_s_kept_meta_at_once(client, article):
    assert f'"headline": "{article.title}"' in page(client, article.url)

    article.title = "Ferry toll confirmed after talks"
    article.save_revision().publish()

    html = page(client, article.url)
    assert '"headline": "Ferry toll confirmed after talks"' in html
    assert 'property="og:title" content="Ferry toll confirmed after talks"' in html


def test_a_renamed_section_shows_in_the_menu_at_once(client, article, section):
    page(client, article.url)

    section.title = "Ports"
    section.save_revision().publish()

    assert ">Ports</a>" in page(client, article.url)


def test_a_listings_import_fills_the_box_at_once(client, article, tmp_path):
    page(client, article.url)

    feed = write_csv(tmp_path / "feed.csv", [feed_row("SED-9", title="Canal-side loft")])
    listing_feed_import(path=feed, provider=ProviderFactory(), full=True)

    assert "Canal-side loft" in page(client, article.url)


def test_a_source_s_new_rights_notice_shows_at_once(client, section):
    source = SourceFactory(usage_terms="Old terms.")
    story = ArticlePageFactory(parent=section, source=source)
    assert "Old terms." in page(client, story.url)

    source.usage_terms = "New terms."
    source.save()

    assert "New terms." in page(client, story.url)


def test_a_preview_neither_reads_nor_leaves_a_kept_part(client, article, rf):
    page(client, article.url)  # the published story is kept
    draft = article.get_latest_revision_as_object()
    draft.body = [("paragraph", RichText("<p>Unchecked draft words.</p>"))]

    preview = draft.make_preview_request(rf.get(article.url)).content.decode()

    assert "Unchecked draft words." in preview
    assert "Unchecked draft words." not in page(client, article.url)


def test_the_home_page_rendered_again_reads_no_teasers(client, article):
    assert "teasers" in parts_read(client, "/")
    assert "teasers" not in parts_read(client, "/")
    assert "The harbour reopens" in page(client, "/")


def test_a_comment_changes_its_count_on_the_home_page_at_once(client, article, home):
    ArticlePageFactory(parent=SectionPageFactory(parent=home, title="Markets"), title="Rates")
    page(client, "/")

    comment_create(article=article, author=UserFactory(), body="A first word.")

    html = page(client, "/")
    assert "1 comment" in html and "Rates" in html


def test_a_new_story_shows_on_the_home_page_at_once(client, section):
    page(client, "/")

    ArticlePageFactory(parent=section, title="Ferries run again")

    assert "Ferries run again" in page(client, "/")


@pytest.fixture
def versions_asked(monkeypatch) -> list[tuple[str, ...]]:
    """The scopes each read of the cache's versions asked for, in order."""
    asked: list[tuple[str, ...]] = []
    read = page_cache.current_versions
    monkeypatch.setattr(page_cache, "current_versions", lambda s: asked.append(s) or read(s))
    return asked


def test_a_page_asks_the_cache_for_its_versions_once_for_all_its_parts(
    client, article, versions_asked
):
    page(client, article.url)

    # The site, for Wagtail's routing; then the section's teasers for the kept parts. The
    # story, the listings box, the teasers and the menu read them again from the request.
    assert versions_asked == [(page_cache.SITE,), (article.teasers_scope(),)]


def test_a_section_index_which_keeps_nothing_apart_asks_only_for_the_site(
    client, section, versions_asked
):
    page(client, section.url)

    assert versions_asked == [(page_cache.SITE,)]


def test_the_kept_meta_names_the_site_it_is_read_from(client, article, settings):
    settings.ALLOWED_HOSTS = ["testserver", "harbour.example"]
    home = Site.objects.get(is_default_site=True)
    Site.objects.create(hostname="harbour.example", port=80, root_page=home.root_page)
    assert f'content="{home.root_url}' in page(client, article.url)

    other = client.get(article.url, HTTP_HOST="harbour.example")

    assert 'property="og:url" content="http://harbour.example/' in other.content.decode()
