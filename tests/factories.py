from datetime import datetime, timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify
from wagtail.images.models import Image
from wagtail.models import Page
from wagtail.rich_text import RichText

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage, HomePage, SectionPage, Source
from newsroom.core.html import render_comment
from newsroom.discussion.models import Comment, Vote


class UserFactory(factory.django.DjangoModelFactory):
    """A signed-up reader with a verified email address and a display name."""

    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True  # the hook writes EmailAddress rows, not the user

    username = factory.Sequence(lambda n: f"reader{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("correct horse battery staple")
    display_name = factory.Sequence(lambda n: f"Reader {n}")
    slug = factory.Sequence(lambda n: f"reader-{n}")

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create and extracted is not False:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Image

    title = factory.Sequence(lambda n: f"Photo {n}")
    description = "A test photo"
    file = factory.django.ImageField(width=320, height=200, color="steelblue")


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Wire Agency {n}")
    rights_holder = factory.LazyAttribute(lambda source: source.name)
    usage_terms = "This material may not be published, broadcast, rewritten or redistributed."


class PageFactory(factory.django.DjangoModelFactory):
    """Creates Wagtail pages the way editors do: as a child of a parent, then published."""

    class Meta:
        abstract = True

    live = True
    published_at = None
    slug = factory.LazyAttribute(lambda page: slugify(page.title))

    @classmethod
    def _create(cls, model_class, *args, parent: Page, live: bool, published_at=None, **kwargs):
        page = model_class(*args, **kwargs)
        parent.add_child(instance=page)
        if live:
            page.save_revision().publish()
            if published_at is not None:
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=published_at, last_published_at=published_at
                )
                page.refresh_from_db()
        else:
            page.live = False
            page.save_revision()
            page.save(update_fields=["live"])
        return page


def default_home() -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        raise RuntimeError("Use the `home` fixture before building sections.")
    return home


class SectionPageFactory(PageFactory):
    class Meta:
        model = SectionPage

    title = factory.Sequence(lambda n: f"Section {n}")
    parent = factory.LazyFunction(default_home)
    show_in_menus = True


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Headline number {n}")
    parent = factory.SubFactory(SectionPageFactory)
    standfirst = "What happened, in a sentence."
    byline = "By A. Reporter"
    lead_image = factory.SubFactory(ImageFactory)
    lead_image_caption = "From left, two people shaking hands in Tokyo on Saturday."
    lead_image_credit = "Test pool photo"
    body = factory.LazyFunction(
        lambda: [("paragraph", RichText("<p>The first paragraph of the story.</p>"))]
    )


def hours_ago(hours: int) -> datetime:
    return timezone.now() - timedelta(hours=hours)


class CommentFactory(factory.django.DjangoModelFactory):
    """A published comment; pass ``parent`` for a reply (thread and depth follow)."""

    class Meta:
        model = Comment

    article = factory.SubFactory(ArticlePageFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}, with an opinion.")
    body_html = factory.LazyAttribute(lambda comment: render_comment(comment.body))
    parent = None
    thread = factory.LazyAttribute(
        lambda c: (c.parent.thread or c.parent) if c.parent is not None else None
    )
    in_reply_to = factory.SelfAttribute("parent")
    depth = factory.LazyAttribute(lambda c: c.parent.depth + 1 if c.parent is not None else 1)


class VoteFactory(factory.django.DjangoModelFactory):
    """A vote row; the comment's counters are the caller's to set (services keep them)."""

    class Meta:
        model = Vote

    comment = factory.SubFactory(CommentFactory)
    voter = factory.SubFactory(UserFactory)
    value = 1
