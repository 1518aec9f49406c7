"""Loads the original demo content: sources, sections, articles with photos, demo staff.

Every step looks up what it would create first, so loading twice changes nothing.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from io import BytesIO
from urllib.parse import urlsplit

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage, HomePage, SectionPage, Source
from newsroom.demo import content, news_photos
from newsroom.demo.discussion import demo_discussion_load
from newsroom.demo.listings import demo_listings_load
from newsroom.moderation.models import MODERATORS_GROUP


@dataclass(frozen=True)
class DemoAccount:
    username: str
    email: str
    password: str
    group: str


DEMO_ACCOUNTS = (
    DemoAccount("editor", "editor@newsroom.invalid", "newsroom-editor", "Editors"),
    DemoAccount("moderator", "moderator@newsroom.invalid", "newsroom-moderator", MODERATORS_GROUP),
)


# The lead story, then the stories that get a few comments each.
DISCUSSED_SLUGS = (
    content.ARTICLES[0].slug,
    "diet-enacts-extra-budget-for-energy-relief-and-typhoon-recovery",
    "harriers-clinch-first-pennant-in-11-years-with-walk-off-win",
    "core-consumer-prices-rise-2-8-percent-as-food-costs-stay-high",
)


def demo_load(*, now: datetime | None = None, log=print, address: str = "http://localhost") -> None:
    """Load the demo; ``address`` is where it is served, the public address of its links."""
    now = now or timezone.now()
    with transaction.atomic():
        sources = {data.name: _source(data) for data in content.SOURCES}
        home = _home_page(address)
        sections = {data.slug: _section(home, data) for data in content.SECTIONS}
    for data in content.ARTICLES:
        with transaction.atomic():
            created = _article(sections[data.section], sources, data, now)
        if created:
            log(f"  article: {data.title}")
    with transaction.atomic():
        for account in DEMO_ACCOUNTS:
            _account(account)
    if demo_discussion_load(articles=_discussed_articles(), now=now):
        log("  discussion: demo readers, comments and votes")
    demo_listings_load(now=now, log=log)


def _discussed_articles() -> list[ArticlePage]:
    by_slug = {page.slug: page for page in ArticlePage.objects.filter(slug__in=DISCUSSED_SLUGS)}
    return [by_slug[slug] for slug in DISCUSSED_SLUGS if slug in by_slug]


def _source(data: content.SourceData) -> Source:
    source, _ = Source.objects.get_or_create(
        name=data.name,
        defaults={"rights_holder": data.rights_holder, "usage_terms": data.usage_terms},
    )
    return source


def _home_page(address: str) -> HomePage:
    """The site's root page: replaces Wagtail's placeholder welcome page on a fresh install."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        for placeholder in root.get_children().filter(content_type__model="page", numchild=0):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title="The Newsroom", slug="home", intro="News from Japan and beyond."
            )
        )
    served = urlsplit(address)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": served.hostname or "localhost",
            "port": served.port or (443 if served.scheme == "https" else 80),
            "root_page": home,
            "site_name": "The Newsroom",
        },
    )
    return home


def _section(home: HomePage, data: content.SectionData) -> SectionPage:
    section = SectionPage.objects.child_of(home).filter(slug=data.slug).first()
    if section is None:
        section = home.add_child(
            instance=SectionPage(
                title=data.title, slug=data.slug, intro=data.intro, show_in_menus=True
            )
        )
        section.save_revision().publish()
    return section


def _article(
    section: SectionPage, sources: dict[str, Source], data: content.ArticleData, now: datetime
) -> bool:
    if ArticlePage.objects.child_of(section).filter(slug=data.slug).exists():
        return False
    article = ArticlePage(
        title=data.title,
        slug=data.slug,
        standfirst=data.standfirst,
        byline=data.byline,
        lead_image=_image(data),
        lead_image_caption=data.caption,
        lead_image_credit=data.credit,
        body=_body(data),
        source=sources[data.source] if data.source else None,
    )
    section.add_child(instance=article)
    article.tags.add(*data.tags)
    article.save_revision().publish()
    published = now - timedelta(hours=data.hours_ago)
    Page.objects.filter(pk=article.pk).update(
        first_published_at=published, last_published_at=published
    )
    return True


def _image(data: content.ArticleData) -> Image:
    seed = sum(map(ord, data.slug))
    jpeg = news_photos.draw_scene(data.image, seed=seed)
    image = Image(title=data.title[:255], description=data.image_alt[:255])
    image.file = ImageFile(BytesIO(jpeg), name=f"{data.slug[:80]}.jpg")
    x, y, width, height = news_photos.focal_point(data.image, (image.file.width, image.file.height))
    image.focal_point_x, image.focal_point_y = x + width // 2, y + height // 2
    image.focal_point_width, image.focal_point_height = width, height
    image.save()
    return image


def _body(data: content.ArticleData) -> list[tuple[str, object]]:
    attributions = iter(data.quote_attributions)
    blocks: list[tuple[str, object]] = []
    for kind, text in data.body:
        if kind == "quote":
            blocks.append(("quote", {"quote": text, "attribution": next(attributions, "")}))
        else:
            blocks.append(("paragraph", RichText(f"<p>{escape(text)}</p>")))
    return blocks


def _account(account: DemoAccount) -> User:
    user, created = User.objects.get_or_create(
        username=account.username,
        defaults={"email": account.email},
    )
    if created:
        user.set_password(account.password)
        user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=account.group))
    EmailAddress.objects.get_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    return user
