"""Redis as a cache, never a single point of failure.

``ResilientRedisCache`` is Django's Redis backend with one difference: when Redis
cannot be reached (refused, reset, or silent past the short socket timeout), a
read answers "not cached" and a write is dropped, with a warning in the log,
instead of raising into the request. Pages are then rendered as if the cache
were empty, which is slower but correct.

After a failure the backend leaves Redis alone for ``CACHE_RETRY_SECONDS`` in
this process, so a Redis that hangs costs a request at most one socket timeout,
not one per cache call; the first call after that pause tries again, and the
cache is back as soon as Redis is.

A write that was dropped (a page-cache version bump, say) cannot retire the copies
it should have: those copies still expire ``PAGE_CACHE_SECONDS`` after they were
stored, since every stored page carries that timeout.
"""

import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisError, OSError)


class ResilientRedisCache(RedisCache):
    """Django's RedisCache that degrades to "no cache" while Redis is unreachable."""

    def __init__(self, server: str, params: dict[str, Any]) -> None:
        options = dict(params.get("OPTIONS", {}))
        self.retry_seconds = float(options.pop("retry_seconds", 1.0))
        # redis-py retries a failed command itself (with backoff) by default: the wait would
        # multiply the socket timeout. One attempt, then we fall back.
        options.setdefault("retry", Retry(NoBackoff(), 0))
        super().__init__(server, {**params, "OPTIONS": options})
        self._down_until = 0.0

    def _attempt(self, fallback: Any, operation: Callable[..., Any], *args: Any) -> Any:
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return operation(*args)
        except UNREACHABLE as error:
            self._down_until = time.monotonic() + self.retry_seconds
            logger.warning(
                "Cache unavailable (%s: %s): %s skipped, serving uncached for %.1fs.",
                type(error).__name__,
                error,
                operation.__name__,
                self.retry_seconds,
            )
            return fallback

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().add, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(default, super().get, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(None, super().set, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(False, super().touch, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(False, super().delete, key, version)

    def get_many(self, keys, version=None):
        return self._attempt({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(False, super().has_key, key, version)

    def incr(self, key, delta=1, version=None):
        # An unreachable cache reads like a missing key, which incr() reports as ValueError.
        result = self._attempt(None, super().incr, key, delta, version)
        if result is None:
            raise ValueError(f"Key {key!r} not found (the cache is unavailable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        # The keys that could not be stored, as set_many() reports them.
        return self._attempt(list(data), super().set_many, data, timeout, version)

    def delete_many(self, keys, version=None):
        self._attempt(None, super().delete_many, keys, version)

    def clear(self):
        return self._attempt(False, super().clear)

    def ping(self) -> None:
        """Raise unless Redis answers now (for /readyz): no fallback, no pause."""
        self._cache.get_client(write=True).ping()
