"""Discussion writes date cached pages.

A comment shown, hidden or edited changes its article and the comment counts on
section and home pages; a vote changes only its article's page.
"""

from django.db.models.signals import post_delete, post_save

from newsroom.core import page_cache
from newsroom.discussion.models import Comment, Vote


def _comment_changed(sender, instance: Comment, **kwargs) -> None:
    page_cache.site_changed()


def _vote_changed(sender, instance: Vote, **kwargs) -> None:
    page_cache.article_changed(instance.comment.article_id)


def connect() -> None:
    for signal in (post_save, post_delete):
        signal.connect(_comment_changed, sender=Comment)
        signal.connect(_vote_changed, sender=Vote)
