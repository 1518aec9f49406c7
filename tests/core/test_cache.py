"""Redis is a cache: while it is down or hangs, pages render uncached and nothing raises."""

import logging

import pytest

from newsroom.core.cache import ResilientRedisCache


def backend(url: str, **options) -> ResilientRedisCache:
    return ResilientRedisCache(
        url,
        {"OPTIONS": {"socket_timeout": 0.2, "socket_connect_timeout": 0.2, **options}},
    )


def test_reads_and_writes_work_while_redis_is_up(redis_server):
    cache = backend(redis_server.url)

    cache.set("a", {"x": 1})
    assert cache.get("a") == {"x": 1}
    assert cache.add("b", 1) is True
    assert cache.incr("b") == 2
    assert cache.get_many(["a", "b"]) == {"a": {"x": 1}, "b": 2}
    cache.ping()


def test_a_killed_redis_reads_as_a_miss_and_drops_writes_with_a_warning(redis_server, caplog):
    cache = backend(redis_server.url, retry_seconds=0)
    cache.set("a", 1)
    redis_server.kill()

    with caplog.at_level(logging.WARNING, logger="newsroom.core.cache"):
        assert cache.get("a") is None
        assert cache.get("a", "fallback") == "fallback"
        cache.set("a", 2)
        assert cache.add("b", 1) is False
        assert cache.get_many(["a", "b"]) == {}
        assert cache.set_many({"a": 1}) == ["a"]
        cache.delete("a")
        with pytest.raises(ValueError):
            cache.incr("a")

    assert "Cache unavailable" in caplog.text
    with pytest.raises(Exception):  # noqa: B017 - readiness sees the outage as it is
        cache.ping()


def test_a_hung_redis_costs_one_short_timeout_then_is_left_alone_until_the_retry(
    redis_server, caplog
):
    cache = backend(redis_server.url, retry_seconds=30)
    cache.set("a", 1)
    redis_server.pause()
    try:
        with caplog.at_level(logging.WARNING, logger="newsroom.core.cache"):
            reads = [cache.get("a") for _ in range(20)]
    finally:
        redis_server.resume()

    assert reads == [None] * 20
    # One read waited for the socket timeout and failed; the 19 others did not ask Redis.
    assert len(caplog.records) == 1
    assert "TimeoutError" in caplog.records[0].getMessage()


def test_the_cache_is_back_as_soon_as_redis_is(redis_server):
    cache = backend(redis_server.url, retry_seconds=0)
    redis_server.pause()
    assert cache.get("a") is None
    redis_server.resume()

    cache.set("a", 1)
    assert cache.get("a") == 1
