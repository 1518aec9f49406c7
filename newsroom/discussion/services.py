"""Every write of the discussion: one function per use case, each atomic."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Now
from django.utils import timezone

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.core.html import plain_text, render_comment
from newsroom.core.prepared import Update, insert, prepared
from newsroom.discussion.announce import comment_changed
from newsroom.discussion.mentions import link_mentions, member_page_urls, unlink_member_pages
from newsroom.discussion.models import MAX_DEPTH, Comment, DecisionNotice, Vote
from newsroom.discussion.permissions import (
    commenting_permission,
    standing_permission,
    unasked_commenting_permission,
)
from newsroom.discussion.tasks import decision_notification_enqueue, reply_notifications_enqueue
from newsroom.moderation.models import Flag, ModerationAction, Report
from newsroom.moderation.rules import Outcome, Submission, Verdict, moderate

MAX_BODY_LENGTH = 3000
ELLIPSIS = "…"
# What a comment becomes when the rules publish or hold it (they reject before saving).
STATUS_FOR_VERDICT = {
    Verdict.PUBLISH: Comment.Status.PUBLISHED,
    Verdict.HOLD: Comment.Status.PENDING,
}


@prepared(int, int)
def _published_ids_by(author_id: int, left_out: int, at_most: int) -> QuerySet[Comment, tuple[int]]:
    """The ids of the author's published comments but one, ``at_most`` of them: asked on
    every post, and a regular has thousands."""
    published = Comment.objects.published().filter(author=author_id).exclude(pk=left_out)
    return published.order_by().values_list("pk")[:at_most]


@prepared(int, str)
def _posted_from(author_id: int, submission_key: str) -> QuerySet[Comment, tuple[int, str]]:
    """The id and words of the author's comment posted from this form, if any: asked on
    every post from a page (one at most, by a unique constraint)."""
    posted = Comment.objects.filter(author=author_id, submission_key=submission_key)
    return posted.values_list("pk", "body")


def _judge(
    *, body: str, author: User, confirmed_nudge: bool, edited: Comment | None = None
) -> Outcome:
    """Run the moderation rules over a text, telling them how many of the author's comments
    are published (the one being edited not counted)."""

    def count_approved(at_most: int) -> int:
        left_out = edited.pk if edited is not None else 0  # no comment has the id 0
        return len(_published_ids_by.rows(author.pk, left_out, shape=(at_most,)))

    submission = Submission(
        body=body,
        author=author,
        count_approved=count_approved,
        is_edit=edited is not None,
        confirmed_nudge=confirmed_nudge,
    )
    return moderate(submission)


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
    # What is stored is the original's own text, never the writer's variant of it.
    return original if excerpt == original else f"{excerpt}{ELLIPSIS}"


def comment_create(
    *,
    article: ArticlePage,
    author: User,
    body: str,
    parent: Comment | None = None,
    quoted: Comment | None = None,
    quoted_text: str = "",
    confirmed_nudge: bool = False,
    submission_key: str = "",
) -> Comment:
    """Post a comment after the moderation pipeline has judged it.

    The comment is judged (cleaned, rendered, mentions linked, the rules and the toxicity
    model run) before the transaction opens, so no other write waits for that work; the
    transaction then locks the comments it answers or quotes, checks what may have changed
    meanwhile (the author's standing, those comments still published) and saves. Before
    the judging, only what needs no query is checked (the discussion open, the account
    active and named): the standing's query is asked once, where it counts.

    Raises NudgeRequired (ask the writer once) or CommentRejected (a banned word)
    before anything is saved; a held comment is saved as pending with its flags.
    ``submission_key`` names the form it was posted from: the same form posted again
    answers with the comment already stored.
    """
    unasked_commenting_permission(user=author, article=article).require()
    body = _clean_body(body)
    if submission_key:
        earlier = _posted_from.row(author.pk, submission_key)
        if earlier is not None and earlier[1] == body:
            return Comment.objects.get(pk=earlier[0])
        if earlier is not None:  # an old copy of a form, used again for new words
            submission_key = ""
    comment = Comment(article=article, author=author, body=body, submission_key=submission_key)
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
    outcome = _judge(body=body, author=author, confirmed_nudge=confirmed_nudge)
    comment.status = STATUS_FOR_VERDICT[outcome.verdict]
    comment.moderation_flags = outcome.flags
    comment.toxicity = outcome.toxicity
    comment.toxicity_scores = outcome.toxicity_scores
    try:
        with transaction.atomic():
            answered = [c.pk for c in (parent, quoted) if c is not None]
            if answered:
                statuses = dict(
                    Comment.objects.select_for_update()
                    .filter(pk__in=answered)
                    .values_list("pk", "status")
                )
                if parent is not None and statuses[parent.pk] != Comment.Status.PUBLISHED:
                    raise ValidationError({"parent": "That comment can no longer be answered."})
                if quoted is not None and statuses[quoted.pk] != Comment.Status.PUBLISHED:
                    raise ValidationError({"quoted_text": "That comment can no longer be quoted."})
            commenting_permission(user=author, article=article).require()
            insert(comment)
            comment_changed(comment, was_published=False)
            if comment.status == Comment.Status.PUBLISHED:
                reply_notifications_enqueue(comment=comment)
    except IntegrityError:
        # The same form posted twice at once: the other request stored it first.
        posted = Comment.objects.filter(author=author, submission_key=submission_key).first()
        if not submission_key or posted is None:
            raise
        return posted
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
    # The same standing as posting: an open discussion, a verified address, no sanction.
    commenting_permission(user=editor, article=comment.article).require()
    was_published = comment.status == Comment.Status.PUBLISHED
    comment.body = _clean_body(body)
    outcome = _judge(
        body=comment.body, author=editor, confirmed_nudge=confirmed_nudge, edited=comment
    )
    held_now = outcome.verdict == Verdict.HOLD and comment.status == Comment.Status.PUBLISHED
    if outcome.verdict == Verdict.HOLD:
        comment.status = Comment.Status.PENDING
    comment.moderation_flags = list(dict.fromkeys([*comment.moderation_flags, *outcome.flags]))
    comment.toxicity = outcome.toxicity
    comment.toxicity_scores = outcome.toxicity_scores
    comment.body_html = render_comment(link_mentions(comment.body))
    comment.edited_at = timezone.now()
    comment.save(
        update_fields=[
            "body", "body_html", "edited_at", "status", "moderation_flags", "toxicity",
            "toxicity_scores", "updated_at",
        ]
    )  # fmt: skip
    if held_now:
        labels = "; ".join(Flag(flag).label for flag in outcome.flags if flag in Flag.values)
        ModerationAction.objects.record_for_comment(
            comment=comment,
            action=ModerationAction.Action.HOLD,
            rule=outcome.flags[0] if outcome.flags else "",
            reason=f"Held for review after an edit: {labels}",
        )
    comment_changed(comment, was_published=was_published)
    return comment


@transaction.atomic
def comments_unlink_member_pages(*, slugs: list[str]) -> int:
    """Mentions of a deleted account become plain text in every stored comment.

    Called from accounts.account_delete (through its hook) inside its transaction,
    which also retires every stored page. Returns how many comments changed.
    """
    urls = member_page_urls(slugs)
    if not urls:
        return 0
    linking = Q()
    for url in urls:
        linking |= Q(body_html__contains=f'href="{url}"')
    changed = 0
    for pk, html in Comment.objects.filter(linking).values_list("pk", "body_html"):
        unlinked = unlink_member_pages(html, urls=urls)
        if unlinked != html:
            changed += Comment.objects.filter(pk=pk).update(body_html=unlinked)
    return changed


@transaction.atomic
def comment_delete_by_author(*, comment: Comment, author: User) -> Comment:
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id != author.pk:
        raise PermissionDenied("Only the author can delete a comment.")
    if comment.status in (Comment.Status.REMOVED, Comment.Status.REJECTED):
        raise PermissionDenied("A moderator has already taken this comment down.")
    was_published = comment.status == Comment.Status.PUBLISHED
    comment.status = Comment.Status.DELETED_BY_AUTHOR
    comment.save(update_fields=["status", "updated_at"])
    ModerationAction.objects.record_for_comment(
        comment=comment, action=ModerationAction.Action.DELETE_BY_AUTHOR, actor=author
    )
    comment_changed(comment, was_published=was_published)
    return comment


# What a vote reads inside its transaction, prepared: a vote is the most frequent write.
@prepared(int)
def _locked_for_vote(comment_id: int) -> QuerySet[Comment, tuple[str, int, int, int]]:
    """The comment's row, locked, with the columns the vote's rules read."""
    comment = Comment.objects.select_for_update().filter(pk=comment_id)
    return comment.values_list("status", "author_id", "upvotes", "downvotes")


@prepared(int, int)
def _vote_of(comment_id: int, voter_id: int) -> QuerySet[Vote, tuple[int]]:
    return Vote.objects.filter(comment_id=comment_id, voter_id=voter_id).values_list("value")


@prepared(int, int, int)
def _vote_changed(comment_id: int, voter_id: int, value: int) -> Update:
    mine = Vote.objects.filter(comment_id=comment_id, voter_id=voter_id)
    return Update(mine, value=value, updated_at=Now())


@prepared(int, int, int)
def _counted(comment_id: int, up: int, down: int) -> Update:
    """The comment's counters moved by the vote, under its lock."""
    counters = {"upvotes": F("upvotes") + up, "downvotes": F("downvotes") + down}
    return Update(Comment.objects.filter(pk=comment_id), **counters)


@transaction.atomic
def vote_cast(*, comment: Comment, voter: User, value: int) -> Comment:
    """Vote up (1), down (-1) or withdraw (0); the comment given comes back with its status and
    counts as they now stand.

    Once the reader may vote, the comment's row is locked, so votes on it are counted one at
    a time; the lock reads only the columns the rules need. The reader's old vote is read
    after it, in a statement of its own: a subquery of the locking statement would read from
    before any wait for the lock, and miss a vote the same reader cast meanwhile. The
    counters move by F(), and the comment's counts are moved the same way in Python, which
    the lock makes exact (nothing is read back).
    """
    if value not in (-1, 0, 1):
        raise ValidationError({"value": "A vote is up, down or withdrawn."})
    # Voting is taking part: the same rule as posting (open discussion, verified, no sanction).
    # It reads nothing of the comment, so it is asked before the lock, not while others wait.
    commenting_permission(user=voter, article=comment.article).require()
    locked = _locked_for_vote.row(comment.pk)
    if locked is None:  # deleted outright since it was read (an account's data erased)
        raise PermissionDenied("This comment can no longer be voted on.")
    status, author_id, upvotes, downvotes = locked
    comment.status, comment.upvotes, comment.downvotes = status, upvotes, downvotes
    if author_id == voter.pk:
        raise PermissionDenied("You cannot vote on your own comment.")
    if status != Comment.Status.PUBLISHED:
        raise PermissionDenied("Only published comments can be voted on.")
    old = (_vote_of.row(comment.pk, voter.pk) or (0,))[0]
    if value == old:
        return comment
    if value == 0:
        Vote.objects.filter(comment_id=comment.pk, voter=voter).delete()
    elif old:
        _vote_changed.run(comment.pk, voter.pk, value)
    else:
        insert(Vote(comment=comment, voter=voter, value=value))
    up, down = int(value == 1) - int(old == 1), int(value == -1) - int(old == -1)
    _counted.run(comment.pk, up, down)
    comment.upvotes += up
    comment.downvotes += down
    comment_changed(comment, was_published=True)
    return comment


@transaction.atomic
def report_create(
    *, comment: Comment, reporter: User, reason: str, note: str = ""
) -> tuple[Report, bool]:
    """A reader reports a comment once; at NEWSROOM_REPORTS_TO_HIDE it is hidden for review.

    Returns the report and whether it is new (reporting twice changes nothing).
    """
    if not reporter.is_authenticated or reporter.anonymised_at or not reporter.is_active:
        raise PermissionDenied("Sign in to report a comment.")
    # A closed discussion can still be reported; an unverified or sanctioned account cannot.
    standing_permission(user=reporter).require()
    if reason not in Report.Reason.values:
        raise ValidationError({"reason": "Choose a reason."})
    note = (note or "").strip()
    if reason == Report.Reason.REPORTED_OTHER and not note:
        raise ValidationError({"note": "Tell us briefly what is wrong with this comment."})
    comment = Comment.objects.select_for_update().get(pk=comment.pk)
    if comment.author_id == reporter.pk:
        raise PermissionDenied("You cannot report your own comment.")
    if comment.status != Comment.Status.PUBLISHED:
        raise PermissionDenied("This comment is no longer shown.")
    # The comment's row lock (SQLite: the write transaction) makes a double submit wait here,
    # so it finds the first report; the unique constraint stays as the backstop.
    existing = Report.objects.filter(comment=comment, reporter=reporter).first()
    if existing is not None:
        return existing, False
    report = Report.objects.create(comment=comment, reporter=reporter, reason=reason, note=note)
    reports = Report.objects.open().filter(comment=comment).count()
    if reports >= settings.NEWSROOM_REPORTS_TO_HIDE:
        comment.status = Comment.Status.PENDING
        if Flag.DETECTED_REPORTED not in comment.moderation_flags:
            comment.moderation_flags = [*comment.moderation_flags, Flag.DETECTED_REPORTED]
        comment.save(update_fields=["status", "moderation_flags", "updated_at"])
        ModerationAction.objects.record_for_comment(
            comment=comment,
            action=ModerationAction.Action.HOLD,
            rule=ModerationAction.REPORTS_TO_HIDE,
            reason=f"Hidden for review after {reports} open reader reports",
        )
        comment_changed(comment, was_published=True)
    return report, True


@transaction.atomic
def decision_notice_create(*, comment: Comment, action: ModerationAction) -> DecisionNotice:
    """Tell a comment's author what a moderator decided on it (``action``, the audit row).

    Called by the moderation workspace inside its transaction. The author sees the notice
    on their member page, and gets one email after commit if they allow emails.
    """
    notice = DecisionNotice.objects.create(
        action=action, comment=comment, recipient_id=comment.author_id
    )
    decision_notification_enqueue(notice=notice)
    return notice


@transaction.atomic
def decision_notices_mark_read(*, reader: User, notice_ids: list[int]) -> int:
    """The reader has seen these notices; how many were new to them."""
    return (
        DecisionNotice.objects.unread()
        .filter(recipient=reader, pk__in=notice_ids)
        .update(read_at=timezone.now())
    )
