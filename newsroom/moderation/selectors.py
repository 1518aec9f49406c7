"""What the rest of the site asks of moderation: who moderates, and a reader's sanction.

These sit below the discussion, which asks them before it lets a reader take
part; the workspace's own read paths (queues, the log) are in queues.py.
"""

from newsroom.accounts.models import Viewer
from newsroom.moderation.models import MODERATE_COMMENTS, Sanction


def is_moderator(user: Viewer) -> bool:
    """Whether the user moderates comments: the moderate_comments permission, which the
    "Comment moderators" group holds (Django keeps a user's permissions for the request).

    Wagtail's own "Moderators" group publishes pages and does not grant it."""
    return user.is_authenticated and user.has_perm(MODERATE_COMMENTS)


def active_sanction(user: Viewer) -> Sanction | None:
    """The reader's current suspension or ban, if any (a ban outranks a suspension)."""
    if not user.is_authenticated:
        return None
    return Sanction.objects.active().filter(user=user).most_severe_first().first()
