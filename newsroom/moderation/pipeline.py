"""The ordered moderation pipeline run on every new or edited comment (Coral's shape).

Each phase looks at a Submission and returns a Decision, or None when it has
nothing to say. A rejection stops the pipeline at once and the comment is not
saved (the writer gets the message and keeps the text); otherwise any hold
makes the comment pending, and every phase that held it leaves its flag.
"""

from dataclasses import dataclass
from functools import cached_property

from django.core.exceptions import ValidationError

from newsroom.discussion.models import Comment


class CommentRejected(ValidationError):
    """A rule refused the comment outright (a banned word)."""

    def __init__(self, message: str):
        super().__init__({"body": [message]})


class NudgeRequired(ValidationError):
    """The comment reads as hostile: ask the writer once whether to revise it."""

    def __init__(self, message: str):
        super().__init__({"body": [message]})


@dataclass(frozen=True)
class Decision:
    status: str  # a Comment.Status: PUBLISHED, PENDING or REJECTED
    flags: tuple[str, ...] = ()
    message: str = ""


@dataclass
class Submission:
    """What the phases judge: the text, its author, and the comment if edited."""

    body: str
    author: object
    comment: Comment | None = None
    confirmed_nudge: bool = False

    @property
    def is_edit(self) -> bool:
        return self.comment is not None

    @cached_property
    def toxicity(self) -> float:
        from newsroom.moderation.toxicity import toxicity_score

        return toxicity_score(self.body)

    @cached_property
    def word_patterns(self) -> dict:
        """The word lists, compiled once for all the phases that read them."""
        from newsroom.moderation.phases import word_patterns

        return word_patterns()

    @cached_property
    def approved_count(self) -> int:
        """The author's published comments, not counting the one being judged."""
        comments = Comment.objects.published().filter(author=self.author)
        if self.comment is not None:
            comments = comments.exclude(pk=self.comment.pk)
        return comments.count()


@dataclass(frozen=True)
class Outcome:
    status: str
    flags: list[str]
    toxicity: float | None


def moderate(submission: Submission) -> Outcome:
    """Run PHASES in order; raise CommentRejected or NudgeRequired, or say how to save."""
    from newsroom.moderation.phases import PHASES

    status, flags = Comment.Status.PUBLISHED, []
    for phase in PHASES:
        decision = phase(submission)
        if decision is None:
            continue
        if decision.status == Comment.Status.REJECTED:
            raise CommentRejected(decision.message)
        if decision.status == Comment.Status.PENDING:
            status = Comment.Status.PENDING
        flags.extend(flag for flag in decision.flags if flag not in flags)
    toxicity = submission.__dict__.get("toxicity")
    return Outcome(status=status, flags=flags, toxicity=toxicity)
