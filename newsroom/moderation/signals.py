"""A moderator note posted or withdrawn changes its article's page."""

from django.db.models.signals import post_delete, post_save

from newsroom.core import page_cache
from newsroom.moderation.models import ModeratorNote


def _note_changed(sender, instance: ModeratorNote, **kwargs) -> None:
    page_cache.article_changed(instance.article_id)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_note_changed, sender=ModeratorNote)
