"""System checks of the discussion's settings: a bad value fails at start, not per request."""

from django.conf import settings
from django.core.checks import Error


def check_comment_sort_default(app_configs=None, **kwargs) -> list[Error]:
    from newsroom.discussion.selectors import SORT_ORDERS

    if settings.NEWSROOM_COMMENT_SORT_DEFAULT in SORT_ORDERS:
        return []
    return [
        Error(
            f"COMMENT_SORT_DEFAULT is {settings.NEWSROOM_COMMENT_SORT_DEFAULT!r}.",
            hint=f"Use one of {', '.join(SORT_ORDERS)}.",
            id="discussion.E001",
        )
    ]
