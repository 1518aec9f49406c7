"""What the rest of the site asks of moderation: who moderates, and a reader's sanction.

These sit below the discussion, which asks them before it lets a reader take
part; the workspace's own read paths (queues, the log) are in queues.py.
"""

from newsroom.accounts.models import Viewer
from newsroom.moderation.models import MODERATORS_GROUP, Sanction


def is_moderator(user: Viewer) -> bool:
    """Whether the user moderates comments; remembered on the user for the request."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    memo = vars(user)
    if "_is_moderator" not in memo:
        memo["_is_moderator"] = user.groups.filter(name=MODERATORS_GROUP).exists()
    return bool(memo["_is_moderator"])


def active_sanction(user: Viewer) -> Sanction | None:
    """The reader's current suspension or ban, if any (a ban outranks a suspension)."""
    if not user.is_authenticated:
        return None
    return Sanction.objects.active().filter(user=user).most_severe_first().first()
