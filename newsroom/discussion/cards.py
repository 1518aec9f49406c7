"""The discussion's read models: what a template shows of a comment, decided once in Python.

A card holds the comment row and everything a template would otherwise have to
work out (names, badges, the viewer's vote, what the viewer may do), so the
templates only read, and a misspelt field is an error rather than a silent blank.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.conf import settings

from newsroom.accounts.models import Viewer
from newsroom.discussion.models import Comment
from newsroom.moderation.rules import hold_reason


@dataclass(frozen=True)
class QuoteCard:
    """The quoted part of a comment. A quote of a comment that is no longer published keeps
    only its place: neither its words nor its author survive the takedown."""

    comment_id: int
    author_name: str
    text: str
    removed: bool


@dataclass(frozen=True)
class CommentCard:
    comment: Comment
    author_name: str  # "" for a deleted account
    author_slug: str  # "" when the author has no member page
    author_badge: str  # "Moderator", "Staff" or ""
    reply_to_label: str  # whom a reply answers: a name, "a deleted account", "a removed comment"
    quote: QuoteCard | None
    viewer_vote: int  # -1, 0 or 1
    is_own: bool
    notice: str  # why only this viewer sees it: "Your comment is awaiting review." ...
    tombstone: str  # what stands in for the body of a comment taken down, or ""
    can_vote: bool
    can_reply: bool
    can_quote: bool
    can_report: bool
    can_edit: bool
    can_delete: bool
    children: tuple["CommentCard", ...] = ()

    @property
    def pk(self) -> int:
        return self.comment.pk

    @property
    def anchor(self) -> str:
        return self.comment.anchor


def _badge(comment: Comment) -> str:
    author = comment.author
    if author.anonymised_at:
        return ""
    if getattr(comment, "author_is_moderator", False):
        return "Moderator"
    return "Staff" if author.is_staff else ""


def _quote(comment: Comment) -> QuoteCard | None:
    quoted = comment.quoted
    if quoted is None:
        return None
    removed = quoted.status != Comment.Status.PUBLISHED
    return QuoteCard(
        comment_id=quoted.pk,
        author_name="" if removed else quoted.author.public_name,
        text="" if removed else comment.quoted_text,
        removed=removed,
    )


TOMBSTONES: dict[str, str] = {
    Comment.Status.DELETED_BY_AUTHOR: "[deleted by author]",
    Comment.Status.REMOVED: "[removed by a moderator]",
}


def _is_named(comment: Comment) -> bool:
    """A comment taken down keeps its place, not its author; a deleted account has no name."""
    return comment.status not in TOMBSTONES and not comment.author.anonymised_at


@dataclass(frozen=True)
class VoteButtonsCard:
    """What the vote buttons of a comment read (``partials/_vote_buttons.html``), on their
    own: the answer to a vote replaces only them. A CommentCard has the same fields, so the
    partial serves both; this one needs nothing loaded beyond the comment and its author."""

    comment: Comment
    author_name: str
    viewer_vote: int
    can_vote: bool


def _may_vote_or_report(comment: Comment, *, viewer: Viewer, can_post: bool) -> bool:
    """Whether the viewer may vote on the comment or report it: a signed-in reader who may
    take part in this discussion, on a published comment not their own."""
    return (
        comment.status == Comment.Status.PUBLISHED
        and can_post
        and viewer.is_authenticated
        and comment.author_id != viewer.pk
    )


def vote_buttons_card(comment: Comment, *, viewer: Viewer, viewer_vote: int) -> VoteButtonsCard:
    """The buttons after the viewer's vote, which vote_cast allowed: they may take part."""
    return VoteButtonsCard(
        comment=comment,
        author_name=comment.author.public_name if _is_named(comment) else "",
        viewer_vote=viewer_vote,
        can_vote=_may_vote_or_report(comment, viewer=viewer, can_post=True),
    )


def _reply_to_label(answered: Comment | None) -> str:
    if answered is None:
        return ""
    if answered.status in TOMBSTONES:
        return "a removed comment"
    return answered.author.public_name or "a deleted account"


def awaiting_review_explanation(comment: Comment) -> str:
    """What the author of a held comment is told, from the moment they post it: why it
    waits (the rules that held it), for how long, where to find it and what comes next."""
    return (
        f"Your comment is awaiting review. {hold_reason(comment.moderation_flags)} "
        f"That usually happens within {settings.NEWSROOM_REVIEW_HOURS} hours. Until then only "
        "you see it, here and on your member page; we will tell you when a moderator has "
        "approved or rejected it."
    )


def _notice(comment: Comment, *, is_own: bool) -> str:
    """What a viewer is told about a comment that readers do not see."""
    status = comment.status
    if status == Comment.Status.PENDING:
        return (
            awaiting_review_explanation(comment)
            if is_own
            else "Held for review: readers do not see it."
        )
    if status == Comment.Status.REJECTED:
        reason = comment.get_rejection_reason_display()
        if is_own:
            return f"A moderator rejected your comment: {reason}."
        return f"Rejected ({reason}): readers do not see it."
    return ""


def comment_card(
    comment: Comment,
    *,
    viewer: Viewer,
    viewer_vote: int,
    can_post: bool,
    children: tuple[CommentCard, ...] = (),
) -> CommentCard:
    """The card of one comment as ``viewer`` sees it; ``can_post`` is the viewer's standing in
    this discussion (decided once per stream)."""
    is_own = viewer.is_authenticated and comment.author_id == viewer.pk
    live = comment.status == Comment.Status.PUBLISHED
    may_answer = live and can_post
    may_vote = _may_vote_or_report(comment, viewer=viewer, can_post=can_post)
    tombstone = TOMBSTONES.get(comment.status, "")
    named = _is_named(comment)
    return CommentCard(
        comment=comment,
        author_name=comment.author.public_name if named else "",
        author_slug=(comment.author.slug or "") if named else "",
        author_badge=_badge(comment) if named else "",
        reply_to_label=_reply_to_label(comment.in_reply_to),
        quote=_quote(comment),
        viewer_vote=viewer_vote,
        is_own=is_own,
        notice=_notice(comment, is_own=is_own),
        tombstone=tombstone,
        can_vote=may_vote,
        can_reply=may_answer,
        can_quote=may_answer,
        can_report=may_vote,
        can_edit=is_own and not comment.is_gone and comment.edit_window_open(),
        can_delete=is_own and not comment.is_gone,
        children=children,
    )


def comment_cards(
    roots: Iterable[Comment],
    replies: Iterable[Comment],
    *,
    viewer: Viewer,
    votes: Mapping[int, int],
    can_post: bool,
) -> dict[int, CommentCard]:
    """Cards for roots and their replies, each reply nested under its parent; by comment id."""
    children: dict[int | None, list[Comment]] = {}
    for reply in replies:
        children.setdefault(reply.parent_id, []).append(reply)
    cards: dict[int, CommentCard] = {}

    def build(comment: Comment) -> CommentCard:
        nested = tuple(build(child) for child in children.get(comment.pk, ()))
        cards[comment.pk] = comment_card(
            comment,
            viewer=viewer,
            viewer_vote=votes.get(comment.pk, 0),
            can_post=can_post,
            children=nested,
        )
        return cards[comment.pk]

    for root in roots:
        build(root)
    return cards
