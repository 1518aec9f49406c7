"""The read paths of the publishing side that no page owns (the pages' own lists are their
methods: HomePage.top_stories, SectionPage.articles_page, ArticlePage.more_in_section)."""

from django.db.models import OuterRef, Subquery
from django.db.models.functions import Substr
from wagtail.models import Page

from newsroom.articles.models import ArticlePage


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
