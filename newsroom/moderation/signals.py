"""A moderator note posted or withdrawn (notes are never deleted) changes its article's page."""

from django.db.models.signals import post_save

from newsroom.core import page_cache
from newsroom.moderation.models import ModeratorNote


def _note_changed(sender, instance: ModeratorNote, **kwargs) -> None:
    page_cache.article_changed(instance.article_id)


def connect() -> None:
    post_save.connect(_note_changed, sender=ModeratorNote)
