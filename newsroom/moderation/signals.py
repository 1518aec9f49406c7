"""Moderation's answers to writes it does not make itself.

An editor who publishes an article with its discussion opened or closed leaves
a line in the moderation log, like a moderator who does it from the workspace.
"""

from typing import Any

from wagtail.models import Revision
from wagtail.signals import page_published

from newsroom.articles.models import ArticlePage
from newsroom.moderation.models import ModerationAction

Action = ModerationAction.Action


def _article_published(
    sender: type[ArticlePage], instance: ArticlePage, revision: Revision, **kwargs: Any
) -> None:
    """Log a publish that opens or closes the discussion.

    The state before is the last opening or closing logged (a discussion starts open),
    so only a publish that changes it writes a line.
    """
    last = (
        ModerationAction.objects.filter(
            article_id=instance.pk, action__in=(Action.OPEN_DISCUSSION, Action.CLOSE_DISCUSSION)
        )
        .order_by("-created_at", "-pk")
        .values_list("action", flat=True)
        .first()
    )
    was_open = last != Action.CLOSE_DISCUSSION
    if instance.comments_open == was_open:
        return
    ModerationAction.objects.create(
        actor=revision.user,
        rule="" if revision.user else ModerationAction.PUBLISHED,
        action=Action.OPEN_DISCUSSION if instance.comments_open else Action.CLOSE_DISCUSSION,
        article_id=instance.pk,
        reason="Published with the discussion " + ("open" if instance.comments_open else "closed"),
    )


def connect() -> None:
    page_published.connect(_article_published, sender=ArticlePage)
