"""The read paths of the moderation workspace: queues, their counts, the audit log.

The workspace sits above the discussion (it reads comments); the readings the
discussion itself needs (who moderates, a reader's sanction) are in selectors.py.

A queue page costs the same number of queries whatever its length: one for the
tab counts, one for the page count, one for the page (with the comment's
article, parent, quote and the reader's history counted in SQL), one for the
reports on the page and one for the readers' active sanctions.
"""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from newsroom.discussion.models import Comment
from newsroom.moderation.actions import available_actions, available_reader_actions
from newsroom.moderation.models import Flag, ModerationAction, Report, Sanction
from newsroom.moderation.toxicity import NEWSROOM, PROFANITY_CHECK, TOX_BLOCK

QUEUES = {
    "pending": "Pending",
    "reported": "Reported",
    "recent": "Recent",
    "rejected": "Rejected",
}
FLAG_LABELS = dict(Flag.choices)
# The rejection reason offered first for a comment, from what its readers reported.
SUGGESTED_REASONS: dict[str, str] = {
    Report.Reason.REPORTED_ABUSIVE: Comment.RejectionReason.ABUSIVE,
    Report.Reason.REPORTED_SPAM: Comment.RejectionReason.SPAM,
    Report.Reason.REPORTED_OFF_TOPIC: Comment.RejectionReason.OFF_TOPIC,
    Report.Reason.REPORTED_MISINFORMATION: Comment.RejectionReason.MISINFORMATION,
    Report.Reason.REPORTED_OTHER: Comment.RejectionReason.OTHER,
}


def _open_reports() -> QuerySet[Report]:
    return Report.objects.open().filter(comment=OuterRef("pk"))


def _count(queryset: QuerySet, *, per: str) -> Coalesce:
    """A correlated COUNT(*) of ``queryset`` per OuterRef column ``per``; 0 when empty."""
    counted = queryset.order_by().values(per).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def queue_comments(name: str, comments: QuerySet[Comment]) -> QuerySet[Comment]:
    if name == "pending":
        return comments.filter(status=Comment.Status.PENDING).order_by("created_at", "pk")
    if name == "reported":
        return (
            comments.filter(Exists(_open_reports()))
            .exclude(status__in=Comment.GONE_STATUSES)
            .annotate(open_reports=_count(_open_reports(), per="comment"))
            .order_by("-open_reports", "created_at", "pk")
        )
    if name == "rejected":
        return comments.filter(status=Comment.Status.REJECTED).order_by("-updated_at", "-pk")
    return comments.order_by("-created_at", "-pk")


def queue_counts(comments: QuerySet[Comment]) -> dict[str, int]:
    """All four tab counts in one query."""
    return comments.aggregate(
        pending=Count("pk", filter=Q(status=Comment.Status.PENDING)),
        reported=Count(
            "pk", filter=Q(Exists(_open_reports())) & ~Q(status__in=Comment.GONE_STATUSES)
        ),
        recent=Count("pk"),
        rejected=Count("pk", filter=Q(status=Comment.Status.REJECTED)),
    )


@dataclass(frozen=True)
class ReportLine:
    reason: str
    reporter: str
    note: str


@dataclass(frozen=True)
class ModelScore:
    model: str
    score: float
    high: bool  # at or above the hold threshold


# How the queue names each toxicity model (moderation/toxicity.py); an unknown one by its key.
MODEL_LABELS = {PROFANITY_CHECK: "profanity-check", TOX_BLOCK: "tox-block", NEWSROOM: "newsroom"}


@dataclass(frozen=True)
class QueueItem:
    """One comment as a queue shows it, with the decisions that apply to it and its author."""

    comment: Comment
    label: str  # names the comment in messages and for screen readers: its words and author
    article_title: str
    in_reply_to: str  # "Name: the start of the answered comment", or empty
    quoting: str
    toxicity: float | None
    toxicity_high: bool
    model_scores: tuple[ModelScore, ...]  # each model's own score: why the combination held it
    flags: tuple[str, ...]
    reports: tuple[ReportLine, ...]
    suggested_reason: str
    actions: frozenset[str]
    author_name: str
    author_history: str
    sanction: Sanction | None
    reader_actions: frozenset[str]


def comment_label(comment: Comment) -> str:
    """“The first words…” by Name: how a moderator recognises a comment in a message."""
    words = " ".join(comment.body.split())
    excerpt = words if len(words) <= 48 else words[:47].rstrip() + "…"
    return f"“{excerpt}” by {_name(comment.author)}"


def _name(user) -> str:
    return user.public_name or "a deleted account"


def _excerpt(comment: Comment | None, text: str) -> str:
    if comment is None:
        return ""
    text = " ".join(text.split())
    return f"{_name(comment.author)}: {text[:199] + '…' if len(text) > 200 else text}"


def _suggested_reason(comment: Comment, reports: list[Report]) -> str:
    if reports:
        return SUGGESTED_REASONS[reports[0].reason]
    if Flag.DETECTED_LINKS in comment.moderation_flags:
        return Comment.RejectionReason.SPAM
    return Comment.RejectionReason.ABUSIVE


def queue_queryset(name: str) -> QuerySet[Comment]:
    """The comments of queue ``name``, with everything a QueueItem needs loaded in bulk."""
    author_comments = Comment.objects.filter(author=OuterRef("author"))
    return (
        queue_comments(name, Comment.objects.all())
        .select_related("article", "author", "quoted__author", "in_reply_to__author")
        .annotate(
            author_approved=_count(
                author_comments.filter(status=Comment.Status.PUBLISHED), per="author"
            ),
            author_rejected=_count(
                author_comments.filter(status=Comment.Status.REJECTED), per="author"
            ),
            author_reported=_count(
                author_comments.filter(Exists(Report.objects.filter(comment=OuterRef("pk")))),
                per="author",
            ),
        )
        .prefetch_related(
            Prefetch(
                "reports",
                Report.objects.open().select_related("reporter"),
                to_attr="open_report_list",
            ),
            Prefetch(
                "author__sanctions",
                Sanction.objects.active().most_severe_first(),
                to_attr="active_sanctions",
            ),
        )
    )


def queue_item(comment: Any) -> QueueItem:
    """A comment loaded by ``queue_queryset`` (with its annotations and prefetches) as a
    QueueItem, without further queries."""
    reports: list[Report] = comment.open_report_list
    sanction: Sanction | None = (comment.author.active_sanctions or [None])[0]
    return QueueItem(
        comment=comment,
        label=comment_label(comment),
        article_title=comment.article.title,
        in_reply_to=_excerpt(comment.in_reply_to, comment.in_reply_to.body)
        if comment.in_reply_to_id
        else "",
        quoting=_excerpt(comment.quoted, comment.quoted_text) if comment.quoted_id else "",
        toxicity=comment.toxicity,
        toxicity_high=(comment.toxicity or 0) >= settings.NEWSROOM_TOXICITY_HOLD,
        model_scores=tuple(
            ModelScore(
                model=MODEL_LABELS.get(name, name),
                score=score,
                high=score >= settings.NEWSROOM_TOXICITY_HOLD,
            )
            for name, score in sorted(comment.toxicity_scores.items())
        ),
        flags=tuple(FLAG_LABELS.get(flag, flag) for flag in comment.moderation_flags),
        reports=tuple(
            ReportLine(
                reason=report.get_reason_display(),
                reporter=_name(report.reporter),
                note=report.note,
            )
            for report in reports
        ),
        suggested_reason=_suggested_reason(comment, reports),
        actions=available_actions(comment, reported=bool(reports)),
        author_name=_name(comment.author),
        author_history=f"{comment.author_approved} approved · {comment.author_rejected} "
        f"rejected · {comment.author_reported} reported",
        sanction=sanction,
        reader_actions=available_reader_actions(comment.author, sanction=sanction),
    )


def queue_items(comments) -> list[QueueItem]:
    return [queue_item(comment) for comment in comments]


def queue_item_for(comment: Comment) -> QueueItem:
    """One comment's QueueItem after a decision, in the queue the moderator is looking at."""
    return queue_item(queue_queryset("recent").get(pk=comment.pk))


def pending_count() -> int:
    return Comment.objects.filter(status=Comment.Status.PENDING).count()


def moderation_log() -> QuerySet[ModerationAction]:
    """The audit log, newest first, with what each row names loaded in the same query."""
    return ModerationAction.objects.select_related(
        "actor", "reader", "comment", "article"
    ).order_by("-created_at", "-pk")
