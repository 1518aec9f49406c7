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
import threading
import time
from collections import deque
from functools import cache

from django.conf import settings
from django.http import HttpRequest
from limits import RateLimitItem, parse
from limits.errors import StorageError
from limits.storage import RedisStorage
from limits.strategies import MovingWindowRateLimiter

logger = logging.getLogger(__name__)

# django-ratelimit's short form ("5/m"), still accepted.
_SHORT_PERIOD = re.compile(r"^\s*(\d+)\s*/\s*([smhd])\s*$")
_PERIODS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


class LocalWindows:
    """Moving windows in this process's memory: for each key, when its counted actions expire.

    A key's old times are dropped when it is next hit, and every key's at a hit once
    ``sweep_every`` seconds have passed, so memory holds the readers of the last window.
    (``limits``' own memory storage expires them from a timer thread that it starts again
    on most hits: a tenth of a comment post's time.)
    """

    def __init__(self, *, sweep_every: float = 60.0) -> None:
        self._expiries: dict[str, deque[float]] = {}  # when each counted action stops counting
        self._lock = threading.Lock()
        self._sweep_every = sweep_every
        self._next_sweep = time.monotonic() + sweep_every

    def hit(self, limit: RateLimitItem, *identifiers: str) -> bool:
        """Count an action unless the last ``limit.amount`` all fall within the window."""
        key, now = limit.key_for(*identifiers), time.monotonic()
        with self._lock:
            if now >= self._next_sweep:
                self._sweep(now)
            expiries = self._expiries.setdefault(key, deque())
            while expiries and expiries[0] < now:  # as limits: a time at the edge counts
                expiries.popleft()
            if len(expiries) >= limit.amount:
                return False
            expiries.append(now + limit.get_expiry())
            return True

    def _sweep(self, now: float) -> None:
        for key, expiries in list(self._expiries.items()):
            if not expiries or expiries[-1] < now:
                del self._expiries[key]
        self._next_sweep = now + self._sweep_every

    def keys(self) -> list[str]:
        """The keys with times kept."""
        with self._lock:
            return list(self._expiries)

    def reset(self) -> None:
        with self._lock:
            self._expiries.clear()


@cache
def _limiter() -> MovingWindowRateLimiter | LocalWindows:
    if settings.REDIS_URL:
        storage = RedisStorage(
            settings.REDIS_URL,
            wrap_exceptions=True,
            socket_timeout=settings.CACHE_SOCKET_TIMEOUT,
            socket_connect_timeout=settings.CACHE_SOCKET_TIMEOUT,
        )
        return MovingWindowRateLimiter(storage)
    return LocalWindows()


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
        return not _limiter().hit(limit, group, _who(request))
    except StorageError as error:
        logger.warning("Rate limit %r not checked, letting the request through: %s", group, error)
        return False


def rate_limits_reset() -> None:
    """Forget every count (tests reuse reader ids after each rollback)."""
    limiter = _limiter()
    if isinstance(limiter, LocalWindows):
        limiter.reset()
    else:
        limiter.storage.reset()
