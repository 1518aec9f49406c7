"""Rate limits hold over any window of their length, in Redis or in this process's memory,
and fail open when Redis is away."""

import logging
import os
import subprocess
import sys
import threading
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from newsroom.core import ratelimit
from newsroom.core.ratelimit import LocalWindows, rate_limited


@pytest.fixture
def request_from():
    def make(address: str = "192.0.2.1"):
        request = RequestFactory().post("/", REMOTE_ADDR=address)
        request.user = AnonymousUser()
        return request

    return make


@pytest.fixture
def fresh_storage(settings):
    ratelimit._limiter.cache_clear()
    yield settings
    ratelimit._limiter.cache_clear()


@pytest.fixture(params=["memory", "redis"])
def limits_in(request, fresh_storage):
    """Each test below runs with the counts in this process's memory, then in Redis."""
    fresh_storage.REDIS_URL = ""
    if request.param == "redis":
        fresh_storage.REDIS_URL = request.getfixturevalue("redis_server").url
    return fresh_storage


def test_the_limit_counts_per_reader_and_refuses_beyond_it(limits_in, request_from):
    limits_in.NEWSROOM_RATE_LIMITS = {"comment": "2/m"}

    assert [rate_limited(request_from(), "comment") for _ in range(3)] == [False, False, True]
    assert rate_limited(request_from("192.0.2.2"), "comment") is False


def test_a_window_boundary_does_not_reset_the_count(limits_in, request_from):
    """With fixed windows, hits just before a boundary and just after it both pass."""
    limits_in.NEWSROOM_RATE_LIMITS = {"comment": "3 per 2 seconds"}
    while time.time() % 2 < 1.6:  # just before a fixed 2-second window would end
        time.sleep(0.02)

    assert [rate_limited(request_from(), "comment") for _ in range(3)] == [False] * 3
    while time.time() % 2 > 1:  # the fixed window has turned over
        time.sleep(0.02)
    assert rate_limited(request_from(), "comment") is True

    time.sleep(2)  # two seconds after the first three, the window has slid past them
    assert rate_limited(request_from(), "comment") is False


def test_rate_limits_come_from_the_environment():
    code = "from django.conf import settings; print(settings.NEWSROOM_RATE_LIMITS['vote'])"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "RATE_LIMIT_VOTE": "7 per 10 seconds",
        },
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "7 per 10 seconds"


def test_a_dead_redis_lets_requests_through_with_a_warning(
    fresh_storage, request_from, redis_server, caplog
):
    fresh_storage.REDIS_URL = redis_server.url
    fresh_storage.CACHE_SOCKET_TIMEOUT = 0.2
    fresh_storage.NEWSROOM_RATE_LIMITS = {"vote": "1/m"}
    assert [rate_limited(request_from(), "vote") for _ in range(2)] == [False, True]

    redis_server.kill()
    with caplog.at_level(logging.WARNING, logger="newsroom.core.ratelimit"):
        assert rate_limited(request_from(), "vote") is False

    assert "not checked, letting the request through" in caplog.text


def test_counts_in_memory_forget_the_readers_of_past_windows():
    limiter = LocalWindows(sweep_every=0.5)
    second, hour = ratelimit._limit("1 per 1 second"), ratelimit._limit("1/hour")
    assert limiter.hit(second, "comment", "reader-1") is True
    assert limiter.hit(hour, "vote", "reader-2") is True
    assert limiter.hit(second, "comment", "reader-1") is False

    time.sleep(1.1)  # the comment's window has passed, the vote's has not
    assert limiter.hit(second, "comment", "reader-3") is True  # a hit sweeps

    assert sorted(limiter.keys()) == sorted(
        [second.key_for("comment", "reader-3"), hour.key_for("vote", "reader-2")]
    )
    assert limiter.hit(hour, "vote", "reader-2") is False  # still counted
    assert limiter.hit(second, "comment", "reader-1") is True


def test_counts_in_memory_start_no_threads(fresh_storage, request_from):
    """limits' memory storage started a timer thread on most hits."""
    fresh_storage.REDIS_URL = ""
    fresh_storage.NEWSROOM_RATE_LIMITS = {"comment": "100/m"}
    rate_limited(request_from(), "comment")
    before = threading.active_count()

    for _ in range(20):
        rate_limited(request_from(), "comment")
        time.sleep(0.02)

    assert threading.active_count() == before
