"""Tags: shown on an article, each linking to a page of the articles that carry it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from taggit.models import Tag

from newsroom.articles.selectors import TAG_PAGE_SIZE
from tests.factories import ArticlePageFactory, CommentFactory, SectionPageFactory, hours_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(home):
    return SectionPageFactory(title="Politics")


def tagged(*names: str, **fields):
    """A published article carrying these tags, as an editor publishes it."""
    article = ArticlePageFactory(**fields)
    article.tags.add(*names)
    article.save_revision().publish()
    return article


def tag_url(name: str) -> str:
    return reverse("articles:tag-detail", args=[Tag.objects.get(name=name).slug])


def test_an_article_links_each_of_its_tags_to_its_tag_page_in_name_order(client, section):
    article = tagged("diplomacy", "Defence", "Australia", parent=section)

    html = client.get(article.url).content.decode()

    nav = re.search(r'<nav class="article-tags" aria-label="Tags">.*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a href="([^"]+)" rel="tag">([^<]+)</a>', nav)
    assert links == [
        (tag_url("Australia"), "Australia"),
        (tag_url("Defence"), "Defence"),
        (tag_url("diplomacy"), "diplomacy"),
    ]


def test_an_article_without_tags_shows_no_tag_list(client, section):
    article = ArticlePageFactory(parent=section)

    assert 'class="article-tags"' not in client.get(article.url).content.decode()


def test_a_tag_page_lists_the_visible_articles_carrying_it_newest_first(client, section):
    older = tagged("budget", parent=section, title="Diet debates the budget")
    newer = tagged("budget", "energy", parent=section, title="Budget passes the lower house")
    tagged("energy", parent=section, title="Power prices rise")
    draft = tagged("budget", parent=section, title="Budget draft")
    draft.unpublish()
    older.__class__.objects.filter(pk=older.pk).update(first_published_at=hours_ago(5))

    response = client.get(tag_url("budget"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Tagged “budget” · The Newsroom</title>" in html
    assert "<h1>Tagged “budget”</h1>" in html
    headlines = re.findall(r'<h2 class="teaser__headline"><a href="[^"]+">([^<]+)</a>', html)
    assert headlines == [newer.title, older.title]
    assert f'<a class="teaser__section" href="{section.url}">Politics</a>' in html


def test_an_unknown_tag_or_page_number_is_a_404(client, section):
    tagged("budget", parent=section)

    assert client.get(reverse("articles:tag-detail", args=["no-such-tag"])).status_code == 404
    assert client.get(tag_url("budget"), {"page": 2}).status_code == 404
    assert client.get(tag_url("budget"), {"page": "x"}).status_code == 404


def test_a_tag_page_costs_the_same_queries_for_3_or_25_articles(
    client, section, django_assert_num_queries
):
    def publish(count: int) -> None:
        for _ in range(count):
            CommentFactory(article=tagged("rail", parent=section))

    publish(3)
    client.get(tag_url("rail"))  # renders the lead images' renditions once
    with CaptureQueriesContext(connection) as context:
        client.get(tag_url("rail"))
    queries_for_three = len(context.captured_queries)
    publish(22)
    client.get(tag_url("rail"))

    with django_assert_num_queries(queries_for_three):
        response = client.get(tag_url("rail"))

    assert response.content.decode().count("1 comment<") == TAG_PAGE_SIZE
    assert 'rel="next"' in response.content.decode()
