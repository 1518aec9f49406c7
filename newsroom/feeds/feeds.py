"""RSS 2.0 and Atom 1.0 feeds of the newest articles, site-wide and per section.

An item carries the headline, the standfirst and the article's metadata, never the
body: wire copy's usage terms forbid republishing it, and feeds are republished.
"""

from collections.abc import Callable
from datetime import datetime
from html import escape
from typing import Any

from django.conf import settings
from django.contrib.syndication.views import Feed, FeedDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Enclosure, SyndicationFeed
from wagtail.models import Page, Site

from newsroom.articles.models import ArticlePage, SectionPage, house_rights_notice
from newsroom.articles.selectors import article_list_for_feed
from newsroom.core import page_cache
from newsroom.core.addresses import public_url

# The rendition the article page already offers as og:image (articles/templatetags/seo_tags.py),
# so one stored file serves both; JPEG, so the enclosure's type is known without opening it.
ENCLOSURE_FILTER = "fill-1200x630|format-jpeg"
ENCLOSURE_TYPE = "image/jpeg"


def site_home(request: HttpRequest) -> Page:
    site = Site.find_for_request(request)
    if site is None:
        raise FeedDoesNotExist("No site answers for this host.")
    return site.root_page


class LatestArticlesFeed(Feed):
    """The newest visible articles of the whole site, as RSS 2.0."""

    size = 20
    language = "en"
    # The guid is the article's link (Feed's default), so readers may open it as a URL.
    item_guid_is_permalink = True

    def __call__(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Feed readers poll: they get the anonymous page cache's stored copy until a page is
        # published or withdrawn (the site's version, read before rendering).
        return page_cache.serve_cacheable(
            request, lambda: super(LatestArticlesFeed, self).__call__(request, *args, **kwargs)
        )

    def get_object(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Page:
        return site_home(request)

    def title(self, obj: Page) -> str:
        return f"{settings.WAGTAIL_SITE_NAME} — Latest"

    def link(self, obj: Page) -> str:
        return public_url(obj.get_url())

    def description(self, obj: Page) -> str:
        return f"The newest articles from {settings.WAGTAIL_SITE_NAME}."

    def feed_copyright(self, obj: Page) -> str:
        # The feed as a whole is ours; an entry from a wire agency says so in Atom's <rights>.
        return house_rights_notice(timezone.localdate().year).notice

    def items(self, obj: Page) -> list[ArticlePage]:
        return article_list_for_feed(within=obj, limit=self.size)

    def item_title(self, item: ArticlePage) -> str:
        # RSS readers read the title as HTML, so it is escaped once more, as Django does by
        # default (#6533); quotes stay as they are, for the readers that show it as it is.
        return escape(item.title, quote=False)

    def item_description(self, item: ArticlePage) -> str:
        # Plain text, escaped for readers that take RSS descriptions and Atom summaries as HTML.
        return escape(item.standfirst, quote=False)

    def item_link(self, item: ArticlePage) -> str:
        return public_url(item.get_url())

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return item.first_published_at

    def item_updateddate(self, item: ArticlePage) -> datetime:
        return item.last_published_at

    def item_author_name(self, item: ArticlePage) -> str | None:
        return item.byline or None

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [
            item.section_title,
            *sorted((tag.name for tag in item.tags.all()), key=str.casefold),
        ]

    def item_copyright(self, item: ArticlePage) -> str:
        return item.rights.notice

    def item_enclosures(self, item: ArticlePage) -> list[Enclosure]:
        if item.lead_image is None:
            return []
        rendition = item.lead_image.get_rendition(ENCLOSURE_FILTER)
        # RSS requires the length in bytes: the stored file's own size, not a guess.
        return [
            Enclosure(
                url=public_url(rendition.url),
                length=str(rendition.file.size),
                mime_type=ENCLOSURE_TYPE,
            )
        ]


class SectionFeed(LatestArticlesFeed):
    """The newest visible articles of one published section, as RSS 2.0."""

    def get_object(
        self, request: HttpRequest, *args: Any, slug: str = "", **kwargs: Any
    ) -> SectionPage:
        # DoesNotExist (unknown, draft or private section) becomes a 404 in Feed.__call__.
        return SectionPage.objects.child_of(site_home(request)).live().public().get(slug=slug)

    def title(self, obj: SectionPage) -> str:
        return f"{settings.WAGTAIL_SITE_NAME} — {obj.title}"

    def description(self, obj: SectionPage) -> str:
        return obj.intro or f"The newest {obj.title} articles from {settings.WAGTAIL_SITE_NAME}."


class AtomFeedMixin:
    """The same feed as Atom 1.0, whose <subtitle> is RSS's <description>."""

    feed_type: type[SyndicationFeed] = Atom1Feed
    description: Callable[[Page], str]  # the feed's own, which the mixin's subtitle repeats

    def subtitle(self, obj: Page) -> str:
        return self.description(obj)

    def item_title(self, item: ArticlePage) -> str:
        # Atom's <title> is plain text: escaping it would show the entities.
        return item.title


class LatestArticlesAtomFeed(AtomFeedMixin, LatestArticlesFeed):
    pass


class SectionAtomFeed(AtomFeedMixin, SectionFeed):
    pass
