"""The read path of the discussion: the one place that decides what a stream loads.

A page of the stream costs a fixed number of queries whatever the size of the
discussion: the ids of the page's top-level comments, those threads whole with
their replies (one query for each THREADS_AT_ONCE threads the page shows), the
viewer's votes and the count. The queries every render asks are prepared
(core/prepared.py).
Everything a template needs to decide (may this reader edit, vote, reply?) is
computed here, once, in Python.
"""

from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.http import HttpRequest

from newsroom.accounts.models import User, Viewer
from newsroom.articles.models import ArticlePage, visible_prepared_q
from newsroom.core.prepared import columns, in_lists, instance, prepared
from newsroom.discussion.cards import (
    CommentCard,
    VoteButtonsCard,
    comment_cards,
    vote_buttons_card,
)
from newsroom.discussion.models import (
    Comment,
    CommentQuerySet,
    DecisionNotice,
    Vote,
    reader_and_asked_for,
    shown_to,
)
from newsroom.discussion.notifications import decision_summary
from newsroom.discussion.permissions import (
    Posting,
    commenting_permission,
    discussion_closed_reason,
)
from newsroom.moderation.models import MODERATORS_GROUP, ModeratorNote
from newsroom.moderation.rules import hold_reason

SORT_ORDERS = {
    "oldest": ("created_at", "pk"),
    "newest": ("-created_at", "-pk"),
    "best": ("-best", "-upvotes", "created_at", "pk"),
    "controversial": ("-controversy", "-created_at", "-pk"),
}
SORT_LABELS = {
    "oldest": "Oldest",
    "newest": "Newest",
    "best": "Best",
    "controversial": "Controversial",
}


def _with_author_roles(comments: CommentQuerySet) -> CommentQuerySet:
    """Whether each author moderates, in the same query (for the "Moderator" badge)."""
    memberships = User.groups.through.objects.filter(
        user=OuterRef("author"), group__name=MODERATORS_GROUP
    )
    return comments.annotate(author_is_moderator=Exists(memberships))


# What a card, its fragment key and its template read of a comment, its author and the
# comments it answers and quotes (and their authors): a stream reads only these columns.
_COMMENT = columns(
    Comment,
    only=(
        "id", "created_at", "edited_at", "article_id", "author_id", "parent_id", "thread_id",
        "in_reply_to_id", "quoted_id", "quoted_text", "depth", "status", "is_featured",
        "upvotes", "downvotes", "body_html", "rejection_reason", "moderation_flags",
    ),
)  # fmt: skip
_AUTHOR = columns(User, only=("id", "display_name", "slug", "anonymised_at", "is_staff"))
_ANSWERED = columns(Comment, only=("id", "status", "author_id"))
_ANSWERED_AUTHOR = columns(User, only=("id", "display_name", "anonymised_at"))
_PARTS = (
    ("", _COMMENT),
    ("author__", _AUTHOR),
    ("in_reply_to__", _ANSWERED),
    ("in_reply_to__author__", _ANSWERED_AUTHOR),
    ("quoted__", _ANSWERED),
    ("quoted__author__", _ANSWERED_AUTHOR),
)
# A prepared threads query takes this many thread ids (in_lists).
THREADS_AT_ONCE = 64


@prepared(int, int, int, *(int,) * THREADS_AT_ONCE)
def _threads(
    article: int, reader: int, asked_for: int, *ids: int
) -> QuerySet[Comment, tuple[Any, ...]]:
    """The threads with these ids and their replies as ``reader`` sees them, oldest first
    (the order replies are shown in): each comment's columns, then those of _PARTS, then
    whether its author moderates."""
    threads = _visible(article, reader, asked_for).filter(Q(pk__in=ids) | Q(thread__in=ids))
    threads = threads.order_by("created_at", "pk")
    names = [f"{prefix}{name}" for prefix, names in _PARTS for name in names]
    return _with_author_roles(threads).values_list(*names, "author_is_moderator")


def _slices(widths: list[int]) -> list[slice]:
    ends = accumulate(widths)
    return [slice(end - width, end) for end, width in zip(ends, widths, strict=True)]


# Where each part of a _threads row lies; the last column is whether the author moderates.
_PART_SLICES = _slices([len(names) for _, names in _PARTS])


def _comment_of(row: tuple[Any, ...]) -> Comment:
    """A row of _threads as the comment, with its author and what it answers and quotes."""
    own, author, answered, answered_author, quoted, quoted_author = (
        row[part] for part in _PART_SLICES
    )
    comment = instance(Comment, _COMMENT, own)
    comment.author = instance(User, _AUTHOR, author)
    comment.author_is_moderator = row[-1]  # type: ignore[attr-defined]  # read by _badge
    if answered[0] is not None:
        comment.in_reply_to = instance(Comment, _ANSWERED, answered)
        comment.in_reply_to.author = instance(User, _ANSWERED_AUTHOR, answered_author)
    if quoted[0] is not None:
        comment.quoted = instance(Comment, _ANSWERED, quoted)
        comment.quoted.author = instance(User, _ANSWERED_AUTHOR, quoted_author)
    return comment


def _threads_whole(
    *, article_id: int, reader: int, asked_for: int, thread_ids: list[int]
) -> dict[int, Comment]:
    """The threads with these ids and their replies, with what their cards show, by id
    (replies oldest first): one prepared query for a page of THREADS_AT_ONCE threads."""
    comments: dict[int, Comment] = {}
    for ids in in_lists(thread_ids, THREADS_AT_ONCE):
        for row in _threads.rows(article_id, reader, asked_for, *ids):
            comment = _comment_of(row)
            comments[comment.pk] = comment
    return comments


def _visible(article: int, reader: int, asked_for: int) -> CommentQuerySet:
    """The article's comments ``reader`` sees (shown_to)."""
    return Comment.objects.filter(shown_to(reader, asked_for), article=article)


def _top_level(
    article: int, reader: int, asked_for: int, sort: str, pinned: int, z: float
) -> CommentQuerySet:
    """The top-level comments ``reader`` sees, in the order of the stream, but for a thread
    pinned first (0: none; no comment has that id). ``z``: the confidence of "best"."""
    top = _visible(article, reader, asked_for).top_level()
    if sort in ("best", "controversial"):
        top = top.with_ranks(z=z)
    # Featured comments are pinned at the top, whatever the order.
    return top.order_by("-is_featured", *SORT_ORDERS[sort]).exclude(pk=pinned)


@prepared(int, int, int, int)
def _first_page(
    article: int, reader: int, asked_for: int, pinned: int, sort: str, size: int, z: float
) -> QuerySet[Comment, tuple[int]]:
    """The ids of the first ``size`` top-level comments: what every render of an article
    asks, where the order's query took longer to build than to run. (Later pages are built
    for the request: their offsets would each be a query of their own shape.)"""
    return _top_level(article, reader, asked_for, sort, pinned, z).values_list("pk")[:size]


@dataclass(frozen=True)
class CommentStream:
    article: ArticlePage
    sort: str
    offset: int
    threads: list[CommentCard]
    comment_count: int
    has_more: bool
    next_offset: int
    focus_id: int | None = None
    focus_unavailable: bool = False
    pinned: int | None = None
    sorts: list[tuple[str, str]] = field(default_factory=list)
    notes: list[ModeratorNote] = field(default_factory=list)
    closed_reason: str = ""
    permission: Posting = field(default_factory=lambda: Posting(False))

    @property
    def more_query(self) -> str:
        """The query string of the next page: same order, and the pinned thread left out."""
        query = {"sort": self.sort, "offset": self.next_offset}
        if self.pinned:
            query["pinned"] = self.pinned
        return urlencode(query)


def sort_or_default(sort: str | None) -> str:
    return sort if sort in SORT_ORDERS else settings.NEWSROOM_COMMENT_SORT_DEFAULT


@prepared(int)
def _published_count(article_id: int) -> QuerySet[Comment, tuple[int]]:
    # Grouped by the article, the count is a row of its own (none when there is nothing).
    published = Comment.objects.filter(article=article_id).published().order_by()
    return published.values("article").annotate(count=Count("pk")).values_list("count")


def comment_count_for_article(article: ArticlePage) -> int:
    """The article's published comments (prepared: it is asked on every render)."""
    counted = _published_count.row(article.pk)
    return counted[0] if counted else 0


_NOTE_COLUMNS = columns(ModeratorNote)


@prepared(int)
def _notes_shown(article_id: int, at_most: int) -> QuerySet[ModeratorNote, tuple[Any, ...]]:
    return (
        ModeratorNote.objects.filter(article=article_id)
        .shown()
        .values_list(*_NOTE_COLUMNS)[:at_most]
    )


def moderator_notes_for_article(article: ArticlePage, *, at_most: int = 3) -> list[ModeratorNote]:
    """The moderators' newest notes to the article's readers (prepared: asked on every render)."""
    rows = _notes_shown.rows(article.pk, shape=(at_most,))
    return [instance(ModeratorNote, _NOTE_COLUMNS, row) for row in rows]


def comment_stream_for_article(
    *,
    article: ArticlePage,
    viewer: Viewer,
    sort: str | None = None,
    offset: int = 0,
    focus: Comment | None = None,
    pinned: int | None = None,
    focus_unavailable: bool = False,
) -> CommentStream:
    """One page of threads: top-level comments in the chosen order, each with its replies.

    ``focus`` (a linked or just-posted comment) is marked, and its thread is put
    first on the first page when it would not be there otherwise, so a link deep
    into a busy stream always opens with the comment shown. That thread is the
    stream's ``pinned`` one, which the following pages are asked to leave out.
    ``focus_unavailable`` says that the comment a link asked for is not one the
    viewer may see, so the stream says so instead of opening on it.
    """
    sort = sort_or_default(sort)
    limit = settings.NEWSROOM_COMMENTS_PER_PAGE
    reader, asked_for = reader_and_asked_for(viewer, asked_for=focus.pk if focus else None)

    # The page is chosen by id alone, so the order is worked out over the article's rows
    # without joining each to its author and what it answers; one query then loads the
    # page's threads whole, replies and all.
    focus_root_id = (
        (focus.thread_id or focus.pk) if focus and focus.article_id == article.pk else None
    )
    # One row past the page tells whether there is more; a second covers a pinned thread.
    size = limit + 2

    z = settings.NEWSROOM_WILSON_Z

    def top() -> CommentQuerySet:
        return _top_level(article.pk, reader, asked_for, sort, pinned or 0, z)

    if offset == 0:
        first = _first_page.rows(article.pk, reader, asked_for, pinned or 0, shape=(sort, size, z))
        page = [pk for (pk,) in first]
    else:
        page = list(top().values_list("pk", flat=True)[offset : offset + size])
    root_id = None
    if (
        focus_root_id
        and offset == 0
        and focus_root_id not in page[:limit]
        and top().filter(pk=focus_root_id).exists()
    ):
        # A linked comment from deep in the stream opens first on the first page; later
        # pages leave its thread out, so "Show more" never shows it twice.
        root_id = pinned = focus_root_id
        page = [pk for pk in page if pk != root_id]
    thread_ids, has_more = page[:limit], len(page) > limit
    if root_id is not None:
        thread_ids.insert(0, root_id)

    loaded = _threads_whole(
        article_id=article.pk, reader=reader, asked_for=asked_for, thread_ids=thread_ids
    )
    # A thread taken down between the two reads is left out.
    threads = [loaded[pk] for pk in thread_ids if pk in loaded]
    replies = [c for c in loaded.values() if c.thread_id is not None]
    permission = commenting_permission(user=viewer, article=article)
    cards = comment_cards(
        threads,
        replies,
        viewer=viewer,
        votes=_viewer_votes(viewer, threads + replies),
        can_post=permission.allowed,
    )

    return CommentStream(
        article=article,
        sort=sort,
        offset=offset,
        threads=[cards[thread.pk] for thread in threads],
        comment_count=comment_count_for_article(article),
        has_more=has_more,
        next_offset=offset + limit,
        focus_id=focus.pk if focus and focus_root_id else None,
        pinned=pinned,
        focus_unavailable=focus_unavailable,
        sorts=list(SORT_LABELS.items()),
        notes=moderator_notes_for_article(article),
        closed_reason=discussion_closed_reason(article),
        permission=permission,
    )


def discussion_context(
    *,
    request: HttpRequest,
    article: ArticlePage,
    sort: str | None = None,
    offset: int = 0,
    focus: Comment | None = None,
    pinned: int | None = None,
    focus_unavailable: bool = False,
) -> dict[str, object]:
    """What the discussion templates read: the stream and whether this reader may post."""
    stream = comment_stream_for_article(
        article=article,
        viewer=request.user,
        sort=sort,
        offset=offset,
        focus=focus,
        pinned=pinned,
        focus_unavailable=focus_unavailable,
    )
    return {
        "stream": stream,
        "article": article,
        "permission": stream.permission,
        "request": request,
    }


def comment_thread_for_viewer(*, comment: Comment, viewer: Viewer) -> CommentCard | None:
    """One comment as the viewer sees it in the stream, with its replies nested below it;
    None when the viewer no longer sees it (a reply-less comment its author deleted)."""
    root_id = comment.thread_id or comment.pk
    reader, asked_for = reader_and_asked_for(viewer)
    loaded = _threads_whole(
        article_id=comment.article_id, reader=reader, asked_for=asked_for, thread_ids=[root_id]
    )
    everything = list(loaded.values())
    # Whatever hangs from nothing the viewer sees starts a tree of its own: the root may be
    # hidden from this reader (a moderator rejected it), and then the thread shows from the
    # reader's own comment down.
    roots = [c for c in everything if c.pk == root_id or c.parent_id not in loaded]
    cards = comment_cards(
        roots,
        [c for c in everything if c not in roots],
        viewer=viewer,
        votes=_viewer_votes(viewer, everything),
        can_post=commenting_permission(user=viewer, article=comment.article).allowed,
    )
    return cards.get(comment.pk)


# What a vote reads of its comment, the comment's article and its author: what vote_cast
# checks and changes, the redirect back to the article and the buttons it answers with.
_VOTE_COMMENT = columns(
    Comment, only=["id", "article_id", "author_id", "status", "upvotes", "downvotes"]
)
_VOTE_ARTICLE = columns(
    ArticlePage,
    only=["id", "page_ptr_id", "path", "url_path", "first_published_at", "comments_open"],
)
_VOTE_AUTHOR = columns(User, only=["id", "display_name", "anonymised_at"])


@prepared(int)
def _votable_row(comment_id: int) -> QuerySet[Comment, tuple[Any, ...]]:
    """The comment's columns, then its article's, then its author's."""
    return (
        Comment.objects.published()
        .filter(pk=comment_id)
        .filter(visible_prepared_q("article__"))
        .values_list(
            *_VOTE_COMMENT,
            *(f"article__{name}" for name in _VOTE_ARTICLE),
            *(f"author__{name}" for name in _VOTE_AUTHOR),
        )
    )


def votable_comment(pk: int) -> Comment | None:
    """A published comment of a visible article, with that article and its author: only the
    fields a vote reads (any other is deferred, read if asked for), in one prepared query.

    A vote is the discussion's most frequent write; building this read with the ORM each
    time cost several times what the database takes to answer it."""
    row = _votable_row.row(pk)
    if row is None:
        return None
    article_at, author_at = len(_VOTE_COMMENT), len(_VOTE_COMMENT) + len(_VOTE_ARTICLE)
    comment = instance(Comment, _VOTE_COMMENT, row[:article_at])
    comment.article = instance(ArticlePage, _VOTE_ARTICLE, row[article_at:author_at])
    comment.author = instance(User, _VOTE_AUTHOR, row[author_at:])
    return comment


def comment_voted_for_viewer(*, comment: Comment, viewer: Viewer, vote: int) -> VoteButtonsCard:
    """The vote buttons of the comment a reader just voted on.

    vote_cast has already decided that the reader may take part, and the reader's vote is
    the one just cast, so nothing else needs loading: not even what the comment answers or
    quotes, which the buttons do not show.
    """
    return vote_buttons_card(comment, viewer=viewer, viewer_vote=vote)


def _viewer_votes(viewer: Viewer, comments: list[Comment]) -> dict[int, int]:
    if not (viewer.is_authenticated and comments):
        return {}
    return dict(
        Vote.objects.filter(voter=viewer, comment__in=comments).values_list("comment_id", "value")
    )


@dataclass(frozen=True)
class AwaitingCard:
    """One of the member's held comments, with why it waits (the rules that held it)."""

    comment: Comment
    reason: str


def comments_awaiting_review_by_member(*, member: User) -> list[AwaitingCard]:
    """A member's comments held for a moderator, newest first: shown to that member only."""
    held = (
        Comment.objects.filter(author=member, status=Comment.Status.PENDING)
        .select_related("article")
        .order_by("-created_at", "-pk")
    )
    return [AwaitingCard(comment=c, reason=hold_reason(c.moderation_flags)) for c in held]


def comments_by_member(*, member: User) -> QuerySet[Comment]:
    """A member's published comments, newest first, with the articles they were posted in."""
    return (
        Comment.objects.published()
        .filter(author=member)
        .select_related("article")
        .order_by("-created_at", "-pk")
    )


# The notices a member page lists: every unread one is among them, being the newest.
MEMBER_NOTICES_SHOWN = 10


@dataclass(frozen=True)
class NoticeCard:
    """A moderator's decision on one of the reader's held comments, as their member page
    shows it; ``new``: the reader has not seen it before."""

    pk: int
    summary: str
    comment_url: str
    decided_at: datetime
    new: bool


def decision_notices_for_reader(*, reader: User) -> list[NoticeCard]:
    """The reader's latest decision notices, newest first (one query)."""
    notices = (
        DecisionNotice.objects.filter(recipient=reader)
        .select_related("action", "comment__article")
        .order_by("-created_at", "-pk")[:MEMBER_NOTICES_SHOWN]
    )
    return [
        NoticeCard(
            pk=notice.pk,
            summary=decision_summary(notice),
            comment_url=notice.comment.get_absolute_url(),
            decided_at=notice.created_at,
            new=notice.read_at is None,
        )
        for notice in notices
    ]


@prepared(int)
def _unread_notices(reader_id: int) -> QuerySet[DecisionNotice, tuple[int]]:
    # Grouped by the reader, the count is a row of its own (none when there is nothing).
    unread = DecisionNotice.objects.unread().filter(recipient=reader_id).order_by()
    return unread.values("recipient").annotate(count=Count("pk")).values_list("count")


def unread_decision_notice_count(*, reader: User) -> int:
    """The moderators' decisions the reader has not seen (prepared: every signed-in page's
    account links show it)."""
    counted = _unread_notices.row(reader.pk)
    return counted[0] if counted else 0


@dataclass(frozen=True)
class ReaderDiscussionState:
    """A signed-in reader's part in an article's discussion, for a page served from the
    shared copy: what the page's script adds to the comments everyone sees.

    ``hidden``: the reader has comments here that no one else sees (held or rejected),
    which a shared copy cannot show. ``own``: their comments the page shows, each with
    whether its edit window is still open (they may delete any of them).
    """

    permission: Posting
    hidden: bool
    votes: dict[int, int]
    own: dict[int, bool]


# A shared page shows at most a page of threads with their replies; more ids are a 400.
MAX_STATE_COMMENTS = 1000


_OWN_COLUMNS = columns(Comment, only=("id", "status", "created_at"))
# A prepared query of the reader's votes takes this many comment ids (in_lists).
STATE_IDS_AT_ONCE = 64


@prepared(int, int, *(int,) * STATE_IDS_AT_ONCE)
def _own_comments(
    article: int, author: int, *comment_ids: int
) -> QuerySet[Comment, tuple[Any, ...]]:
    """The author's comments on the article among these, and any only they see there."""
    own = Comment.objects.filter(article=article, author=author)
    only_theirs = Q(status__in=Comment.AUTHOR_ONLY_STATUSES)
    return own.filter(Q(pk__in=comment_ids) | only_theirs).values_list(*_OWN_COLUMNS)


@prepared(int, *(int,) * STATE_IDS_AT_ONCE)
def _votes_among(voter: int, *comment_ids: int) -> QuerySet[Vote, tuple[int, int]]:
    votes = Vote.objects.filter(voter=voter, comment__in=comment_ids)
    return votes.values_list("comment_id", "value")


def reader_discussion_state(
    *, reader: User, article: ArticlePage, comment_ids: list[int]
) -> ReaderDiscussionState:
    """The reader's votes and own comments among ``comment_ids`` (those the shared page
    shows), and whether they may post: prepared queries, as every signed-in view asks,
    two for each STATE_IDS_AT_ONCE comments shown."""
    shown = set(comment_ids)
    # Asked once even with nothing shown: a comment only they see hides the shared page.
    lists = list(in_lists(comment_ids, STATE_IDS_AT_ONCE)) or [[0] * STATE_IDS_AT_ONCE]
    mine: dict[int, Comment] = {}
    votes: dict[int, int] = {}
    for ids in lists:
        for row in _own_comments.rows(article.pk, reader.pk, *ids):
            comment = instance(Comment, _OWN_COLUMNS, row)
            mine[comment.pk] = comment
        if comment_ids:
            votes.update(_votes_among.rows(reader.pk, *ids))
    hidden = any(c.status in Comment.AUTHOR_ONLY_STATUSES for c in mine.values())
    return ReaderDiscussionState(
        permission=commenting_permission(user=reader, article=article),
        hidden=hidden,
        votes=votes,
        own={c.pk: c.edit_window_open() for c in mine.values() if not c.is_gone and c.pk in shown},
    )
