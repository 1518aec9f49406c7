"""Comment writes date cached pages.

A comment shown, hidden or edited changes its article and the comment counts on
section and home pages. A new comment held for review changes nothing a reader
without a session sees. (Votes are announced by vote_cast, their one writer.)
"""

from django.db.models.signals import post_delete, post_save

from newsroom.core import page_cache
from newsroom.discussion.models import Comment


def _comment_saved(sender, instance: Comment, created: bool, **kwargs) -> None:
    if created and instance.status != Comment.Status.PUBLISHED:
        return
    page_cache.site_changed()


def _comment_deleted(sender, instance: Comment, **kwargs) -> None:
    page_cache.site_changed()


def connect() -> None:
    post_save.connect(_comment_saved, sender=Comment)
    post_delete.connect(_comment_deleted, sender=Comment)
