"""The read paths of the publishing side that no page owns (the pages' own lists are their
methods: HomePage.stories_by_section, SectionPage.articles_page, ArticlePage.more_in_section):
feeds and tag pages."""

from typing import Any

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Substr
from taggit.models import Tag
from wagtail.models import Page

from newsroom.articles.models import ArticlePage, SectionPage, visible_prepared_q
from newsroom.core.prepared import columns, instance, prepared


def article_list_for_feed(*, within: Page, limit: int) -> list[ArticlePage]:
    """The newest visible articles under the home page or a section, for a syndication feed.

    Each article comes with its section's title (``section_title``), its tags, its source
    (for the rights notice) and its lead image's renditions, so the feed costs the same
    queries however many items it has. The body is never read: feeds must not carry it.
    """
    section_title = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * ArticlePage.steplen)
    ).values("title")
    return list(
        ArticlePage.objects.descendant_of(within)
        .visible()
        .newest_first()
        .select_related("source", "lead_image")
        .prefetch_related("tags", "lead_image__renditions")
        .defer("body")
        .annotate(section_title=Subquery(section_title))[:limit]
    )


TAG_PAGE_SIZE = 20


def articles_tagged(*, tag: Tag, page_number: int | str = 1) -> "PaginatorPage[ArticlePage]":
    """One page of the visible articles carrying ``tag``, newest first, each with its section.

    Two queries for the page's teasers and one for their sections, however many it holds.
    Raises EmptyPage or PageNotAnInteger for a page number that does not exist.
    """
    articles = ArticlePage.objects.visible().filter(tags=tag).newest_first().for_teasers()
    page = Paginator(articles, TAG_PAGE_SIZE).page(page_number)
    page.object_list = _with_sections(list(page.object_list))
    return page


def _with_sections(articles: list[ArticlePage]) -> list[ArticlePage]:
    """The articles, each given its section from one query (a section is the tree parent)."""
    section_path = {article.pk: article.path[: -ArticlePage.steplen] for article in articles}
    sections = SectionPage.objects.filter(path__in=set(section_path.values())).in_bulk(
        field_name="path"
    )
    for article in articles:
        article.section = sections[section_path[article.pk]]
    return articles


_ARTICLE_COLUMNS = columns(ArticlePage, leave_out=["body"])


@prepared(int)
def _visible_article_row(pk: int) -> QuerySet[ArticlePage, tuple[Any, ...]]:
    visible: QuerySet[ArticlePage, tuple[Any, ...]] = ArticlePage.objects.filter(
        visible_prepared_q(), pk=pk
    ).values_list(*_ARTICLE_COLUMNS)
    return visible


def visible_article(pk: int) -> ArticlePage | None:
    """A visible article by its id, its body deferred, in one prepared query: what a comment
    post reads first, where the ORM took longer to build the query than to run it."""
    row = _visible_article_row.row(pk)
    if row is None:
        return None
    return instance(ArticlePage, _ARTICLE_COLUMNS, row)
