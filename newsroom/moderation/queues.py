"""The read paths of the moderation workspace: queues, their counts, the audit log.

The workspace sits above the discussion (it reads comments); the readings the
discussion itself needs (who moderates, a reader's sanction) are in selectors.py.

A queue page costs the same number of queries whatever its length: one for the
tab counts, one for the page count, one for the page (with the comment's
article, parent, quote and the reader's history counted in SQL), one for the
reports on the page and one for the readers' active sanctions.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from newsroom.discussion.models import Comment
from newsroom.moderation.models import Flag, ModerationAction, Report, Sanction

QUEUES = {
    "pending": "Pending",
    "reported": "Reported",
    "recent": "Recent",
    "rejected": "Rejected",
}
FLAG_LABELS = dict(Flag.choices)
# The rejection reason offered first for a comment, from what its readers reported.
SUGGESTED_REASONS = {
    Report.Reason.REPORTED_ABUSIVE: Comment.RejectionReason.ABUSIVE,
    Report.Reason.REPORTED_SPAM: Comment.RejectionReason.SPAM,
    Report.Reason.REPORTED_OFF_TOPIC: Comment.RejectionReason.OFF_TOPIC,
    Report.Reason.REPORTED_MISINFORMATION: Comment.RejectionReason.MISINFORMATION,
    Report.Reason.REPORTED_OTHER: Comment.RejectionReason.OTHER,
}


@dataclass
class Queue:
    name: str
    page: Page
    tabs: list[tuple[str, str, int]]


def _open_reports() -> QuerySet[Report]:
    return Report.objects.open().filter(comment=OuterRef("pk"))


def _count(queryset: QuerySet, *, per: str) -> Coalesce:
    """A correlated COUNT(*) of ``queryset`` per OuterRef column ``per``; 0 when empty."""
    counted = queryset.order_by().values(per).annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def _filtered(*, article_id: int | None, reader_id: int | None) -> QuerySet[Comment]:
    comments = Comment.objects.all()
    if article_id:
        comments = comments.filter(article_id=article_id)
    if reader_id:
        comments = comments.filter(author_id=reader_id)
    return comments


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


def moderation_queue(
    *, name: str, article_id: int | None = None, reader_id: int | None = None, page: int = 1
) -> Queue:
    if name not in QUEUES:
        name = "pending"
    base = _filtered(article_id=article_id, reader_id=reader_id)
    counts = queue_counts(base)
    author_comments = Comment.objects.filter(author=OuterRef("author"))
    comments = (
        queue_comments(name, base)
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
    paginator = Paginator(comments, settings.NEWSROOM_MODERATION_PAGE_SIZE)
    current = paginator.get_page(page)
    for comment in current.object_list:
        comment.flag_labels = [FLAG_LABELS.get(flag, flag) for flag in comment.moderation_flags]
        comment.sanction = (comment.author.active_sanctions or [None])[0]
        comment.suggested_reason = (
            SUGGESTED_REASONS[comment.open_report_list[0].reason]
            if comment.open_report_list
            else Comment.RejectionReason.ABUSIVE
            if Flag.DETECTED_TOXIC in comment.moderation_flags
            else Comment.RejectionReason.SPAM
            if Flag.DETECTED_LINKS in comment.moderation_flags
            else Comment.RejectionReason.ABUSIVE
        )
        comment.toxicity_high = (comment.toxicity or 0) >= settings.NEWSROOM_TOXICITY_HOLD
    tabs = [(key, label, counts[key]) for key, label in QUEUES.items()]
    return Queue(name=name, page=current, tabs=tabs)


def moderation_log(
    *, action: str = "", actor_id: int | None = None, reader_id: int | None = None
) -> QuerySet[ModerationAction]:
    actions = ModerationAction.objects.select_related("actor", "reader", "comment", "article")
    if action:
        actions = actions.filter(action=action)
    if actor_id:
        actions = actions.filter(actor_id=actor_id)
    if reader_id:
        actions = actions.filter(reader_id=reader_id)
    return actions.order_by("-created_at", "-pk")
