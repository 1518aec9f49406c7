"""What the rest of the site asks of moderation: who moderates, and a reader's sanction.

These sit below the discussion, which asks them before it lets a reader take
part; the workspace's own read paths (queues, the log) are in queues.py.
"""

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet

from newsroom.accounts.models import Viewer
from newsroom.core.prepared import prepared
from newsroom.moderation.models import MODERATE_COMMENTS, Sanction

_MODERATES = "_newsroom_moderates"


def is_moderator(user: Viewer) -> bool:
    """Whether the user moderates comments: the moderate_comments permission, which the
    "Comment moderators" group holds. Wagtail's own "Moderators" group publishes pages and
    does not grant it.

    Asked on every signed-in request, so it is one prepared query, kept on the user for the
    request, where ``has_perm`` reads all of the user's and their groups' permissions in two.
    """
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    moderates = getattr(user, _MODERATES, None)
    if moderates is None:
        moderates = _granted_moderation.row(user.pk) is not None
        setattr(user, _MODERATES, moderates)  # as Django keeps _perm_cache
    return moderates


@prepared(int)
def _granted_moderation(user_id: int) -> QuerySet[Permission, tuple[int]]:
    """The moderate_comments permission, when the user holds it or is in a group that does."""
    app_label, codename = MODERATE_COMMENTS.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    granted = permission.filter(Q(user=user_id) | Q(group__user=user_id))
    return granted.order_by().values_list("pk")[:1]


def active_sanction(user: Viewer) -> Sanction | None:
    """The reader's current suspension or ban, if any (a ban outranks a suspension)."""
    if not user.is_authenticated:
        return None
    return Sanction.objects.active().filter(user=user).most_severe_first().first()
