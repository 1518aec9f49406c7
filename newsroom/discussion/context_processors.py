"""What every page's chrome may show of the discussion for the signed-in reader."""

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from newsroom.discussion.permissions import shares_pages
from newsroom.discussion.selectors import unread_decision_notice_count


def signed_in_reader(request: HttpRequest) -> dict[str, Callable[[], int | bool]]:
    """``unread_notices``: how many moderators' decisions the reader has not seen yet;
    ``shares_pages``: whether the reader may be served shared pages (permissions.py).

    Callables, worked out (once) only when a template reads them: the chrome of a
    signed-in reader's page, never the anonymous pages the page cache shares.
    """
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notices": cache(lambda: unread_decision_notice_count(reader=user)),
        "shares_pages": cache(lambda: shares_pages(user)),
    }
