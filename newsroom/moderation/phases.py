"""The phases of the moderation pipeline, in the order they run (see PHASES).

A phase takes a Submission and returns a Decision, or None when the comment
passes it. Text rules first (they need nothing but the text), then the rules
about the reader's standing.
"""

import re

from django.conf import settings

from newsroom.discussion.models import Comment
from newsroom.moderation.models import Flag, Term
from newsroom.moderation.pipeline import Decision, NudgeRequired, Submission
from newsroom.moderation.words import compile_terms, find_terms

LINK = re.compile(r"https?://|www\.|\]\(", re.IGNORECASE)
NUDGE_MESSAGE = (
    "Your comment may come across as hostile. Would you like to revise it? "
    "Post it again unchanged to publish it as it is."
)


def word_patterns() -> dict[str, re.Pattern | None]:
    """The current word lists as two compiled patterns (one small query)."""
    terms = {Term.Kind.BANNED: [], Term.Kind.SUSPECT: []}
    for text, kind in Term.objects.values_list("text", "kind"):
        terms[kind].append(text)
    return {kind: compile_terms(texts) for kind, texts in terms.items()}


def banned_words(submission: Submission) -> Decision | None:
    found = find_terms(submission.word_patterns[Term.Kind.BANNED], submission.body)
    if not found:
        return None
    return Decision(
        Comment.Status.REJECTED,
        (Flag.DETECTED_BANNED_WORD,),
        f"Your comment contains language that is not allowed here (“{found[0]}”). "
        "Please remove it and post again.",
    )


def toxicity(submission: Submission) -> Decision | None:
    score = submission.toxicity
    if score >= settings.NEWSROOM_TOXICITY_NUDGE and not submission.confirmed_nudge:
        raise NudgeRequired(NUDGE_MESSAGE)
    if score >= settings.NEWSROOM_TOXICITY_HOLD:
        return Decision(Comment.Status.PENDING, (Flag.DETECTED_TOXIC,))
    return None


def suspect_words(submission: Submission) -> Decision | None:
    if find_terms(submission.word_patterns[Term.Kind.SUSPECT], submission.body):
        return Decision(Comment.Status.PENDING, (Flag.DETECTED_SUSPECT_WORD,))
    return None


def links(submission: Submission) -> Decision | None:
    if not LINK.search(submission.body):
        return None
    if submission.approved_count >= settings.NEWSROOM_LINKS_MIN_APPROVED:
        return None
    return Decision(Comment.Status.PENDING, (Flag.DETECTED_LINKS,))


def new_commenter(submission: Submission) -> Decision | None:
    """A reader's first N comments wait for a moderator (edits are judged by the text rules)."""
    if submission.is_edit or submission.approved_count >= settings.NEWSROOM_PREMODERATE_FIRST:
        return None
    return Decision(Comment.Status.PENDING, (Flag.DETECTED_NEW_COMMENTER,))


PHASES = [banned_words, toxicity, suspect_words, links, new_commenter]
