"""The read path of the search page: visible articles matching a reader's words."""

import re

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator

from newsroom.articles.models import ArticlePage, SectionPage

SEARCH_PAGE_SIZE = 20
QUERY_MAX_LENGTH = 200

WORD = re.compile(r"\w+")
# "Japan's" is indexed as "japan" and "s" on SQLite; PostgreSQL's English configuration
# drops the "s" (a stop word): searching for the bare noun finds the possessive on both.
POSSESSIVE = re.compile(r"['\u2019]s\b", re.IGNORECASE)


def article_search(*, query: str, page_number: int | str = 1) -> "PaginatorPage[ArticlePage]":
    """One page of the visible articles that contain every word of the query, best match first.

    Only the query's words reach the search backend: punctuation means nothing to either
    full-text engine, but a stray quote or asterisk is syntax to SQLite's FTS5 and a NUL
    character is an error on PostgreSQL, so dropping it gives both the same behaviour.

    The search itself reads only primary keys; the page's articles are then loaded once with
    their teaser data and sections, so a page costs the same queries however many it holds.
    Raises EmptyPage or PageNotAnInteger for a page number that does not exist.
    """
    words = WORD.findall(POSSESSIVE.sub("", query))
    matches = (
        ArticlePage.objects.visible().only("pk").search(" ".join(words), operator="and")
        if words
        else ArticlePage.objects.none()
    )
    page = Paginator(matches, SEARCH_PAGE_SIZE).page(page_number)
    page.object_list = _teasers_in_order([article.pk for article in page.object_list])
    return page


def _teasers_in_order(ids: list[int]) -> list[ArticlePage]:
    """The articles with these ids, in this order, each with its section (one query for all)."""
    by_id = ArticlePage.objects.for_teasers().in_bulk(ids)
    articles = [by_id[pk] for pk in ids if pk in by_id]
    section_path = {article.pk: article.path[: -ArticlePage.steplen] for article in articles}
    sections = SectionPage.objects.filter(path__in=set(section_path.values())).in_bulk(
        field_name="path"
    )
    for article in articles:
        article.section = sections.get(section_path[article.pk])
    return articles
