"""The search page: what readers find, how it pages, and what bad input gets.

Words in these tests are plain nouns in their indexed form: PostgreSQL's English
configuration stems and drops stop words, SQLite's FTS5 does neither, and the tests
must pass on both.
"""

import itertools
import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.template.defaultfilters import date
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.rich_text import RichText

from newsroom.articles.models import ArticlePage
from newsroom.search.selectors import QUERY_MAX_LENGTH, SEARCH_PAGE_SIZE, article_search
from tests.factories import ArticlePageFactory, CommentFactory, SectionPageFactory, hours_ago

pytestmark = pytest.mark.django_db

SEARCH_URL = reverse("search:results")


def body(text: str) -> list[tuple[str, RichText]]:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


def found_titles(client, query: str, **params) -> list[str]:
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return [article.title for article in response.context["articles"]]


@pytest.fixture
def section(home):
    return SectionPageFactory(title="Weather")


def test_finds_an_article_by_a_word_in_its_headline(client, section):
    ArticlePageFactory(parent=section, title="Typhoon floods Okinawa harbour")
    ArticlePageFactory(parent=section, title="Markets close higher")

    assert found_titles(client, "okinawa") == ["Typhoon floods Okinawa harbour"]


def test_finds_an_article_by_a_word_in_its_standfirst(client, section):
    ArticlePageFactory(parent=section, title="Storm warning", standfirst="Ferries to Amami halted.")
    ArticlePageFactory(parent=section, title="Markets close higher")

    assert found_titles(client, "Amami") == ["Storm warning"]


def test_finds_an_article_by_a_word_in_its_body(client, section):
    ArticlePageFactory(
        parent=section, title="Storm warning", body=body("Fishermen secured their trawlers.")
    )
    ArticlePageFactory(parent=section, title="Markets close higher")

    assert found_titles(client, "trawlers") == ["Storm warning"]


def test_every_word_must_match(client, section):
    ArticlePageFactory(parent=section, title="Typhoon reaches Okinawa")
    ArticlePageFactory(parent=section, title="Typhoon spares Kyushu")

    assert found_titles(client, "typhoon kyushu") == ["Typhoon spares Kyushu"]


def test_best_match_comes_first(client, section):
    # The weaker match is created first, so neither tree nor creation order gives the answer.
    ArticlePageFactory(
        parent=section,
        title="Ferry timetable changes",
        body=body("Sailings resume after the volcano quietened."),
        published_at=hours_ago(1),
    )
    ArticlePageFactory(
        parent=section,
        title="Volcano erupts near Kagoshima",
        standfirst="The volcano sent ash over the city.",
        body=body("Residents swept volcano ash from their roofs."),
        published_at=hours_ago(5),
    )

    assert found_titles(client, "volcano") == [
        "Volcano erupts near Kagoshima",
        "Ferry timetable changes",
    ]


def test_drafts_scheduled_and_expired_articles_are_never_found(client, section):
    ArticlePageFactory(parent=section, title="Published lighthouse story")
    ArticlePageFactory(parent=section, title="Draft lighthouse story", live=False)
    scheduled = ArticlePageFactory(parent=section, title="Scheduled lighthouse story", live=False)
    scheduled.go_live_at = timezone.now() + timedelta(hours=2)
    scheduled.save_revision().publish()
    expired = ArticlePageFactory(parent=section, title="Expired lighthouse story")
    ArticlePage.objects.filter(pk=expired.pk).update(expire_at=hours_ago(1))

    assert found_titles(client, "lighthouse") == ["Published lighthouse story"]


def test_results_show_headline_section_date_standfirst_and_comments(client, section):
    article = ArticlePageFactory(
        parent=section, title="Typhoon floods Okinawa harbour", standfirst="Ferries halted."
    )
    CommentFactory.create_batch(2, article=article)
    article.refresh_from_db()

    html = client.get(SEARCH_URL, {"q": "okinawa"}).content.decode()

    assert f'<a href="{article.url}">Typhoon floods Okinawa harbour</a>' in html
    assert f'<a class="teaser__section" href="{section.url}">Weather</a>' in html
    assert date(timezone.localtime(article.first_published_at), "M j, Y") in html
    assert "Ferries halted." in html
    assert "2 comments" in html
    assert "1 article matches “okinawa”, best match first." in html


def test_the_count_of_several_matches_takes_the_plural_verb(client, section):
    ArticlePageFactory(parent=section, title="Okinawa ferries resume")
    ArticlePageFactory(parent=section, title="Okinawa harbour reopens")

    html = client.get(SEARCH_URL, {"q": "okinawa"}).content.decode()

    assert "2 articles match “okinawa”, best match first." in html


def test_pagination_keeps_the_query(client, section):
    for n in range(SEARCH_PAGE_SIZE + 1):
        ArticlePageFactory(parent=section, title=f"Harbour report {n}")

    first = client.get(SEARCH_URL, {"q": "harbour"})
    next_link = unescape(re.search(r'rel="next" href="([^"]+)"', first.content.decode())[1])
    second = client.get(SEARCH_URL + next_link)

    assert len(first.context["articles"]) == SEARCH_PAGE_SIZE
    assert next_link == "?q=harbour&page=2"
    assert second.status_code == 200
    assert len(second.context["articles"]) == 1
    assert 'rel="prev" href="?q=harbour&amp;page=1"' in second.content.decode()


def test_an_empty_query_shows_only_the_form(client, section):
    ArticlePageFactory(parent=section)

    for params in ({}, {"q": ""}, {"q": "   "}):
        response = client.get(SEARCH_URL, params)

        assert response.status_code == 200
        assert response.context["articles"] is None
        html = response.content.decode()
        assert 'id="search-page-q"' in html
        assert "search-page__summary" not in html


def test_no_matches_says_so(client, section):
    ArticlePageFactory(parent=section, title="Typhoon floods Okinawa harbour")

    response = client.get(SEARCH_URL, {"q": "zeppelin"})

    assert response.status_code == 200
    assert "No articles match “zeppelin”" in response.content.decode()


def test_punctuation_in_the_query_is_not_an_error(client, section):
    ArticlePageFactory(parent=section, title="Typhoon floods Okinawa harbour")

    assert found_titles(client, '"okinawa*') == ["Typhoon floods Okinawa harbour"]
    assert found_titles(client, "okinawa's harbour!") == ["Typhoon floods Okinawa harbour"]
    assert found_titles(client, "Okinawa\u2019s typhoon") == ["Typhoon floods Okinawa harbour"]
    assert found_titles(client, "\"' * : ( ) -\x00") == []


def test_an_over_long_query_answers_400_with_a_message(client, section):
    response = client.get(SEARCH_URL, {"q": "a" * (QUERY_MAX_LENGTH + 1)})

    assert response.status_code == 400
    assert f"use at most {QUERY_MAX_LENGTH} characters" in response.content.decode()
    assert client.get(SEARCH_URL, {"q": "a" * QUERY_MAX_LENGTH}).status_code == 200


@pytest.mark.parametrize("page", ["abc", "0", "2", "-1", "1.5", "9" * 30])
def test_a_page_that_does_not_exist_is_a_404(client, section, page):
    ArticlePageFactory(parent=section, title="Typhoon floods Okinawa harbour")

    assert client.get(SEARCH_URL, {"q": "okinawa", "page": page}).status_code == 404


def test_the_query_is_escaped(client, section):
    query = '<script>alert("x")</script>'

    html = client.get(SEARCH_URL, {"q": query}).content.decode()

    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html


def test_the_result_list_costs_the_same_queries_for_3_or_25_matches(
    client, section, django_assert_num_queries
):
    numbers = itertools.count()

    def publish(count: int) -> None:
        for _ in range(count):
            article = ArticlePageFactory(parent=section, title=f"Harbour report {next(numbers)}")
            CommentFactory(article=article)

    publish(3)
    client.get(SEARCH_URL, {"q": "harbour"})  # renders the lead images' renditions once
    with CaptureQueriesContext(connection) as context:
        client.get(SEARCH_URL, {"q": "harbour"})
    queries_for_three = len(context.captured_queries)  # now: the next request clears the log
    publish(22)
    client.get(SEARCH_URL, {"q": "harbour"})

    with django_assert_num_queries(queries_for_three):
        response = client.get(SEARCH_URL, {"q": "harbour"})

    assert response.context["articles"].paginator.count == 25
    assert response.content.decode().count("1 comment<") == SEARCH_PAGE_SIZE


def test_the_selector_returns_teasers_in_relevance_order(section):
    ArticlePageFactory(parent=section, title="Weather report", body=body("Near the harbour."))
    ArticlePageFactory(parent=section, title="Harbour report", body=body("Harbour harbour."))

    page = article_search(query="harbour", page_number=1)

    assert [article.title for article in page] == ["Harbour report", "Weather report"]
    assert [article.section.title for article in page] == ["Weather", "Weather"]
    assert [article.comment_count for article in page] == [0, 0]


def test_the_header_search_box_keeps_pages_cacheable(client, section, page_cache):
    article = ArticlePageFactory(parent=section)

    response = client.get(article.url)

    html = response.content.decode()
    search_form = re.search(r'<form class="site-search".*?</form>', html, re.S)[0]
    assert f'action="{SEARCH_URL}"' in search_form and 'method="get"' in search_form
    assert "csrfmiddlewaretoken" not in search_form
    assert response["X-Page-Cache"] == "miss"
