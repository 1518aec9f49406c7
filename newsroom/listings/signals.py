"""The listings box sits beside every article: an import run or an edited listing dates them all."""

from django.db.models.signals import post_delete, post_save

from newsroom.core import page_cache
from newsroom.listings.models import ImportRun, Listing


def _listings_changed(sender, **kwargs) -> None:
    page_cache.site_changed()


def connect() -> None:
    for model in (Listing, ImportRun):
        for signal in (post_save, post_delete):
            signal.connect(_listings_changed, sender=model)
