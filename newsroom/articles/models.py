"""The page tree of the site: Home -> Section -> Article, and the sources articles come from."""

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from django.conf import settings
from django.core.cache import cache as django_cache
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Window
from django.db.models.functions import Length, Now, RowNumber, Substr
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import Rendition
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from newsroom.articles.blocks import ArticleBodyBlock
from newsroom.core import page_cache
from newsroom.core.prepared import columns, instance, prepared

NOTICE_PLACEHOLDERS = {"year", "holder"}
TEASERS_HOOK = "construct_article_teasers"


@dataclass(frozen=True)
class RightsNotice:
    notice: str
    usage_terms: str


# Two full stops where a holder's name ends in one ("Pacific Wire K.K." + ". All"), but
# never an ellipsis.
_DOUBLED_STOP = re.compile(r"(?<!\.)\.\.(?!\.)")


def fill_notice(template: str, *, year: int, holder: str) -> str:
    """A notice template filled in, without the doubled full stop a holder like
    "Example K.K." would leave before ". All rights reserved."."""
    return _DOUBLED_STOP.sub(".", template.format(year=year, holder=holder))


def house_rights_notice(year: int) -> RightsNotice:
    """The site's own notice, shown on staff-written articles."""
    return RightsNotice(
        notice=fill_notice(
            "Copyright {year} {holder}. All rights reserved.",
            year=year,
            holder=settings.NEWSROOM_RIGHTS_HOLDER,
        ),
        usage_terms=settings.NEWSROOM_USAGE_TERMS,
    )


# django-stubs cannot see the manager Wagtail's PageManager builds for ArticlePage.source.
class Source(index.Indexed, models.Model):  # type: ignore[django-manager-missing]
    """Where an article's copy comes from (a wire agency, a partner), with its rights template."""

    name = models.CharField(max_length=120, unique=True)
    rights_holder = models.CharField(
        max_length=200, help_text="The name printed in the copyright notice."
    )
    notice_template = models.CharField(
        max_length=300,
        default="Copyright {year} {holder}. All rights reserved.",
        help_text="Placeholders: {year} (from the article's first-published date), {holder}.",
    )
    usage_terms = models.TextField(
        blank=True, help_text="The restriction printed after the notice, e.g. no republication."
    )
    # What the wire desk needs to take in a source's feed unattended (see docs/wire.md).
    section = models.ForeignKey(
        "articles.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The section its imported stories go to.",
    )
    usage_days = models.PositiveIntegerField(
        "usage period (days)",
        null=True,
        blank=True,
        help_text="How many days after first publication its stories may be shown; "
        "empty for no limit.",
    )
    auto_publish = models.BooleanField(
        "publish automatically",
        default=False,
        help_text="Publish its stories and their new versions at once, without an editor.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("rights_holder"),
        FieldPanel("notice_template"),
        FieldPanel("usage_terms"),
        MultiFieldPanel(
            [FieldPanel("section"), FieldPanel("usage_days"), FieldPanel("auto_publish")],
            heading="Wire feed",
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        try:
            parsed = list(string.Formatter().parse(self.notice_template))
        except ValueError as error:
            raise ValidationError({"notice_template": f"Not a valid template: {error}."}) from error
        unknown = {name for _, name, _, _ in parsed if name is not None} - NOTICE_PLACEHOLDERS
        if unknown:
            raise ValidationError(
                {"notice_template": f"Unknown placeholder(s): {', '.join(sorted(unknown))}."}
            )

    def rights_notice(self, year: int) -> RightsNotice:
        notice = fill_notice(self.notice_template, year=year, holder=self.rights_holder)
        return RightsNotice(notice=notice, usage_terms=self.usage_terms)


class CachedForReadersMixin:
    """A page whose copy for anonymous readers the page cache may keep and share.

    Signed-in readers may be served it too: the page's script puts in what is theirs (the
    account links, their part in the discussion) from one small request.
    """

    def get_view_restrictions(self):
        """Wagtail's, checked before a page is served, in one small query while no page of the
        site is restricted, instead of its two (the page's ancestors, then their restrictions).
        Read from the database every time: a restriction applies at once, in every process."""
        if not PageViewRestriction.objects.exists():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def page_cache_scopes(self) -> tuple[str, ...]:
        """What the page shows, each scope retired by its own announcements (page_cache)."""
        return (page_cache.SITE, self.teasers_scope())

    def teasers_scope(self) -> str:
        """The scope of the comment counts on the teasers this page shows."""
        raise NotImplementedError

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when a template first asks (the section index keeps nothing apart).
        context["kept"] = partial(page_cache.kept_parts, request, self.teasers_scope())
        return context

    def serve(self, request, *args, **kwargs):
        return page_cache.serve_cacheable(
            request,
            lambda: super(CachedForReadersMixin, self).serve(request, *args, **kwargs),
            scopes=self.page_cache_scopes(),
            signed_in_readers=True,
        )


# The greatest step of a path: a child's path lies after its parent's and at most the
# parent's followed by this (treebeard's steps are 4 of 0-9 and A-Z).
_LAST_STEP = Page.alphabet[-1] * Page.steplen


@prepared(str, str, int, str)
def _child_row(
    after: str, up_to: str, depth: int, slug: str, model: type[Page]
) -> QuerySet[Page, tuple[Any, ...]]:
    """A page's child by its slug, as Wagtail's child_of() finds it, but with its path as a
    range of the path index instead of a pattern, so the query can be prepared."""
    children = model.objects.filter(path__gt=after, path__lte=up_to, depth=depth)
    return children.filter(slug=slug).values_list(*columns(model))


def route_to_child(
    parent: Page, child_model: type[Page], request, path_components, *, kept: bool = False
):
    """Wagtail's ``Page.route`` in one query a level where the tree allows one kind of child
    (the home holds sections, a section articles): the child is read as its own type at
    once, not as a Page and then again for its fields. Anything else routes Wagtail's way.

    ``kept``: the child is kept in the cache under the site version, for pages that change
    only through Wagtail's own writes, which announce ``site_changed`` (sections: publishing,
    moving, deleting; a view restriction). An article's discussion settings change without
    one, so articles are read each time.
    """
    if not path_components:
        return Page.route(parent, request, path_components)
    slug = path_components[0]
    key = None
    if kept:
        (version,) = page_cache.request_versions(request, (page_cache.SITE,))
        key = f"kept-page:{version}:{parent.pk}:{slug}"
    child = django_cache.get(key) if key else None
    if child is None:
        row = _child_row.row(
            parent.path, parent.path + _LAST_STEP, parent.depth + 1, slug, shape=(child_model,)
        )
        if row is None:
            return Page.route(parent, request, path_components)
        child = instance(child_model, columns(child_model), row)
        if key:
            django_cache.set(key, child, settings.NEWSROOM_PART_CACHE_SECONDS)
    child._cached_parent_obj = parent  # treebeard's get_parent() reads it
    return child.route(request, path_components[1:])


class HomePage(CachedForReadersMixin, Page):
    intro = models.CharField(max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.SectionPage"]
    max_count = 1

    def teasers_scope(self) -> str:
        return page_cache.TEASERS

    def route(self, request, path_components):
        return route_to_child(self, SectionPage, request, path_components, kept=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        versions = page_cache.request_versions(
            request, tuple(page_cache.section_teasers_scope(section.path) for section in sections)
        )
        # Each section's block is kept under its own teasers' version (a comment changes one
        # section's counts): the stories are read, for every section at once, only when one
        # of the blocks is not kept.
        stories = cache(
            lambda: self.stories_by_section(
                sections, per_section=settings.NEWSROOM_HOME_STORIES_PER_SECTION
            )
        )
        context["sections"] = [
            HomeSection(section=section, teasers_version=version, stories=stories)
            for section, version in zip(sections, versions, strict=True)
        ]
        return context

    def sections(self) -> list["SectionPage"]:
        return list(SectionPage.objects.child_of(self).live().public().order_by("path"))

    def stories_by_section(
        self, sections: list["SectionPage"], *, per_section: int
    ) -> dict[str, list["ArticlePage"]]:
        """The newest visible articles of each of these sections, by section path, in one query.

        The articles are ranked within their section by a window function over the few
        columns it needs, so the cost does not grow with the number of sections; only the
        articles that rank are then read as teasers, so what a teaser adds (a comment count)
        is worked out for them alone, not for every article of the site.
        """
        by_section: dict[str, list[ArticlePage]] = {section.path: [] for section in sections}
        if not sections:
            return by_section
        section_path = Substr("path", 1, (F("depth") - 1) * ArticlePage.steplen)
        ranked = (
            ArticlePage.objects.descendant_of(self)
            .visible()
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[section_path],
                    order_by=[F("first_published_at").desc(), F("pk").desc()],
                )
            )
            .filter(rank__lte=per_section)
            .values("pk")
        )
        teasers = (
            ArticlePage.objects.filter(pk__in=ranked)
            .for_teasers()
            .annotate(section_path=section_path)
            .order_by("section_path", "-first_published_at", "-pk")
        )
        for article in teasers:
            if article.section_path in by_section:
                by_section[article.section_path].append(article)
        return by_section


class SectionPage(CachedForReadersMixin, Page):
    intro = models.CharField(max_length=250, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["articles.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    def teasers_scope(self) -> str:
        return page_cache.section_teasers_scope(self.path)

    def route(self, request, path_components):
        return route_to_child(self, ArticlePage, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        try:
            context["articles"] = self.articles_page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404("No such page of articles.") from error
        return context

    def articles_page(self, number: int | str = 1) -> PaginatorPage:
        """One page of the section's visible articles, newest first.

        Raises EmptyPage or PageNotAnInteger for a page number that does not exist.
        """
        articles = ArticlePage.objects.child_of(self).visible().newest_first().for_teasers()
        return Paginator(articles, settings.NEWSROOM_SECTION_PAGE_SIZE).page(number)


@dataclass(frozen=True)
class HomeSection:
    """A section's block on the home page; its stories are read only if it is not kept."""

    section: SectionPage
    teasers_version: str
    stories: Callable[[], dict[str, list["ArticlePage"]]]

    @property
    def articles(self) -> list["ArticlePage"]:
        return self.stories()[self.section.path]


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


def _live_q(prefix: str) -> Q:
    """Published and not past their expiry (even before the unpublish job runs), by the
    database's clock."""
    return Q(**{f"{prefix}live": True}) & (
        Q(**{f"{prefix}expire_at__isnull": True}) | Q(**{f"{prefix}expire_at__gt": Now()})
    )


def visible_q(prefix: str = "") -> Q:
    """What makes an article visible to readers, for a query of articles (``visible()``) or,
    with ``prefix="article__"``, of what belongs to one (a join costs less than a subquery).

    Public as Wagtail's ``public()`` means it, outside every section with a view restriction,
    but read as the restricted sections' paths alone, and left out of the query when there
    are none, as on most sites: ``public()`` cost more than the rest of a comment's read.
    """
    visible = _live_q(prefix)
    for path in PageViewRestriction.objects.values_list("page__path", flat=True):
        visible &= ~Q(**{f"{prefix}path__startswith": path})
    return visible


def visible_prepared_q(prefix: str = "") -> Q:
    """visible_q as a query of one fixed shape, for a prepared query of one article's row:
    the view restrictions are a subquery, not paths read before it."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef(f"{prefix}path"), 1, Length("page__path"))
    )
    return _live_q(prefix) & Q(~Exists(restricted))


class ArticlePageQuerySet(PageQuerySet):
    def visible(self) -> "ArticlePageQuerySet":
        """Published, public and not past their expiry (even before the unpublish job runs)."""
        return self.filter(visible_q())

    def newest_first(self) -> "ArticlePageQuerySet":
        return self.order_by("-first_published_at", "-pk")

    def for_teasers(self) -> "ArticlePageQuerySet":
        """What a list of article teasers reads: the lead image and its renditions, no body.

        Apps built on this one add what they show on a teaser (the discussion: its
        comment count) through the ``construct_article_teasers`` hook, a function that
        takes this queryset and returns it annotated.
        """
        # Into the list Wagtail's image tags look for first: a prefetch into the related
        # manager's cache builds a queryset for every image, the larger part of its cost.
        renditions = Prefetch(
            "lead_image__renditions",
            queryset=Rendition.objects.all(),
            to_attr="prefetched_renditions",
        )
        teasers = self.select_related("lead_image").prefetch_related(renditions).defer("body")
        for construct in hooks.get_hooks(TEASERS_HOOK):
            teasers = construct(teasers)
        return teasers


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)


class Availability(models.TextChoices):
    """Whether the story itself may still be shown; set by the wire desk, never by a revision."""

    AVAILABLE = "available", "Available"
    WITHDRAWN = "withdrawn", "Withdrawn by its source"
    EXPIRED = "expired", "Expired: its usage period is over"


class ArticlePage(CachedForReadersMixin, Page):
    standfirst = models.TextField(
        blank=True, max_length=400, help_text="One or two sentences under the headline."
    )
    byline = models.CharField(max_length=200, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        "caption",
        max_length=500,
        blank=True,
        help_text="Who or what is pictured (left to right), doing what, where and when.",
    )
    lead_image_credit = models.CharField(
        "credit", max_length=200, blank=True, help_text='e.g. "Pacific Wire pool photo".'
    )
    body = StreamField(ArticleBodyBlock())
    source = models.ForeignKey(
        Source,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Leave empty for staff-written articles.",
    )
    wire_rights_notice = models.TextField(
        blank=True,
        help_text="The notice that came with imported wire copy; overrides the source's template.",
    )
    wire_usage_terms = models.TextField(
        blank=True,
        help_text="The usage terms that came with imported wire copy; override the source's.",
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True)
    comments_open = models.BooleanField(
        "discussion open", default=True, help_text="Readers may comment on this article."
    )
    availability = models.CharField(
        max_length=10, choices=Availability.choices, default=Availability.AVAILABLE, editable=False
    )

    objects = ArticlePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("byline"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_caption"),
                FieldPanel("lead_image_credit"),
            ],
            heading="Lead photo",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("source"),
                FieldPanel("wire_rights_notice"),
                FieldPanel("wire_usage_terms"),
            ],
            heading="Source and rights",
        ),
        FieldPanel("tags"),
        FieldPanel("comments_open"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("first_published_at"),
        index.FilterField("expire_at"),  # visible() filters on it before .search()
    ]

    parent_page_types = ["articles.SectionPage"]
    subpage_types: list[str] = []

    @cached_property
    def section(self) -> SectionPage:
        return self.get_parent().specific

    @property
    def publication_year(self) -> int:
        published = self.first_published_at or timezone.now()
        return timezone.localtime(published).year

    @property
    def was_updated(self) -> bool:
        """Whether a later publish changed the story (not the first publish's own timestamp)."""
        if not (self.first_published_at and self.last_published_at):
            return False
        return (self.last_published_at - self.first_published_at).total_seconds() > 60

    def tags_by_name(self) -> list[Tag]:
        """The article's tags in reading order, for the links to their tag pages."""
        return sorted(self.tags.all(), key=lambda tag: tag.name.casefold())

    @property
    def rights(self) -> RightsNotice:
        year = self.publication_year
        if self.wire_rights_notice:
            terms = self.source.usage_terms if self.source else ""
            rights = RightsNotice(notice=self.wire_rights_notice, usage_terms=terms)
        elif self.source:
            rights = self.source.rights_notice(year)
        else:
            rights = house_rights_notice(year)
        if self.wire_usage_terms:
            return RightsNotice(notice=rights.notice, usage_terms=self.wire_usage_terms)
        return rights

    def page_cache_scopes(self) -> tuple[str, ...]:
        return (*super().page_cache_scopes(), page_cache.article_scope(self.pk))

    def teasers_scope(self) -> str:
        # "More in" teasers show the comment counts of the section's other articles; the
        # section's tree path is the article's without its last step (no query).
        return page_cache.section_teasers_scope(self.path[: -self.steplen])

    @property
    def is_withdrawn(self) -> bool:
        return self.availability == Availability.WITHDRAWN

    @property
    def is_expired(self) -> bool:
        return self.availability == Availability.EXPIRED

    def with_content_json(self, content):
        """Publishing an older revision must not bring back a withdrawn or expired story."""
        page = super().with_content_json(content)
        page.availability = self.availability
        return page

    @property
    def answers_as_withdrawn(self) -> bool:
        """Unpublished because its source withdrew it after readers had seen it."""
        return self.is_withdrawn and not self.live and self.first_published_at is not None

    def route(self, request, path_components):
        """A story withdrawn by its source is unpublished, but its address still answers with
        a notice and its discussion (see ``serve``), instead of a bare 404."""
        if not path_components and self.answers_as_withdrawn:
            return RouteResult(self)
        return super().route(request, path_components)

    def serve(self, request, *args, **kwargs):
        if self.answers_as_withdrawn:
            # 410 Gone: crawlers drop the address; the page cache keeps only 200s.
            response = Page.serve(self, request, *args, **kwargs)
            response.status_code = 410
            return response
        return super().serve(request, *args, **kwargs)

    def get_template(self, request, *args, **kwargs):
        if self.answers_as_withdrawn:
            return "articles/article_withdrawn.html"
        return super().get_template(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when the kept "More in" block is not.
        context["more_in_section"] = partial(
            self.more_in_section, limit=settings.NEWSROOM_MORE_IN_SECTION
        )
        return context

    def more_in_section(self, *, limit: int) -> list["ArticlePage"]:
        """The newest other visible articles of the article's section."""
        return list(
            ArticlePage.objects.child_of(self.section)
            .visible()
            .exclude(pk=self.pk)
            .newest_first()
            .for_teasers()[:limit]
        )
