"""What the discussion's live region says after a change made in place.

The article page has one polite live region (discussion.js makes it). A view answering htmx
names the change in an ``HX-Trigger-After-Settle`` event, so the words are read out after
focus has moved to the new content, and the wording stays here, in Python, not in script.
"""

from django.http import HttpResponse
from django_htmx.http import trigger_client_event

from newsroom.discussion.models import Comment
from newsroom.discussion.templatetags.discussion_tags import signed

ANNOUNCE_EVENT = "discussion:announce"

EDIT_SAVED = "Your edit was saved."
COMMENT_DELETED = "Your comment was deleted."


def announced(response: HttpResponse, message: str) -> HttpResponse:
    """The response, carrying a message for the page's live region."""
    return trigger_client_event(response, ANNOUNCE_EVENT, {"message": message}, after="settle")


def score_changed(*, score: int, author_name: str) -> str:
    return f"Score now {signed(score)} for the comment by {author_name or 'a deleted account'}."


def comment_posted(comment: Comment) -> str:
    kind = "reply" if comment.parent_id else "comment"
    if comment.status == Comment.Status.PUBLISHED:
        return f"Your {kind} was posted."
    return f"Your {kind} was received; it appears once a moderator has approved it."


def more_loaded(count: int) -> str:
    return f"{count} more comment{'' if count == 1 else 's'} loaded."
