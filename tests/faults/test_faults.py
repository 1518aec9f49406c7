"""Each fault an operator meets, against a real `newsroom serve` (see conftest.py)."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.core.redis_server import free_port
from tests.faults.conftest import REPO, Browser
from tests.faults.seed import PASSWORD

SCORE = re.compile(r'class="vote__score"[^>]*>([^<]+)<')


def score_shown(page: str) -> str:
    found = SCORE.search(page)
    assert found, "no score on the page"
    return found[1]


def wait_for(condition, seconds: float, message: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.2)
    raise AssertionError(message)


def is_running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def readers(site, server) -> tuple[Browser, Browser]:
    voter = Browser(server.base)
    voter.sign_in(site.email, PASSWORD)
    return voter, Browser(server.base)


def traffic(site, voter: Browser, anonymous: Browser, votes: list[str]) -> list[int]:
    """Votes, and the pages readers read meanwhile: every status."""
    statuses = []
    for value in votes:
        statuses.append(voter.vote(site.comment_id, value).status)
        statuses.append(anonymous.request(site.article_url).status)
        statuses.append(voter.request(site.article_url).status)
        statuses.append(anonymous.request("/").status)
    return statuses


def test_a_killed_redis_serves_pages_uncached_and_the_cache_returns_with_it(
    site, start_server, redis_server
):
    server = start_server(REDIS_URL=redis_server.url)
    voter, anonymous = readers(site, server)
    voter.vote(site.comment_id, "clear")
    assert score_shown(anonymous.request(site.article_url).text) == "0"

    redis_server.kill()
    statuses = traffic(site, voter, anonymous, ["up", "clear", "up"])

    assert statuses == [200] * len(statuses)
    assert score_shown(anonymous.request(site.article_url).text) == "+1"
    assert "Cache unavailable" in server.output()

    redis_server.start()  # an empty Redis on the same port
    time.sleep(1.5)  # the backend tries Redis again after CACHE_RETRY_SECONDS
    assert voter.vote(site.comment_id, "clear").status == 200
    assert score_shown(anonymous.request(site.article_url).text) == "0"
    assert score_shown(anonymous.request(site.article_url).text) == "0"  # the stored copy


def test_a_hung_redis_costs_short_timeouts_and_no_stale_copy_outlives_page_cache_seconds(
    site, start_server, redis_server
):
    server = start_server(REDIS_URL=redis_server.url, PAGE_CACHE_SECONDS="4")
    voter, anonymous = readers(site, server)
    voter.vote(site.comment_id, "clear")
    anonymous.request(site.article_url)
    assert score_shown(anonymous.request(site.article_url).text) == "0"  # stored
    stored_at = time.monotonic()

    redis_server.pause()
    try:
        # Each request answers within the reader's timeout (Browser): none waits on Redis.
        statuses = traffic(site, voter, anonymous, ["up"])
    finally:
        redis_server.resume()
        resumed_at = time.monotonic()

    assert statuses == [200] * len(statuses)
    # The vote's version bump was lost with Redis hung: the stored copy may still be served,
    # but not once PAGE_CACHE_SECONDS have passed since it was stored, nor (for a render
    # claim Redis stored on resuming, after its request gave up) RENDER_WAIT_SECONDS since.
    time.sleep(max(0, stored_at + 4.5 - time.monotonic(), resumed_at + 3.5 - time.monotonic()))
    assert score_shown(anonymous.request(site.article_url).text) == "+1"


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="PostgreSQL only"
)
def test_terminating_every_database_connection_of_serve_is_survived(site, start_server):
    server = start_server(TASKS_BACKEND="database", SCHEDULE_INTERVAL_SECONDS="1")
    voter, anonymous = readers(site, server)
    assert traffic(site, voter, anonymous, ["up"]) == [200] * 4
    time.sleep(2)  # the scheduler has ticked with its own connection

    killed = site.sql(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()"
    )
    assert killed, "serve held no connection"
    time.sleep(3)  # more scheduler ticks, on the connections just terminated

    assert server.process.poll() is None, server.output()
    assert traffic(site, voter, anonymous, ["clear", "up"]) == [200] * 8
    assert score_shown(anonymous.request(site.article_url).text) == "+1"


def test_a_lost_database_answers_503_with_retry_after_and_serve_keeps_running(site, start_server):
    unreachable = (
        f"postgres://postgres@127.0.0.1:{free_port()}/gone"
        if site.is_postgres
        else f"sqlite:///{site.directory / 'missing-folder' / 'gone.sqlite3'}"
    )
    server = start_server(
        DATABASE_URL=unreachable, SCHEDULE_INTERVAL_SECONDS="1", DATABASE_POOL_TIMEOUT="1"
    )
    reader = Browser(server.base)

    page = reader.request(site.article_url)
    ready = reader.request("/readyz")

    assert page.status == 503
    assert page.headers["retry-after"] == "30"
    assert "Back in a moment" in page.text
    assert ready.status == 503 and '"database": "unreachable' in ready.text
    assert reader.request("/healthz").status == 200
    time.sleep(2.5)  # failed scheduler ticks
    assert server.process.poll() is None, server.output()
    assert "Scheduled work failed" in server.output()


def test_sigterm_stops_serve_and_every_child_and_frees_the_port(site, start_server):
    server = start_server(TASKS_BACKEND="database")
    children = server.children()
    assert len(children) == 2  # granian and the task worker

    server.process.send_signal(signal.SIGTERM)

    assert server.process.wait(timeout=30) == 0
    wait_for(lambda: not any(map(is_running, children)), 10, "a child outlived serve")
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", server.port), timeout=1).close()


def test_a_second_serve_on_a_busy_port_is_an_error(site, start_server):
    server = start_server()

    second = subprocess.run(
        [sys.executable, "-m", "newsroom.cli", "serve", "--port", str(server.port)],
        cwd=REPO,
        env=site.env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert second.returncode != 0
    assert "already in use" in second.stderr
    assert Browser(server.base).request("/healthz").status == 200


def test_a_worker_killed_mid_task_is_restarted_and_the_task_runs_again(
    site, start_server, tmp_path
):
    server = start_server(TASKS_BACKEND="database")
    site.run(
        "-c",
        "import django; django.setup(); from tests.faults.tasks import slow_note; "
        f"slow_note.enqueue(directory={str(tmp_path)!r}, seconds=3)",
        TASKS_BACKEND="database",
    )
    wait_for((tmp_path / "started").exists, 60, "the task never started")

    os.kill(server.worker_pid(), signal.SIGKILL)

    wait_for((tmp_path / "finished").exists, 60, "the abandoned task never ran again")
    assert (tmp_path / "started").read_text() == "xx"  # run twice: killed, then again
    assert "restarting it" in server.output()
    assert server.process.poll() is None


def test_a_comment_posted_again_and_again_is_stored_once(site, start_server):
    server = start_server()
    reader = Browser(server.base)
    reader.sign_in(site.email, PASSWORD)
    page = reader.request(site.article_url).text
    action = re.search(r'action="(/discussion/articles/\d+/comments/new/)"', page)[1]
    key = re.search(r'name="submission_key" value="([0-9a-f]+)"', page)[1]
    body = f"Posted once, sent three times ({key[:8]})."
    form = {"body": body, "submission_key": key, "csrfmiddlewaretoken": reader.csrf_token()}

    # A reload that re-posts, a retry after a timeout, a double click: the same form each time.
    statuses = [reader.request(action, form).status for _ in range(3)]

    assert statuses == [200] * 3  # each answered with the article (after its redirect)
    stored = site.run(
        "-c",
        "import django; django.setup(); from newsroom.discussion.models import Comment; "
        f"print(Comment.objects.filter(body={body!r}).count())",
    )
    assert stored.strip() == "1"
