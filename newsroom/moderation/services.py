"""Every write of the moderation workspace: one function per use case, each atomic and audited.

Moderation never deletes: it changes a comment's status (or a reader's
standing) and writes one ModerationAction per comment or reader it touched.
"""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.core import page_cache
from newsroom.discussion.announce import comment_changed
from newsroom.discussion.models import Comment
from newsroom.discussion.services import decision_notice_create
from newsroom.discussion.tasks import reply_notifications_enqueue
from newsroom.moderation.actions import available_actions, available_reader_actions
from newsroom.moderation.models import (
    ModerationAction,
    ModeratorNote,
    Report,
    Sanction,
)
from newsroom.moderation.selectors import active_sanction, is_moderator

Action = ModerationAction.Action
# Approving a comment only its author could see (held for review, or rejected) is told to
# the author; approving one readers already see (dismissing reports) is not. A rejection
# always is, with its reason.
APPROVAL_TOLD_FROM = (Comment.Status.PENDING, Comment.Status.REJECTED)


def _require_moderator(user: User) -> None:
    if not is_moderator(user):
        raise PermissionDenied("Only moderators can do that.")


def _locked(comment: Comment) -> Comment:
    return Comment.objects.select_for_update().get(pk=comment.pk)


def _log(
    *,
    actor: User,
    action: str,
    comment: Comment | None = None,
    reader: User | None = None,
    reason: str = "",
) -> ModerationAction:
    if comment is not None:
        return ModerationAction.objects.record_for_comment(
            comment=comment, action=action, actor=actor, reason=reason
        )
    return ModerationAction.objects.create(actor=actor, action=action, reader=reader, reason=reason)


def _resolve_reports(comment: Comment) -> None:
    Report.objects.open().filter(comment=comment).update(resolved_at=timezone.now())


def _require_available(comment: Comment, action: str) -> None:
    """Refuse what the queue would not offer (moderation.actions decides both)."""
    reported = Report.objects.open().filter(comment=comment).exists()
    if action not in available_actions(comment, reported=reported):
        if comment.status == Comment.Status.DELETED_BY_AUTHOR:
            raise ValidationError("The author deleted this comment.")
        raise ValidationError(
            f"A comment that is {comment.get_status_display().lower()} cannot be "
            f"{Action(action).label.lower()}."
        )


@transaction.atomic
def comment_approve(*, comment: Comment, moderator: User) -> Comment:
    _require_moderator(moderator)
    comment = _locked(comment)
    if comment.status == Comment.Status.PUBLISHED and not comment.reports.open().exists():
        return comment  # already shown and nothing to dismiss: approving again changes nothing
    _require_available(comment, Action.APPROVE)
    newly_visible = comment.status != Comment.Status.PUBLISHED
    awaited = comment.status in APPROVAL_TOLD_FROM
    comment.status = Comment.Status.PUBLISHED
    comment.rejection_reason = ""
    comment.save(update_fields=["status", "rejection_reason", "updated_at"])
    comment_changed(comment, was_published=not newly_visible)
    _resolve_reports(comment)
    logged = _log(actor=moderator, action=Action.APPROVE, comment=comment)
    if awaited:
        decision_notice_create(comment=comment, action=logged)
    if newly_visible:
        reply_notifications_enqueue(comment=comment)
    return comment


@transaction.atomic
def comment_reject(*, comment: Comment, moderator: User, reason: str) -> Comment:
    """Reject with a reason from Comment.RejectionReason; the author is told, with the reason."""
    _require_moderator(moderator)
    if reason not in Comment.RejectionReason.values:
        raise ValidationError({"reason": "Choose a reason from the list."})
    comment = _locked(comment)
    _require_available(comment, Action.REJECT)
    was_published = comment.status == Comment.Status.PUBLISHED
    comment.status = Comment.Status.REJECTED
    comment.rejection_reason = reason
    comment.is_featured = False
    comment.save(update_fields=["status", "rejection_reason", "is_featured", "updated_at"])
    comment_changed(comment, was_published=was_published)
    _resolve_reports(comment)
    label = Comment.RejectionReason(reason).label
    logged = _log(actor=moderator, action=Action.REJECT, comment=comment, reason=label)
    decision_notice_create(comment=comment, action=logged)
    return comment


@transaction.atomic
def comment_remove(*, comment: Comment, moderator: User, reason: str = "") -> Comment:
    """Take a published comment down, leaving a tombstone so its replies keep their place."""
    _require_moderator(moderator)
    comment = _locked(comment)
    _require_available(comment, Action.REMOVE)
    was_published = comment.status == Comment.Status.PUBLISHED
    comment.status = Comment.Status.REMOVED
    comment.is_featured = False
    comment.save(update_fields=["status", "is_featured", "updated_at"])
    comment_changed(comment, was_published=was_published)
    _resolve_reports(comment)
    _log(actor=moderator, action=Action.REMOVE, comment=comment, reason=reason)
    return comment


@transaction.atomic
def comment_feature(*, comment: Comment, moderator: User, featured: bool = True) -> Comment:
    """Pin a published top-level comment at the top of its stream (or unpin it)."""
    _require_moderator(moderator)
    comment = _locked(comment)
    if (Action.FEATURE if featured else Action.UNFEATURE) not in available_actions(
        comment, reported=False
    ):
        if featured:
            raise ValidationError("Only a published top-level comment can be featured.")
        return comment  # not featured: nothing to undo
    comment.is_featured = featured
    comment.save(update_fields=["is_featured", "updated_at"])
    comment_changed(comment, was_published=comment.status == Comment.Status.PUBLISHED)
    _log(actor=moderator, action=Action.FEATURE if featured else Action.UNFEATURE, comment=comment)
    return comment


@transaction.atomic
def comments_bulk_moderate(
    *, comments: list[Comment], moderator: User, action: str, reason: str = ""
) -> int:
    """Approve or reject a selection; one audit record per comment."""
    _require_moderator(moderator)
    done = 0
    for comment in sorted(comments, key=lambda c: c.pk):  # lock in a fixed order
        if action == Action.APPROVE:
            comment_approve(comment=comment, moderator=moderator)
        elif action == Action.REJECT:
            comment_reject(comment=comment, moderator=moderator, reason=reason)
        else:
            raise ValidationError({"action": "Bulk actions are approve and reject."})
        done += 1
    return done


def _require_reader_action(reader: User, action: str) -> None:
    User.objects.select_for_update().get(pk=reader.pk)
    if action not in available_reader_actions(reader, sanction=active_sanction(reader)):
        if reader.anonymised_at is not None:
            raise ValidationError("This account was deleted.")
        raise ValidationError(f"{reader} cannot be {Action(action).label.lower()} now.")


@transaction.atomic
def reader_suspend(*, reader: User, moderator: User, until: datetime, reason: str) -> Sanction:
    _require_moderator(moderator)
    if until <= timezone.now():
        raise ValidationError({"until": "A suspension ends in the future."})
    if not reason.strip():
        raise ValidationError({"reason": "Say why: the reader is told."})
    _require_reader_action(reader, Action.SUSPEND)
    sanction = Sanction.objects.create(
        user=reader, kind=Sanction.Kind.SUSPENSION, ends_at=until, reason=reason,
        created_by=moderator,
    )  # fmt: skip
    _log(actor=moderator, action=Action.SUSPEND, reader=reader,
         reason=f"{reason} (until {until:%Y-%m-%d %H:%M %Z})")  # fmt: skip
    return sanction


@transaction.atomic
def reader_ban(*, reader: User, moderator: User, reason: str) -> Sanction:
    _require_moderator(moderator)
    if not reason.strip():
        raise ValidationError({"reason": "Say why: the reader is told."})
    _require_reader_action(reader, Action.BAN)
    sanction = Sanction.objects.create(
        user=reader, kind=Sanction.Kind.BAN, reason=reason, created_by=moderator
    )
    _log(actor=moderator, action=Action.BAN, reader=reader, reason=reason)
    return sanction


@transaction.atomic
def reader_sanctions_lift(*, reader: User, moderator: User, reason: str = "") -> int:
    _require_moderator(moderator)
    User.objects.select_for_update().get(pk=reader.pk)
    lifted = Sanction.objects.active().filter(user=reader).update(lifted_at=timezone.now())
    if lifted:
        _log(actor=moderator, action=Action.LIFT, reader=reader, reason=reason)
    return lifted


@transaction.atomic
def moderator_note_create(*, article: ArticlePage, moderator: User, body: str) -> ModeratorNote:
    _require_moderator(moderator)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": "Write the note."})
    note = ModeratorNote.objects.create(article=article, author=moderator, body=body)
    page_cache.article_changed(article.pk)
    ModerationAction.objects.create(
        actor=moderator, action=Action.NOTE, article=article, reason=body
    )
    return note


@transaction.atomic
def moderator_note_withdraw(*, note: ModeratorNote, moderator: User) -> ModeratorNote:
    _require_moderator(moderator)
    note = ModeratorNote.objects.select_for_update().get(pk=note.pk)
    note.withdrawn_at = timezone.now()
    note.save(update_fields=["withdrawn_at"])
    page_cache.article_changed(note.article_id)
    ModerationAction.objects.create(
        actor=moderator, action=Action.WITHDRAW_NOTE, article_id=note.article_id, reason=note.body
    )
    return note


@transaction.atomic
def article_discussion_set(
    *, article: ArticlePage, moderator: User, open: bool, reason: str = ""
) -> ArticlePage:
    """Open or close an article's discussion without publishing the article again.

    The live page row changes, and so does the latest revision, so that the editor's
    next publish keeps the moderator's choice; no new revision is made and the
    article's published times (its "Updated" line) stay as they are.
    """
    _require_moderator(moderator)
    page: ArticlePage = ArticlePage.objects.select_for_update().get(pk=article.pk)
    if page.comments_open == open:
        return page
    ArticlePage.objects.filter(pk=page.pk).update(comments_open=open)
    revision = page.latest_revision
    if revision is not None and "comments_open" in revision.content:
        revision.content["comments_open"] = open
        type(revision).objects.filter(pk=revision.pk).update(content=revision.content)
    page.comments_open = open
    ModerationAction.objects.create(
        actor=moderator,
        action=Action.OPEN_DISCUSSION if open else Action.CLOSE_DISCUSSION,
        article=page,
        reason=reason.strip(),
    )
    page_cache.article_changed(page.pk)
    return page
