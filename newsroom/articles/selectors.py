"""The read paths of the publishing side: every list of articles the site shows."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import F, OuterRef, Subquery, Window
from django.db.models.functions import RowNumber, Substr
from wagtail.models import Page

from newsroom.articles.models import ArticlePage, HomePage, SectionPage


@dataclass(frozen=True)
class SectionStories:
    section: SectionPage
    articles: list[ArticlePage]


def article_list_for_section(*, section: SectionPage, page_number: int | str = 1) -> PaginatorPage:
    """One page of a section's visible articles, newest first.

    Raises EmptyPage or PageNotAnInteger for a page number that does not exist.
    """
    articles = ArticlePage.objects.child_of(section).visible().newest_first().for_teasers()
    paginator = Paginator(articles, settings.NEWSROOM_SECTION_PAGE_SIZE)
    return paginator.page(page_number)


def more_in_section(*, article: ArticlePage, section: SectionPage, limit: int) -> list[ArticlePage]:
    """The newest other visible articles of the article's section."""
    return list(
        ArticlePage.objects.child_of(section)
        .visible()
        .exclude(pk=article.pk)
        .newest_first()
        .for_teasers()[:limit]
    )


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


def top_stories_by_section(*, home: HomePage, per_section: int) -> list[SectionStories]:
    """The newest visible articles of every live section, in menu order, in two queries.

    One query ranks articles within their section with a window function, so the
    cost does not grow with the number of sections.
    """
    sections = list(SectionPage.objects.child_of(home).live().public().order_by("path"))
    if not sections:
        return []
    section_path = Substr("path", 1, (F("depth") - 1) * ArticlePage.steplen)
    ranked = (
        ArticlePage.objects.descendant_of(home)
        .visible()
        .for_teasers()
        .annotate(
            section_path=section_path,
            rank=Window(
                RowNumber(),
                partition_by=[section_path],
                order_by=[F("first_published_at").desc(), F("pk").desc()],
            ),
        )
        .filter(rank__lte=per_section)
        .order_by("section_path", "rank")
    )
    by_section: dict[str, list[ArticlePage]] = {section.path: [] for section in sections}
    for article in ranked:
        if article.section_path in by_section:
            by_section[article.section_path].append(article)
    return [SectionStories(section=s, articles=by_section[s.path]) for s in sections]
