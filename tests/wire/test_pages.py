"""What readers see of a withdrawn story: a notice at its address, its discussion, nothing else."""

import pytest
from django.urls import reverse

from newsroom.wire.models import WireStory
from newsroom.wire.services import wire_files_import
from tests.factories import ArticlePageFactory, CommentFactory

FERRY = "urn:harbourwire:2026:ferry-timetable-0412"
HEADLINE = "Island ferry operator adds a late sailing for the winter"


@pytest.fixture
def killed(harbour, samples):
    """A published wire story with a comment, then killed by its source."""
    wire_files_import(
        source=harbour,
        section=harbour.section,
        paths=[samples / "ninjs1_story.json"],
        trigger="test",
    )
    article = WireStory.objects.get(uri=FERRY).article.specific
    article.get_latest_revision().publish()
    article.refresh_from_db()
    comment = CommentFactory(article=article, body="I take this ferry every night.")
    url = article.url
    wire_files_import(
        source=harbour,
        section=harbour.section,
        paths=[samples / "ninjs1_kill.json"],
        trigger="test",
    )
    article.refresh_from_db()
    return article, comment, url


def test_a_killed_storys_address_answers_with_a_notice_and_its_discussion(client, killed):
    _, comment, url = killed

    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 410
    assert "withdrawn by its source, Harbour Wire" in html
    assert HEADLINE in html
    assert comment.body_html in html  # the discussion stays readable
    assert "petition" not in html  # the story does not
    assert "The discussion of this article is closed." in html


def test_a_killed_story_leaves_feeds_search_sitemap_sections_and_more_in(client, killed, section):
    _, _, url = killed
    neighbour = ArticlePageFactory(parent=section, title="Bus company keeps its night route")

    pages = {
        "feed": client.get("/feeds/latest/"),
        "section feed": client.get(f"/feeds/{section.slug}/atom/"),
        "search": client.get("/search/", {"q": "ferry"}),
        "sitemap": client.get("/sitemap.xml"),
        "section": client.get(section.url),
        "home": client.get("/"),
        "more in": client.get(neighbour.url),
    }

    for name, response in pages.items():
        assert response.status_code == 200, name
        body = response.content.decode()
        assert HEADLINE not in body, name
        assert url not in body, name


def test_a_story_withdrawn_before_it_was_ever_published_stays_a_404(client, harbour, samples):
    wire_files_import(
        source=harbour,
        section=harbour.section,
        paths=[samples / "ninjs1_story.json", samples / "ninjs1_kill.json"],
        trigger="test",
    )
    article = WireStory.objects.get(uri=FERRY).article.specific

    assert client.get(article.url).status_code == 404  # its headline was never public


def test_posting_to_a_killed_storys_discussion_is_refused(client, killed):
    article, comment, _ = killed
    client.force_login(comment.author)
    address = reverse("discussion:comment-create", args=[article.pk])
    response = client.post(address, {"body": "Still here?"})
    assert response.status_code == 404
