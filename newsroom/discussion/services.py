"""Every write of the discussion: one function per use case, each atomic."""

from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.core import page_cache
from newsroom.core.html import plain_text, render_comment
from newsroom.discussion.mentions import link_mentions
from newsroom.discussion.models import MAX_DEPTH, Comment, Vote
from newsroom.discussion.tasks import reply_notifications_enqueue
from newsroom.moderation.pipeline import Submission, moderate
from newsroom.moderation.services import active_sanction

MAX_BODY_LENGTH = 3000
ELLIPSIS = "…"


@dataclass(frozen=True)
class Posting:
    """Who may do what: checked by the services, shown by the templates."""

    allowed: bool
    reason: str = ""


def discussion_closed_reason(article: ArticlePage, now=None) -> str:
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


def commenting_permission(*, user: User, article: ArticlePage) -> Posting:
    closed = discussion_closed_reason(article)
    if closed:
        return Posting(False, closed)
    if not user.is_authenticated:
        return Posting(False, "Sign in to take part in the discussion.")
    if user.anonymised_at or not user.is_active:
        return Posting(False, "This account can no longer take part in the discussion.")
    if not user.display_name:
        return Posting(False, "Choose a display name in your account before commenting.")
    if not EmailAddress.objects.filter(user=user, verified=True).exists():
        return Posting(False, "Verify your email address before commenting.")
    sanction = active_sanction(user)
    if sanction is not None:
        return Posting(False, sanction.message)
    return Posting(True)


def _require(permission: Posting) -> None:
    if not permission.allowed:
        raise PermissionDenied(permission.reason)


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Write something before posting."})
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            {
                "body": f"Comments are limited to {MAX_BODY_LENGTH:,} characters; "
                f"this one has {len(body):,}."
            }
        )
    return body


def _clean_quote(*, article: ArticlePage, quoted: Comment | None, quoted_text: str) -> str:
    if quoted is None:
        return ""
    if quoted.article_id != article.pk or quoted.status != Comment.Status.PUBLISHED:
        raise ValidationError({"quoted_text": "That comment can no longer be quoted."})
    original = plain_text(quoted.body_html)
    excerpt = " ".join((quoted_text or "").split()).strip(ELLIPSIS + " ")
    if not excerpt:
        return original
    if excerpt not in original:
        raise ValidationError({"quoted_text": "A quote must be text from the comment it quotes."})
    return quoted_text.strip() if excerpt == original else f"{excerpt}{ELLIPSIS}"


@transaction.atomic
def comment_create(
    *,
    article: ArticlePage,
    author: User,
    body: str,
    parent: Comment | None = None,
    quoted: Comment | None = None,
    quoted_text: str = "",
    confirmed_nudge: bool = False,
) -> Comment:
    """Post a comment after the moderation pipeline has judged it.

    Raises NudgeRequired (ask the writer once) or CommentRejected (a banned word)
    before anything is saved; a held comment is saved as pending with its flags.
    """
    _require(commenting_permission(user=author, article=article))
    body = _clean_body(body)
    comment = Comment(article=article, author=author, body=body)
    if parent is not None:
        if parent.article_id != article.pk or parent.status != Comment.Status.PUBLISHED:
            raise ValidationError({"parent": "That comment can no longer be answered."})
        comment.in_reply_to = parent
        comment.thread_id = parent.thread_id or parent.pk
        # Threads nest three deep; deeper answers join the deepest level.
        comment.parent = parent if parent.depth < MAX_DEPTH else parent.parent
        comment.depth = min(parent.depth + 1, MAX_DEPTH)
    comment.quoted = quoted
    comment.quoted_text = _clean_quote(article=article, quoted=quoted, quoted_text=quoted_text)
    comment.body_html = render_comment(link_mentions(body))
    outcome = moderate(Submission(body=body, author=author, confirmed_nudge=confirmed_nudge))
    comment.status = outcome.status
    comment.moderation_flags = outcome.flags
    comment.toxicity = outcome.toxicity
    comment.save()
    if comment.status == Comment.Status.PUBLISHED:
        reply_notifications_enqueue(comment=comment)
    return comment


@transaction.atomic
def comment_edit(
    *, comment: Comment, editor: User, body: str, confirmed_nudge: bool = False
) -> Comment:
    """Edit within the window; the text rules run again, and a held comment stays held."""
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != editor.pk:
        raise PermissionDenied("Only the author can edit a comment.")
    if comment.status not in (Comment.Status.PUBLISHED, Comment.Status.PENDING):
        raise PermissionDenied("This comment can no longer be edited.")
    if not comment.edit_window_open():
        minutes = int(settings.NEWSROOM_COMMENT_EDIT_MINUTES)
        raise PermissionDenied(f"Comments can be edited for {minutes} minutes after posting.")
    sanction = active_sanction(editor)
    if sanction is not None:
        raise PermissionDenied(sanction.message)
    comment.body = _clean_body(body)
    outcome = moderate(
        Submission(
            body=comment.body,
            author=editor,
            comment=comment,
            confirmed_nudge=confirmed_nudge,
        )
    )
    if outcome.status == Comment.Status.PENDING:
        comment.status = Comment.Status.PENDING
    comment.moderation_flags = list(dict.fromkeys([*comment.moderation_flags, *outcome.flags]))
    comment.toxicity = outcome.toxicity
    comment.body_html = render_comment(link_mentions(comment.body))
    comment.edited_at = timezone.now()
    comment.save(
        update_fields=[
            "body", "body_html", "edited_at", "status", "moderation_flags", "toxicity",
            "updated_at",
        ]
    )  # fmt: skip
    return comment


@transaction.atomic
def comment_delete_by_author(*, comment: Comment, author: User) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != author.pk:
        raise PermissionDenied("Only the author can delete a comment.")
    if comment.status in (Comment.Status.REMOVED, Comment.Status.REJECTED):
        raise PermissionDenied("A moderator has already taken this comment down.")
    comment.status = Comment.Status.DELETED_BY_AUTHOR
    comment.save(update_fields=["status", "updated_at"])
    return comment


@transaction.atomic
def vote_cast(*, comment: Comment, voter: User, value: int) -> Comment:
    """Vote up (1), down (-1) or withdraw (0); counters move by F() under the comment's row lock."""
    if value not in (-1, 0, 1):
        raise ValidationError({"value": "A vote is up, down or withdrawn."})
    locked = Comment.objects.select_for_update().get(pk=comment.pk)
    # Voting is taking part: the same rule as posting (open discussion, verified, no sanction).
    _require(commenting_permission(user=voter, article=comment.article))
    if locked.author_id == voter.pk:
        raise PermissionDenied("You cannot vote on your own comment.")
    if locked.status != Comment.Status.PUBLISHED:
        raise PermissionDenied("Only published comments can be voted on.")
    old = (
        Vote.objects.filter(comment=locked, voter=voter).values_list("value", flat=True).first()
        or 0
    )
    if value == old:
        return locked
    if value == 0:
        Vote.objects.filter(comment=locked, voter=voter).delete()
    else:
        Vote.objects.update_or_create(comment=locked, voter=voter, defaults={"value": value})
    Comment.objects.filter(pk=locked.pk).update(
        upvotes=F("upvotes") + int(value == 1) - int(old == 1),
        downvotes=F("downvotes") + int(value == -1) - int(old == -1),
    )
    page_cache.article_changed(locked.article_id)
    locked.refresh_from_db(fields=["upvotes", "downvotes"])
    return locked
