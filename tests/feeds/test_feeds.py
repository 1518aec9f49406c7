import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import pytest
from django.utils import timezone
from pytest_django.asserts import assertContains
from wagtail.rich_text import RichText

from newsroom.articles.models import ArticlePage, house_rights_notice
from tests.factories import ArticlePageFactory, SectionPageFactory, SourceFactory, hours_ago

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
PUBLIC = "https://news.example"


@pytest.fixture(autouse=True)
def _public_address(settings):
    # Links carry SITE_URL, not the test client's host ("testserver").
    settings.SITE_URL = PUBLIC


def rss(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ET.fromstring(response.content).find("channel")


def atom(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ET.fromstring(response.content)


def titles(client, url: str) -> list[str]:
    """The item titles of an RSS or Atom feed, in feed order."""
    root = ET.fromstring(client.get(url).content)
    if root.tag == "rss":
        return [item.findtext("title") for item in root.iterfind("channel/item")]
    return [entry.findtext(f"{ATOM}title") for entry in root.iterfind(f"{ATOM}entry")]


def public_url(page) -> str:
    return PUBLIC + page.url


def scheduled_article(section, *, go_live_in: timedelta) -> ArticlePage:
    """An article an editor approved for publishing at a future time."""
    article = ArticlePageFactory(parent=section, live=False)
    article.go_live_at = timezone.now() + go_live_in
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_latest_feed_is_rss_of_every_sections_articles_newest_first(client, home):
    politics, sports = SectionPageFactory(title="Politics"), SectionPageFactory(title="Sports")
    oldest = ArticlePageFactory(parent=politics, title="Budget passes", published_at=hours_ago(3))
    newest = ArticlePageFactory(parent=sports, title="Cup final tonight", published_at=hours_ago(1))
    middle = ArticlePageFactory(parent=politics, title="Cabinet meets", published_at=hours_ago(2))

    channel = rss(client, "/feeds/latest/")

    assert channel.findtext("title") == "The Newsroom — Latest"
    assert channel.findtext("link") == f"{PUBLIC}/"
    assert channel.findtext("language") == "en"
    links = [item.findtext("link") for item in channel.iterfind("item")]
    assert links == [public_url(a) for a in (newest, middle, oldest)]


def test_rss_item_carries_the_articles_metadata(client, home):
    section = SectionPageFactory(title="Economy")
    published = datetime(2025, 3, 1, 9, 30, tzinfo=UTC)
    article = ArticlePageFactory(
        parent=section,
        title="Rates held",
        standfirst="The central bank kept its rate unchanged.",
        byline="By Aiko Tanaka",
        published_at=published,
    )
    article.tags.add("Bank of Japan", "interest rates")
    article.save()

    item = rss(client, "/feeds/latest/").find("item")

    assert item.findtext("title") == "Rates held"
    assert item.findtext("link") == public_url(article)
    guid = item.find("guid")
    assert guid.text == public_url(article)
    assert guid.get("isPermaLink") == "true"
    assert item.findtext("description") == "The central bank kept its rate unchanged."
    assert item.findtext(f"{DC}creator") == "By Aiko Tanaka"
    assert parsedate_to_datetime(item.findtext("pubDate")) == published
    assert [c.text for c in item.iterfind("category")] == [
        "Economy",
        "Bank of Japan",
        "interest rates",
    ]


def test_atom_entry_carries_the_articles_metadata_and_its_own_rights(client, home):
    section = SectionPageFactory(title="World")
    first, updated = datetime(2025, 3, 1, tzinfo=UTC), datetime(2025, 3, 2, tzinfo=UTC)
    wire = ArticlePageFactory(
        parent=section,
        title="Talks resume",
        byline="Pacific Wire",
        source=SourceFactory(name="Pacific Wire"),
    )
    ArticlePage.objects.filter(pk=wire.pk).update(
        first_published_at=first, last_published_at=updated
    )

    feed = atom(client, f"/feeds/{section.slug}/atom/")
    entry = feed.find(f"{ATOM}entry")

    assert feed.findtext(f"{ATOM}title") == "The Newsroom — World"
    assert feed.findtext(f"{ATOM}subtitle") == "The newest World articles from The Newsroom."
    assert entry.findtext(f"{ATOM}title") == "Talks resume"
    assert entry.find(f"{ATOM}link[@rel='alternate']").get("href") == public_url(wire)
    assert entry.findtext(f"{ATOM}id") == public_url(wire)
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}published")) == first
    assert datetime.fromisoformat(entry.findtext(f"{ATOM}updated")) == updated
    assert entry.findtext(f"{ATOM}author/{ATOM}name") == "Pacific Wire"
    assert entry.findtext(f"{ATOM}summary") == "What happened, in a sentence."
    assert [c.get("term") for c in entry.iterfind(f"{ATOM}category")] == ["World"]
    # The feed is ours; the wire agency's entry keeps the agency's notice.
    assert entry.findtext(f"{ATOM}rights") == "Copyright 2025 Pacific Wire. All rights reserved."


@pytest.mark.parametrize("url", ["/feeds/latest/", "/feeds/latest/atom/"])
def test_feed_copyright_is_the_sites_own_notice(client, home, url):
    root = ET.fromstring(client.get(url).content)
    notice = root.findtext("channel/copyright") or root.findtext(f"{ATOM}rights")

    assert notice == house_rights_notice(timezone.localdate().year).notice


@pytest.mark.parametrize("url", ["/feeds/latest/", "/feeds/latest/atom/"])
def test_feed_stops_at_the_twenty_newest_articles(client, home, url):
    section = SectionPageFactory()
    articles = [
        ArticlePageFactory(parent=section, title=f"Story {h:02}", published_at=hours_ago(h))
        for h in range(1, 26)
    ]

    assert titles(client, url) == [a.title for a in articles[:20]]


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_drafts_scheduled_and_expired_articles_stay_out_of_feeds(client, home, suffix):
    section = SectionPageFactory(title="Politics")
    ArticlePageFactory(parent=section, title="Visible story")
    ArticlePageFactory(parent=section, title="Draft story", live=False)
    scheduled = scheduled_article(section, go_live_in=timedelta(hours=2))
    expired = ArticlePageFactory(parent=section, title="Expired story")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=hours_ago(1))

    for url in (f"/feeds/latest/{suffix}", f"/feeds/{section.slug}/{suffix}"):
        assert titles(client, url) == ["Visible story"], url
    assert not scheduled.live


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_feeds_never_carry_the_body(client, home, suffix):
    section = SectionPageFactory()
    ArticlePageFactory(
        parent=section,
        standfirst="A minister has resigned.",
        body=[("paragraph", RichText("<p>The minister left by the back door at dawn.</p>"))],
    )

    for url in (f"/feeds/latest/{suffix}", f"/feeds/{section.slug}/{suffix}"):
        content = client.get(url).content.decode()
        assert "A minister has resigned." in content, url
        assert "back door at dawn" not in content, url


def test_headline_and_standfirst_are_plain_text_for_readers_that_read_html(client, home):
    ArticlePageFactory(title="Q&A: Japan's <rates>", standfirst="Japan's yields <rise> & fall")

    item = rss(client, "/feeds/latest/").find("item")
    entry = atom(client, "/feeds/latest/atom/").find(f"{ATOM}entry")

    # Decoded as HTML by the reader, this is the text again, not markup; quotes stay readable
    # for readers that show it as it is.
    assert item.findtext("title") == "Q&amp;A: Japan's &lt;rates&gt;"
    assert item.findtext("description") == "Japan's yields &lt;rise&gt; &amp; fall"
    # Atom says which: its <title> is text, its <summary> HTML.
    assert entry.findtext(f"{ATOM}title") == "Q&A: Japan's <rates>"
    assert entry.findtext(f"{ATOM}summary") == "Japan's yields &lt;rise&gt; &amp; fall"


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_section_feed_lists_only_that_sections_articles(client, home, suffix):
    politics, sports = SectionPageFactory(title="Politics"), SectionPageFactory(title="Sports")
    ArticlePageFactory(parent=politics, title="Cabinet meets", published_at=hours_ago(2))
    ArticlePageFactory(parent=sports, title="Cup final tonight", published_at=hours_ago(1))
    ArticlePageFactory(parent=politics, title="Budget passes", published_at=hours_ago(3))

    assert titles(client, f"/feeds/{politics.slug}/{suffix}") == ["Cabinet meets", "Budget passes"]
    assert titles(client, f"/feeds/{sports.slug}/{suffix}") == ["Cup final tonight"]


def test_section_feed_links_to_its_section(client, home):
    section = SectionPageFactory(title="Sports", intro="Scores and stories.")

    channel = rss(client, f"/feeds/{section.slug}/")

    assert channel.findtext("title") == "The Newsroom — Sports"
    assert channel.findtext("link") == public_url(section)
    assert channel.findtext("description") == "Scores and stories."


@pytest.mark.parametrize("suffix", ["", "atom/"])
def test_feed_of_an_unknown_or_unpublished_section_is_404(client, home, suffix):
    draft = SectionPageFactory(title="Draft section", live=False)
    ArticlePageFactory(parent=draft)

    assert client.get(f"/feeds/no-such-section/{suffix}").status_code == 404
    assert client.get(f"/feeds/{draft.slug}/{suffix}").status_code == 404


def test_enclosure_is_the_lead_image_rendition_with_its_true_length(client, home):
    article = ArticlePageFactory()
    ArticlePageFactory(lead_image=None)

    items = rss(client, "/feeds/latest/").findall("item")
    enclosure = items[1].find("enclosure")
    image = client.get(urlsplit(enclosure.get("url")).path)

    assert items[1].findtext("link") == public_url(article)
    assert items[0].find("enclosure") is None
    assert enclosure.get("url").startswith(f"{PUBLIC}/media/images/")
    assert enclosure.get("type") == "image/jpeg"
    assert image.status_code == 200
    assert int(enclosure.get("length")) == len(b"".join(image.streaming_content))


def test_every_page_announces_the_latest_feed_and_section_pages_their_own(client, home):
    section = SectionPageFactory(title="Politics")
    article = ArticlePageFactory(parent=section)
    latest = (
        '<link rel="alternate" type="application/rss+xml" title="The Newsroom — Latest"'
        ' href="/feeds/latest/">'
    )
    own = (
        '<link rel="alternate" type="application/rss+xml" title="The Newsroom — Politics"'
        f' href="/feeds/{section.slug}/">'
    )

    for page in (home, section, article):
        assertContains(client.get(page.url), latest, html=True)
    for page in (section, article):
        assertContains(client.get(page.url), own, html=True)
    assertContains(client.get("/no-such-page/"), latest, html=True, status_code=404)


def test_section_page_shows_a_link_to_its_feed(client, home):
    section = SectionPageFactory(title="Politics")

    response = client.get(section.url)

    assertContains(
        response,
        f'<a href="/feeds/{section.slug}/" type="application/rss+xml">'
        'RSS<span class="visually-hidden"> feed of Politics</span></a>',
        html=True,
    )


@pytest.mark.parametrize("feed", ["latest", "section"])
def test_feed_queries_do_not_grow_with_the_number_of_articles(
    client, home, feed, django_assert_max_num_queries
):
    section = SectionPageFactory()
    url = "/feeds/latest/" if feed == "latest" else f"/feeds/{section.slug}/"

    def tagged_articles(count: int) -> None:
        for article in ArticlePageFactory.create_batch(count, parent=section):
            article.tags.add("economy", "tokyo")
            article.save()

    tagged_articles(3)
    client.get(url)  # the enclosures' renditions are made on first fetch, as in production
    with django_assert_max_num_queries(7) as small:
        client.get(url)

    tagged_articles(27)
    client.get(url)
    with django_assert_max_num_queries(7) as large:
        client.get(url)

    assert len(large.captured_queries) == len(small.captured_queries)


def test_feed_readers_get_the_stored_feed_until_a_story_is_published(client, home, page_cache):
    section = SectionPageFactory(title="Politics")
    ArticlePageFactory(parent=section, title="First story")
    first = client.get("/feeds/latest/")

    stored = client.get("/feeds/latest/")
    ArticlePageFactory(parent=section, title="Second story")
    fresh = client.get("/feeds/latest/")

    assert stored.headers["X-Page-Cache"] == "hit"
    assert stored["Last-Modified"] == first["Last-Modified"]
    assert fresh.headers["X-Page-Cache"] == "miss"
    assert "Second story" in fresh.content.decode()
