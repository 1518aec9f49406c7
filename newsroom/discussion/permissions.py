"""Who may take part in a discussion: checked by the services, shown by the templates."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from newsroom.accounts.models import User, Viewer
from newsroom.articles.models import ArticlePage
from newsroom.core.prepared import prepared
from newsroom.moderation.models import Sanction
from newsroom.moderation.selectors import active_sanction, is_moderator


@dataclass(frozen=True)
class Posting:
    """Whether a reader may post (comment, reply, vote, report) and, if not, why."""

    allowed: bool
    reason: str = ""

    def require(self) -> None:
        if not self.allowed:
            raise PermissionDenied(self.reason)


def discussion_closed_reason(article: ArticlePage, now: datetime | None = None) -> str:
    """Why the discussion of an article is read-only, or "" while it is open."""
    if not article.comments_open:
        return "The discussion of this article is closed."
    days = settings.NEWSROOM_DISCUSSION_CLOSE_AFTER_DAYS
    published = article.first_published_at
    if (
        days is not None
        and published
        and (now or timezone.now()) >= published + timedelta(days=days)
    ):
        return f"The discussion of this article closed {days} days after publication."
    return ""


def commenting_permission(*, user: Viewer, article: ArticlePage) -> Posting:
    """Whether the reader may comment, reply, edit or vote in this article's discussion."""
    return _with_standing(unasked_commenting_permission(user=user, article=article), user)


def unasked_commenting_permission(*, user: Viewer, article: ArticlePage) -> Posting:
    """commenting_permission() without asking the database: the discussion open, the
    account's own state. What it allows, commenting_permission() may still refuse (an
    unverified address, a sanction)."""
    closed = discussion_closed_reason(article)
    if closed:
        return Posting(False, closed)
    return _account_permission(user=user)


def standing_permission(*, user: Viewer) -> Posting:
    """Whether the account may take part at all (reporting needs no open discussion)."""
    return _with_standing(_account_permission(user=user), user)


def _account_permission(*, user: Viewer) -> Posting:
    if not user.is_authenticated:
        return Posting(False, "Sign in to take part in the discussion.")
    if user.anonymised_at or not user.is_active:
        return Posting(False, "This account can no longer take part in the discussion.")
    if not user.display_name:
        return Posting(False, "Choose a display name in your account before commenting.")
    return Posting(True)


@prepared(int)
def _standing(user_id: int) -> QuerySet[User, tuple[bool, bool]]:
    """Whether the account has a verified email address, and whether it has a sanction."""
    return User.objects.filter(pk=user_id).values_list(
        Exists(EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)),
        Exists(Sanction.objects.active().filter(user=OuterRef("pk"))),
    )


def _with_standing(unasked: Posting, user: Viewer) -> Posting:
    """What the database adds to a permission asked without it: a verified address and no
    sanction. Asked on every vote, post and signed-in view of a discussion, so both are
    looked up in one prepared query."""
    if not unasked.allowed or not user.is_authenticated:  # signed out: refused already
        return unasked
    verified, sanctioned = _standing.row(user.pk) or (False, False)
    if not verified:
        return Posting(False, "Verify your email address before commenting.")
    # Which sanction, for its message, only for the few readers who have one.
    sanction = active_sanction(user) if sanctioned else None
    if sanction is not None:
        return Posting(False, sanction.message)
    return Posting(True)


def shares_pages(user: Viewer) -> bool:
    """Whether a signed-in reader may be served the pages everyone shares, with their own
    state put in by the page's script: not staff or moderators, who see more than readers
    (held comments, the tools to act on them) and always get pages rendered for them."""
    return user.is_authenticated and not user.is_staff and not is_moderator(user)
