"""Fault injection against a real `newsroom serve`: its own database, its own Redis on a
free port, and processes it starts and kills itself.

These tests take minutes, so they run only with NEWSROOM_FAULTS=1 (as `.ci/run` sets it)
and are skipped otherwise; `-m faults` selects them.
"""

import json
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from http.cookiejar import CookieJar
from pathlib import Path

import dj_database_url
import psycopg
import pytest

from tests.core.redis_server import RedisServer, free_port, redis_server  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


def pytest_collection_modifyitems(config, items):
    run = os.environ.get("NEWSROOM_FAULTS")
    for item in items:
        if "/faults/" in str(item.path):
            item.add_marker(pytest.mark.faults)
            if not run:
                item.add_marker(pytest.mark.skip(reason="fault tests: set NEWSROOM_FAULTS=1"))


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else None


@dataclass
class Site:
    """A migrated, seeded database that `newsroom serve` processes are started against."""

    directory: Path
    database_url: str
    article_url: str
    comment_id: int
    email: str
    env: dict[str, str] = field(default_factory=dict)

    @property
    def is_postgres(self) -> bool:
        return self.database_url.startswith("postgres")

    def run(self, *args: str, timeout: float = 1800, **env: str) -> str:
        result = subprocess.run(
            [sys.executable, *args],
            cwd=REPO,
            env={**self.env, **env},
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def sql(self, query: str, *params) -> list[tuple]:
        assert self.is_postgres
        with psycopg.connect(self.database_url, autocommit=True) as connection:
            cursor = connection.execute(query, params)
            return cursor.fetchall() if cursor.description else []


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    directory = tmp_path_factory.mktemp("faults")
    base = _postgres_url()
    if base:
        parsed = dj_database_url.parse(base)
        name = f"{parsed['NAME']}_faults"
        database_url = base.rsplit("/", 1)[0] + f"/{name}"
        with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{name}"')
    else:
        database_url = f"sqlite:///{directory / 'site.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "NEWSROOM_VAR_DIR": str(directory / "var"),
        "MEDIA_ROOT": str(directory / "media"),
        "SECRET_KEY": "fault-tests-only",
        # Plain HTTP on 127.0.0.1: cookies must be sent without TLS.
        "SECURE_COOKIES": "false",
        "HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": str(REPO),
    }
    env.pop("REDIS_URL", None)
    runner = Site(directory, database_url, "", 0, "", env)
    # What a deployment does before `serve` (docs/operations.md).
    runner.run("-m", "newsroom.cli", "manage", "migrate", "--no-input", "-v", "0")
    runner.run("-m", "newsroom.cli", "manage", "collectstatic", "--no-input", "-v", "0")
    seeded = json.loads(runner.run("-m", "tests.faults.seed"))
    runner.article_url = seeded["article_url"]
    runner.comment_id = seeded["comment_id"]
    runner.email = seeded["email"]
    yield runner
    if runner.is_postgres:
        with psycopg.connect(base.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Server:
    """One `newsroom serve`, its output in a file the test reads."""

    def __init__(self, site: Site, *, workers: int = 1, threads: int = 4, **env: str) -> None:
        self.port = free_port()
        self.log_path = site.directory / f"serve-{self.port}.log"
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "newsroom.cli", "serve", "--port", str(self.port),
             "--workers", str(workers), "--threads", str(threads)],
            cwd=REPO,
            env={**site.env, **env},
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.base = f"http://127.0.0.1:{self.port}"
        self.wait_until_answering()

    def wait_until_answering(self, seconds: float = 240) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"serve exited early:\n{self.output()}")
            try:
                urllib.request.urlopen(f"{self.base}/healthz", timeout=10).close()
                return
            except (OSError, urllib.error.URLError):
                time.sleep(0.2)
        raise AssertionError(f"serve did not answer:\n{self.output()}")

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text()

    def children(self) -> list[int]:
        found = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
            check=False,
        )
        return [int(pid) for pid in found.stdout.split()]

    def worker_pid(self) -> int:
        for pid in self.children():
            command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            if b"worker" in command:
                return pid
        raise AssertionError("no worker process")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                for pid in self.children():
                    os.kill(pid, signal.SIGKILL)
                self.process.kill()
                self.process.wait()
        self.log.close()


@pytest.fixture
def start_server(site):
    servers: list[Server] = []

    def start(**options) -> Server:
        server = Server(site, **options)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@dataclass
class Response:
    status: int
    headers: dict[str, str]  # names in lower case, as granian sends them
    text: str


def _headers(message) -> dict[str, str]:
    return {name.lower(): value for name, value in message.items()}


class Browser:
    """A reader with cookies, over plain HTTP; a request that hangs fails the test."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        self.base = base
        self.timeout = timeout
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path: str, data: dict | None = None, headers: dict | None = None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + "/", **(headers or {})}
        )
        try:
            with self.opener.open(request, timeout=self.timeout) as answer:
                return Response(answer.status, _headers(answer.headers), answer.read().decode())
        except urllib.error.HTTPError as error:
            return Response(error.code, _headers(error.headers), error.read().decode())

    def csrf_token(self) -> str:
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def sign_in(self, email: str, password: str) -> None:
        self.request("/accounts/login/")
        answer = self.request(
            "/accounts/login/",
            {"login": email, "password": password, "csrfmiddlewaretoken": self.csrf_token()},
        )
        assert answer.status == 200 and "Sign out" in answer.text, answer.text[:500]

    def vote(self, comment_id: int, value: str) -> Response:
        return self.request(
            f"/discussion/comments/{comment_id}/vote/",
            {"value": value, "csrfmiddlewaretoken": self.csrf_token()},
            headers={"HX-Request": "true", "X-CSRFToken": self.csrf_token()},
        )
