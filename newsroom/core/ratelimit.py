"""How often a reader may post, vote or report: sliding windows kept by `limits`.

A limit such as "5/minute" (``NEWSROOM_RATE_LIMITS``, from the environment) holds over
*any* minute, not per clock minute: the moving window remembers when each of the last
five actions happened, so nobody posts five at 12:00:59 and five more at 12:01:00.

The counts live in Redis when ``REDIS_URL`` is set (shared by every process) and in
this process's memory otherwise. A rate limit protects the site, it is not worth an
outage: when Redis cannot be reached the request is let through and a warning logged.
"""

import logging
import re
from functools import cache

from django.conf import settings
from django.http import HttpRequest
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter

logger = logging.getLogger(__name__)

# django-ratelimit's short form ("5/m"), still accepted.
_SHORT_PERIOD = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")
_PERIODS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


@cache
def _storage() -> Storage:
    if settings.REDIS_URL:
        return RedisStorage(
            settings.REDIS_URL,
            wrap_exceptions=True,
            socket_timeout=settings.CACHE_SOCKET_TIMEOUT,
            socket_connect_timeout=settings.CACHE_SOCKET_TIMEOUT,
        )
    return MemoryStorage()


@cache
def _limit(rate: str) -> RateLimitItem:
    if short := _SHORT_PERIOD.match(rate):
        rate = f"{short[1]}/{_PERIODS[short[2]]}"
    return parse(rate)


def _who(request: HttpRequest) -> str:
    if request.user.is_authenticated:
        return f"user:{request.user.pk}"
    return f"ip:{request.META.get('REMOTE_ADDR', '')}"


def rate_limited(request: HttpRequest, group: str) -> bool:
    """Count this action of the reader (or address) against the group's limit.

    True when it goes over ``NEWSROOM_RATE_LIMITS[group]``: the action is refused and not
    counted. Fails open (False, with a warning) while the counts cannot be reached.
    """
    limit = _limit(settings.NEWSROOM_RATE_LIMITS[group])
    try:
        return not MovingWindowRateLimiter(_storage()).hit(limit, group, _who(request))
    except StorageError as error:
        logger.warning("Rate limit %r not checked, letting the request through: %s", group, error)
        return False


def rate_limits_reset() -> None:
    """Forget every count (tests reuse reader ids after each rollback)."""
    _storage().reset()
