"""The moderation rules: an ordered pipeline run on every new or edited comment (Coral's shape).

The engine knows nothing of the discussion. It judges a Submission (the text,
its author and what the caller knows of the author's standing) and answers
with a Verdict: publish, hold or reject, with the flags that explain it. The
discussion maps a verdict to a comment status.

Each phase returns a Decision, or None when it has nothing to say. A rejection
stops the pipeline at once (the writer gets the message and keeps the text);
otherwise any hold holds the comment, and every phase that held it leaves its flag.
Text rules run first (they need nothing but the text), then the reader's standing.
"""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property, lru_cache

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet

from newsroom.accounts.models import User
from newsroom.core.prepared import prepared
from newsroom.moderation.models import Flag, Term
from newsroom.moderation.toxicity import Scores, score
from newsroom.moderation.words import compile_terms, find_normalised, normalise

LINK = re.compile(r"https?://|www\.|\]\(", re.IGNORECASE)
NUDGE_MESSAGE = (
    "Your comment may come across as hostile. Would you like to revise it? "
    "Post it again unchanged to publish it as it is."
)


class Verdict(StrEnum):
    PUBLISH = "publish"
    HOLD = "hold"
    REJECT = "reject"


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
    verdict: Verdict
    flags: tuple[str, ...] = ()
    message: str = ""


@dataclass
class Submission:
    """What the phases judge.

    ``approved_count`` is the author's published comments, not counting the one
    being judged; the caller knows where comments live, so it passes a function,
    called at most once and only by a phase that needs it, with the most the phases
    compare the count with: a regular's thousands of comments need not all be counted.
    """

    body: str
    author: User
    count_approved: Callable[[int], int]
    is_edit: bool = False
    confirmed_nudge: bool = False

    @cached_property
    def scores(self) -> Scores:
        """Every toxicity model's score of the text, and their combination."""
        return score(self.body)

    @property
    def toxicity(self) -> float:
        return self.scores.combined

    @cached_property
    def normalised_body(self) -> str:
        """The text as the word lists read it (words.normalise), once for every list."""
        return normalise(self.body)

    @cached_property
    def word_patterns(self) -> dict[str, re.Pattern[str] | None]:
        """The word lists, compiled once for all the phases that read them."""
        return word_patterns()

    @cached_property
    def approved_count(self) -> int:
        """The author's published comments, counted up to the most any phase asks about."""
        return self.count_approved(
            max(settings.NEWSROOM_PREMODERATE_FIRST, settings.NEWSROOM_LINKS_MIN_APPROVED)
        )


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    flags: list[str]
    toxicity: float | None  # the combined score, when a phase needed it
    toxicity_scores: dict[str, float]  # each model's score by name (empty when unscored)


@prepared()
def _terms() -> QuerySet[Term, tuple[str, str]]:
    return Term.objects.order_by("kind", "text").values_list("text", "kind")


def word_patterns() -> dict[str, re.Pattern[str] | None]:
    """The current word lists as two compiled patterns (one small query; compiled again
    only when the lists changed)."""
    return _compiled(tuple(_terms.rows()))


@lru_cache(maxsize=4)
def _compiled(terms: tuple[tuple[str, str], ...]) -> dict[str, re.Pattern[str] | None]:
    texts: dict[str, list[str]] = {Term.Kind.BANNED: [], Term.Kind.SUSPECT: []}
    for text, kind in terms:
        texts[kind].append(text)
    return {kind: compile_terms(listed) for kind, listed in texts.items()}


def banned_words(submission: Submission) -> Decision | None:
    found = find_normalised(submission.word_patterns[Term.Kind.BANNED], submission.normalised_body)
    if not found:
        return None
    return Decision(
        Verdict.REJECT,
        (Flag.DETECTED_BANNED_WORD,),
        f"Your comment contains language that is not allowed here (“{found[0]}”). "
        "Please remove it and post again.",
    )


def toxicity(submission: Submission) -> Decision | None:
    score = submission.toxicity
    if score >= settings.NEWSROOM_TOXICITY_NUDGE and not submission.confirmed_nudge:
        raise NudgeRequired(NUDGE_MESSAGE)
    if score >= settings.NEWSROOM_TOXICITY_HOLD:
        return Decision(Verdict.HOLD, (Flag.DETECTED_TOXIC,))
    return None


def suspect_words(submission: Submission) -> Decision | None:
    if find_normalised(submission.word_patterns[Term.Kind.SUSPECT], submission.normalised_body):
        return Decision(Verdict.HOLD, (Flag.DETECTED_SUSPECT_WORD,))
    return None


def links(submission: Submission) -> Decision | None:
    if not LINK.search(submission.body):
        return None
    if submission.approved_count >= settings.NEWSROOM_LINKS_MIN_APPROVED:
        return None
    return Decision(Verdict.HOLD, (Flag.DETECTED_LINKS,))


def new_commenter(submission: Submission) -> Decision | None:
    """A reader's first N comments wait for a moderator (edits are judged by the text rules)."""
    if submission.is_edit or submission.approved_count >= settings.NEWSROOM_PREMODERATE_FIRST:
        return None
    return Decision(Verdict.HOLD, (Flag.DETECTED_NEW_COMMENTER,))


# Why a comment waits for a moderator, in its author's words, by the flag of the rule that
# held it. The first that applies is told: a later reason (reports, an edit's wording)
# outranks the new-reader rule, whose flag stays on every comment it once held.
HOLD_REASONS: dict[str, str] = {
    Flag.DETECTED_REPORTED: "Readers reported it, so it is hidden until a moderator has read it.",
    Flag.DETECTED_TOXIC: (
        "Our filter flagged its wording, so a moderator reads it before it appears."
    ),
    Flag.DETECTED_SUSPECT_WORD: (
        "It contains a word our filter asks a moderator to check before it appears."
    ),
    Flag.DETECTED_LINKS: "A moderator checks links from newer readers before they appear.",
    Flag.DETECTED_NEW_COMMENTER: (
        "A moderator reads the first comments of every new reader before they appear."
    ),
}
HOLD_REASON_OTHERWISE = "A moderator reads it before it appears."


def hold_reason(flags: Iterable[str]) -> str:
    """Why a held comment waits, from the flags its Outcome left on it (``Outcome.flags``)."""
    held_by = set(flags)
    return next(
        (reason for flag, reason in HOLD_REASONS.items() if flag in held_by), HOLD_REASON_OTHERWISE
    )


Phase = Callable[[Submission], Decision | None]
PHASES: list[Phase] = [banned_words, toxicity, suspect_words, links, new_commenter]


def moderate(submission: Submission) -> Outcome:
    """Run PHASES in order; raise CommentRejected or NudgeRequired, or say how to save."""
    verdict, flags = Verdict.PUBLISH, list[str]()
    for phase in PHASES:
        decision = phase(submission)
        if decision is None:
            continue
        if decision.verdict == Verdict.REJECT:
            raise CommentRejected(decision.message)
        if decision.verdict == Verdict.HOLD:
            verdict = Verdict.HOLD
        flags.extend(flag for flag in decision.flags if flag not in flags)
    scores: Scores | None = submission.__dict__.get("scores")
    return Outcome(
        verdict=verdict,
        flags=flags,
        toxicity=scores.combined if scores else None,
        toxicity_scores=dict(scores.by_model) if scores else {},
    )
