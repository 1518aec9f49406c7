"""Moderation: word lists, reader reports, sanctions, moderator notes and the audit log.

Vocabulary from Coral: a reader *reports* a comment (``REPORTED_*``), the rules
*detect* something in it (``DETECTED_*``, stored on the comment's
``moderation_flags``). Moderation never deletes: it changes a comment's status
and writes a ModerationAction.
"""

from typing import Protocol

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import models
from django.db.models import Case, Q, When
from django.db.models.functions import Lower, Now
from django.utils import timezone

# The group that holds the moderate_comments permission. Not Wagtail's own "Moderators"
# group, which publishes pages: a comment moderator is not an editor.
MODERATORS_GROUP = "Comment moderators"
MODERATE_COMMENTS = "moderation.moderate_comments"


class Flag(models.TextChoices):
    """Why the system held or rejected a comment (recorded on Comment.moderation_flags)."""

    DETECTED_BANNED_WORD = "DETECTED_BANNED_WORD", "Banned word"
    DETECTED_TOXIC = "DETECTED_TOXIC", "Toxicity above the hold threshold"
    DETECTED_SUSPECT_WORD = "DETECTED_SUSPECT_WORD", "Suspect word"
    DETECTED_LINKS = "DETECTED_LINKS", "Links from a new reader"
    DETECTED_NEW_COMMENTER = "DETECTED_NEW_COMMENTER", "New commenter (pre-moderated)"
    DETECTED_REPORTED = "DETECTED_REPORTED", "Hidden after reader reports"


class Term(models.Model):
    """A word-list entry moderators edit in the admin (Snippets → Moderation terms)."""

    class Kind(models.TextChoices):
        BANNED = "banned", "Banned: the comment is rejected"
        SUSPECT = "suspect", "Suspect: the comment is held for review"

    text = models.CharField(
        max_length=100,
        help_text="A word or phrase. Matching ignores case, repeated letters and "
        "swaps such as 0→o, 1→i, 3→e, 4→a, 5→s, @→a, $→s.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.SUSPECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "text"]
        constraints = [
            models.UniqueConstraint(Lower("text"), name="moderation_term_unique_ci"),
        ]

    def __str__(self) -> str:
        return f"{self.text} ({self.get_kind_display().split(':')[0]})"


class ReportQuerySet(models.QuerySet):
    def open(self) -> "ReportQuerySet":
        return self.filter(resolved_at__isnull=True)


class Report(models.Model):
    class Reason(models.TextChoices):
        REPORTED_ABUSIVE = "REPORTED_ABUSIVE", "Abusive or insulting"
        REPORTED_SPAM = "REPORTED_SPAM", "Spam"
        REPORTED_OFF_TOPIC = "REPORTED_OFF_TOPIC", "Off topic"
        REPORTED_MISINFORMATION = "REPORTED_MISINFORMATION", "Misinformation"
        REPORTED_OTHER = "REPORTED_OTHER", "Something else"

    comment = models.ForeignKey(
        "discussion.Comment", on_delete=models.PROTECT, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reports_made"
    )
    reason = models.CharField(max_length=30, choices=Reason.choices)
    note = models.TextField(blank=True, max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    # Set when a moderator decides on the comment: the report leaves the Reported queue.
    resolved_at = models.DateTimeField(null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="report_one_per_reader_per_comment"
            ),
            models.CheckConstraint(
                condition=~Q(reason="REPORTED_OTHER") | ~Q(note=""),
                name="report_other_has_note",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} on comment {self.comment_id}"


class SanctionQuerySet(models.QuerySet):
    def active(self) -> "SanctionQuerySet":
        """Not lifted, and not ended by the database's clock (a prepared query, compiled
        once, then still asks for the time of each call)."""
        return self.filter(lifted_at__isnull=True).filter(
            Q(ends_at__isnull=True) | Q(ends_at__gt=Now())
        )

    def most_severe_first(self) -> "SanctionQuerySet":
        """A ban before any suspension, then the newest: the one a reader is told about."""
        return self.order_by(
            Case(When(kind=Sanction.Kind.BAN, then=0), default=1), "-created_at", "-pk"
        )


class Sanction(models.Model):
    """A suspension (until ``ends_at``) or a ban (no end) of a reader."""

    class Kind(models.TextChoices):
        SUSPENSION = "suspension", "Suspension"
        BAN = "ban", "Ban"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="sanctions"
    )
    kind = models.CharField(max_length=12, choices=Kind.choices)
    reason = models.TextField()
    ends_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    lifted_at = models.DateTimeField(null=True, blank=True)

    objects = SanctionQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind="ban", ends_at__isnull=True)
                | Q(kind="suspension", ends_at__isnull=False),
                name="sanction_suspension_ends_ban_does_not",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} of {self.user}"

    @property
    def message(self) -> str:
        """What the reader is told, with the moderator's reason."""
        if self.kind == self.Kind.BAN:
            return f"Your account has been banned from the discussion. Reason: {self.reason}"
        until = timezone.localtime(self.ends_at).strftime("%B %-d, %Y, %H:%M %Z")
        return f"Your account is suspended from the discussion until {until}. Reason: {self.reason}"


class ModeratorNoteQuerySet(models.QuerySet):
    def shown(self) -> "ModeratorNoteQuerySet":
        return self.filter(withdrawn_at__isnull=True).order_by("-created_at", "-pk")


class ModeratorNote(models.Model):
    """A note from the moderators to the readers of one article ("Please stay on topic")."""

    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.PROTECT, related_name="moderator_notes"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    body = models.TextField(max_length=1000)
    created_at = models.DateTimeField(default=timezone.now)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    objects = ModeratorNoteQuerySet.as_manager()

    def __str__(self) -> str:
        return self.body[:60]


class AuditedComment(Protocol):
    """What the audit log reads of a comment (the discussion's Comment, not imported here)."""

    pk: int
    author_id: int
    article_id: int


class ModerationActionQuerySet(models.QuerySet["ModerationAction"]):
    def record_for_comment(
        self,
        *,
        comment: AuditedComment,
        action: str,
        actor: AbstractBaseUser | None = None,
        rule: str = "",
        reason: str = "",
    ) -> "ModerationAction":
        """One audit row for a change of ``comment``'s status, by a person or by a rule."""
        return self.create(
            actor=actor,
            rule=rule,
            action=action,
            comment_id=comment.pk,
            reader_id=comment.author_id,
            article_id=comment.article_id,
            reason=reason,
        )


class ModerationAction(models.Model):
    """The audit log: who did what to which comment, reader or discussion, why, and when.

    Append-only. Every change of a comment's status writes one: a moderator's decision
    (``actor``), the author's own deletion or edit (``actor`` is the author), or a rule
    acting alone (``rule`` names it, ``actor`` is empty).
    """

    class Action(models.TextChoices):
        APPROVE = "approve", "Approved"
        REJECT = "reject", "Rejected"
        REMOVE = "remove", "Removed"
        FEATURE = "feature", "Featured"
        UNFEATURE = "unfeature", "Unfeatured"
        SUSPEND = "suspend", "Suspended reader"
        BAN = "ban", "Banned reader"
        LIFT = "lift", "Lifted sanction"
        NOTE = "note", "Posted a note"
        WITHDRAW_NOTE = "withdraw_note", "Withdrew a note"
        OPEN_DISCUSSION = "open_discussion", "Opened the discussion"
        CLOSE_DISCUSSION = "close_discussion", "Closed the discussion"
        HOLD = "hold", "Held for review"
        DELETE_BY_AUTHOR = "delete_by_author", "Deleted by its author"

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
    )
    # The rule that acted when no person did: REPORTS_TO_HIDE, PUBLISHED, or the flag
    # (DETECTED_*) of the rule that held an edited comment.
    rule = models.CharField(max_length=40, blank=True)
    action = models.CharField(max_length=20, choices=Action.choices, db_index=True)
    comment = models.ForeignKey(
        "discussion.Comment",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions",
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="moderation_actions_received",
    )
    article = models.ForeignKey(
        "articles.ArticlePage", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    objects = ModerationActionQuerySet.as_manager()

    REPORTS_TO_HIDE = "reports_to_hide"
    PUBLISHED = "published"  # an editor's publish, when no person is named on the revision

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("moderate_comments", "Can moderate reader comments")]
        constraints = [
            models.CheckConstraint(
                condition=Q(actor__isnull=False) | ~Q(rule=""),
                name="moderation_action_by_a_person_or_a_rule",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.by} {self.get_action_display().lower()} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def by(self) -> str:
        """Who acted: the person, or the rule ("rule: reports_to_hide")."""
        return str(self.actor) if self.actor_id else f"rule: {self.rule}"
