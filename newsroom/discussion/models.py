"""Reader comments, their replies and quotes, and the votes on them."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Case, Exists, F, FloatField, OuterRef, Q, Value, When
from django.db.models.functions import Cast, Greatest, Least, Power, Sqrt
from django.utils import timezone

from newsroom.accounts.models import Viewer
from newsroom.core.models import TimeStampedModel
from newsroom.moderation.selectors import is_moderator

MAX_DEPTH = 3


# No row's id: the reader when no one is signed in, the comment asked for when none is.
NO_ONE = 0


def shown_to(reader: int, asked_for: int) -> Q:
    """The one rule of what a reader may see of the discussion.

    Published comments; tombstones (removed, deleted by the author) only while a
    published reply hangs from them, so that threads stay whole and nothing else
    leaves a trace; the reader's own held comments ("awaiting review") and rejected
    ones (with the reason); and the one comment ``asked_for``, which only a moderator
    asks for (the "view" link of the moderation queue), whatever its status.

    Written the same for every viewer, with NO_ONE for a signed-out ``reader`` and for
    no comment asked for, so that a prepared query of the stream has one shape.
    """
    answered = Exists(
        Comment.objects.filter(parent=OuterRef("pk"), status=Comment.Status.PUBLISHED)
    )
    return (
        Q(status=Comment.Status.PUBLISHED)
        | (Q(status__in=Comment.TOMBSTONE_STATUSES) & Q(answered))
        | Q(status__in=Comment.AUTHOR_ONLY_STATUSES, author=reader)
        | Q(pk=asked_for)
    )


def reader_and_asked_for(viewer: Viewer, *, asked_for: int | None = None) -> tuple[int, int]:
    """What shown_to takes for this viewer: their id, and the comment asked for when a
    moderator asks for one (NO_ONE for either otherwise)."""
    if not viewer.is_authenticated:
        return NO_ONE, NO_ONE
    if asked_for is None or not is_moderator(viewer):
        return viewer.pk, NO_ONE
    return viewer.pk, asked_for


class CommentQuerySet(models.QuerySet["Comment"]):
    def published(self) -> "CommentQuerySet":
        return self.filter(status=Comment.Status.PUBLISHED)

    def visible_to(self, viewer: Viewer, *, asked_for: int | None = None) -> "CommentQuerySet":
        """What ``viewer`` may see (shown_to); a moderator also the comment ``asked_for``."""
        return self.filter(shown_to(*reader_and_asked_for(viewer, asked_for=asked_for)))

    def top_level(self) -> "CommentQuerySet":
        return self.filter(parent__isnull=True)

    def with_ranks(self, *, z: float) -> "CommentQuerySet":
        """Annotate the Wilson lower bound (``best``) and reddit's ``controversy`` in SQL.

        Both mirror newsroom.discussion.ranking, which the tests check them against.
        """
        ups = Cast(F("upvotes"), FloatField())
        downs = Cast(F("downvotes"), FloatField())
        total = ups + downs
        share = ups / total
        z2 = Value(z * z)
        wilson = (
            share
            + z2 / (2.0 * total)
            - Value(z) * Sqrt((share * (1.0 - share) + z2 / (4.0 * total)) / total)
        ) / (1.0 + z2 / total)
        return self.annotate(
            best=Case(When(Q(upvotes=0, downvotes=0), then=Value(0.0)), default=wilson),
            controversy=Case(
                When(
                    Q(upvotes__gt=0, downvotes__gt=0),
                    then=Power(total, Least(ups, downs) / Greatest(ups, downs)),
                ),
                default=Value(0.0),
                output_field=FloatField(),
            ),
        )


class Comment(TimeStampedModel):
    class Status(models.TextChoices):
        PUBLISHED = "published", "Published"
        PENDING = "pending", "Pending review"
        REJECTED = "rejected", "Rejected"
        REMOVED = "removed", "Removed by moderator"
        DELETED_BY_AUTHOR = "deleted_by_author", "Deleted by author"

    class RejectionReason(models.TextChoices):
        """Shown to the author of a rejected comment."""

        ABUSIVE = "abusive", "It is abusive or insulting"
        SPAM = "spam", "It is spam or advertising"
        OFF_TOPIC = "off_topic", "It is off topic"
        MISINFORMATION = "misinformation", "It spreads misinformation"
        PERSONAL_DATA = "personal_data", "It shares someone's personal information"
        OTHER = "other", "It breaks the discussion guidelines"

    # Tombstones stay in the stream while replies hang from them, so the replies keep their place.
    TOMBSTONE_STATUSES = (Status.REMOVED, Status.DELETED_BY_AUTHOR)
    # Shown to their author only: held for review, or rejected with the reason.
    AUTHOR_ONLY_STATUSES = (Status.PENDING, Status.REJECTED)
    GONE_STATUSES = (Status.REJECTED, Status.REMOVED, Status.DELETED_BY_AUTHOR)

    # No index of their own for article, author and thread: the indexes below begin with
    # them, and every index is written on every post.
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.PROTECT, related_name="comments", db_index=False
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="comments", db_index=False
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="replies"
    )
    # The top-level comment of the thread, so a page of threads loads its replies in one query.
    thread = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+", db_index=False
    )
    # The comment actually answered: the parent, unless the parent was already at MAX_DEPTH.
    in_reply_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    depth = models.PositiveSmallIntegerField(default=1)
    quoted = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="quoted_by"
    )
    quoted_text = models.TextField(blank=True)
    body = models.TextField(help_text="What the reader typed (Markdown subset).")
    body_html = models.TextField(help_text="The body rendered and sanitised once, at write time.")
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.PUBLISHED, db_index=True
    )
    edited_at = models.DateTimeField(null=True, blank=True)
    # The form the comment was posted from: posting that form again (a retry after a
    # timeout, a double click, a reload that re-posts) finds this comment, not a copy.
    submission_key = models.CharField(max_length=64, blank=True, default="")
    # Moderation: the models' combined probability that the text is abusive and each model's
    # own (name -> probability, see moderation/toxicity.py), the rules that held it (Coral's
    # DETECTED_* flags), why a moderator rejected it, and whether it is pinned on top.
    toxicity = models.FloatField(null=True, blank=True)
    toxicity_scores = models.JSONField(default=dict, blank=True)
    moderation_flags = models.JSONField(default=list, blank=True)
    rejection_reason = models.CharField(max_length=20, choices=RejectionReason.choices, blank=True)
    is_featured = models.BooleanField(default=False)
    upvotes = models.PositiveIntegerField(default=0)
    downvotes = models.PositiveIntegerField(default=0)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(
                fields=["article", "status", "parent", "created_at"], name="comment_stream_idx"
            ),
            # A page of threads in the stream's two orders by time, featured first: read in
            # index order, it stops at the page's end instead of sorting the whole article.
            models.Index(
                fields=["article", "parent", "-is_featured", "created_at", "id"],
                name="comment_oldest_idx",
            ),
            models.Index(
                fields=["article", "parent", "-is_featured", "-created_at", "-id"],
                name="comment_newest_idx",
            ),
            models.Index(fields=["thread", "created_at"], name="comment_thread_idx"),
            models.Index(fields=["author", "status", "-created_at"], name="comment_author_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(depth__gte=1, depth__lte=MAX_DEPTH), name="comment_depth_in_range"
            ),
            models.UniqueConstraint(
                fields=["author", "submission_key"],
                condition=~Q(submission_key=""),
                name="comment_one_per_submitted_form",
            ),
            models.CheckConstraint(
                condition=Q(parent__isnull=True, depth=1, thread__isnull=True)
                | Q(parent__isnull=False, depth__gt=1, thread__isnull=False),
                name="comment_reply_has_parent_and_thread",
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.pk} by {self.author} on {self.article_id}"

    @property
    def score(self) -> int:
        return self.upvotes - self.downvotes

    @property
    def is_gone(self) -> bool:
        return self.status in self.GONE_STATUSES

    @property
    def anchor(self) -> str:
        return f"comment-{self.pk}"

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("discussion:comment-permalink", args=[self.pk])

    def edit_window_open(self, now=None) -> bool:
        window = timedelta(minutes=settings.NEWSROOM_COMMENT_EDIT_MINUTES)
        return (now or timezone.now()) - self.created_at < window


class Vote(TimeStampedModel):
    class Direction(models.IntegerChoices):
        UP = 1, "Up"
        DOWN = -1, "Down"

    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="votes")
    voter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="votes"
    )
    value = models.SmallIntegerField(choices=Direction.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "voter"], name="vote_one_per_reader_per_comment"
            ),
            models.CheckConstraint(
                condition=Q(value__in=[-1, 1]), name="vote_value_is_plus_or_minus_one"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.voter} {self.value:+d} on comment {self.comment_id}"


class ReplyNotification(TimeStampedModel):
    """The ledger of reply emails: one per answer per reader, whatever happens to the answer.

    An answer can become visible more than once (approved, hidden by reports, approved
    again), and a task backend may run a task twice; the constraint keeps it to one email.
    """

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "recipient"], name="reply_notification_once_per_recipient"
            ),
        ]

    def __str__(self) -> str:
        return f"Comment {self.comment_id} notified to {self.recipient_id}"


class DecisionNoticeQuerySet(models.QuerySet["DecisionNotice"]):
    def unread(self) -> "DecisionNoticeQuerySet":
        return self.filter(read_at__isnull=True)


class DecisionNotice(TimeStampedModel):
    """A moderator's decision on a reader's held comment, told to its author.

    One per decision (the audit row it tells of, under a one-to-one constraint): shown on
    the author's member page until they have seen it (``read_at``), and emailed once if
    they allow it (``emailed_at``, claimed before sending so a task run twice sends once).
    """

    action = models.OneToOneField(
        "moderation.ModerationAction", on_delete=models.PROTECT, related_name="+"
    )
    comment = models.ForeignKey(Comment, on_delete=models.PROTECT, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="decision_notices"
    )
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    objects = DecisionNoticeQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="decision_notice_unread_idx")]

    def __str__(self) -> str:
        return f"Decision {self.action_id} on comment {self.comment_id} told to {self.recipient_id}"
