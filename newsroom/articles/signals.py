"""Editorial changes date every cached page: the page itself, "More in" blocks, section lists."""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from newsroom.articles.models import Source
from newsroom.core import page_cache


def _site_changed(sender, **kwargs) -> None:
    page_cache.site_changed()


def _privacy_changed(sender, instance: PageViewRestriction, **kwargs) -> None:
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if path is not None:  # else the page itself went, which announces itself
        page_cache.privacy_changed(path)


def connect() -> None:
    # Drafts and revisions change nothing readers see; publishing does.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_site_changed)
    # Deleting a page of any type deletes its Page row too.
    post_delete.connect(_site_changed, sender=Page)
    for model in (Source, get_image_model(), Site):
        for signal in (post_save, post_delete):
            signal.connect(_site_changed, sender=model)
    # A page made private (or public again): its stored copies, and the lists showing it.
    for signal in (post_save, post_delete):
        signal.connect(_privacy_changed, sender=PageViewRestriction)
