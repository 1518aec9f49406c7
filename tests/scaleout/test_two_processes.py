"""Scale-out: two app processes behind nginx, sharing PostgreSQL and Redis.

nginx (Debian's package) balances the two and keeps anonymous pages as a shared
HTTP cache, refreshed by the app's purge after each change (Wagtail's frontend
cache, ``FRONTEND_CACHE_PURGE_URL``). A vote or a comment made through one
process shows through the other and through nginx on the very next request.
The test installs nothing: without nginx, PostgreSQL or Redis it says so and skips.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client

from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
REDIS_URL = os.environ.get("TEST_REDIS_URL") or os.environ.get("REDIS_URL")
ROOT = Path(__file__).resolve().parents[2]
CSRF = "scaleoutcsrftoken0123456789abcde"  # 32 characters: an unmasked CSRF secret

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        not os.access(NGINX, os.X_OK),
        reason="nginx is missing: install Debian's nginx (scripts/install-nginx, run by make test)",
    ),
    pytest.mark.skipif(
        not REDIS_URL,
        reason="set TEST_REDIS_URL (e.g. redis://127.0.0.1:6379/7): the processes share Redis",
    ),
]

NGINX_CONF = """
{user}
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log {dir}/access.log;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    proxy_cache_path {dir}/cache keys_zone=pages:1m;
    proxy_cache_key $request_uri;
    upstream newsroom {{ server 127.0.0.1:{app_a}; server 127.0.0.1:{app_b}; }}
    server {{
        listen 127.0.0.1:{front};
        location / {{
            proxy_pass http://newsroom;
            proxy_set_header Host localhost;
            proxy_cache pages;
            proxy_cache_revalidate on;
            # Only the purge server below sets it (a real deployment keeps it off the internet).
            proxy_cache_bypass $http_x_refresh;
            add_header X-Front-Cache $upstream_cache_status;
        }}
    }}
    # Wagtail's HTTP purge: nginx caches only GETs, so a PURGE here becomes a GET through
    # the front server that bypasses its copy and stores the fresh page in its place.
    server {{
        listen 127.0.0.1:{purge};
        location / {{
            proxy_method GET;
            proxy_set_header X-Refresh 1;
            proxy_set_header Cookie "";
            proxy_pass http://127.0.0.1:{front};
        }}
    }}
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise TimeoutError(f"nothing answers on port {port}")


def get(port: int, path: str) -> tuple[str, dict]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.read().decode(), dict(response.headers)
    except urllib.error.HTTPError as error:
        raise AssertionError(f"port {port}: {error.code} {error.read()[:2000]!r}") from error


def post(port: int, path: str, session: str, fields: dict, headers: dict | None = None) -> int:
    """A signed-in reader's form post, not following the redirect."""
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request(
        "POST",
        path,
        body=urlencode({**fields, "csrfmiddlewaretoken": CSRF}),
        headers={
            "Cookie": f"sessionid={session}; csrftoken={CSRF}",
            "Content-Type": "application/x-www-form-urlencoded",
            **(headers or {}),
        },
    )
    status = connection.getresponse().status
    connection.close()
    return status


def session_of(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies[settings.SESSION_COOKIE_NAME].value


@pytest.fixture
def cluster(tmp_path):
    """Two granian processes and nginx in front; every process stopped by its own id."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (DATABASE_URL): two processes share the database")
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()  # this test's own Redis database
    ports = {name: free_port() for name in ("app_a", "app_b", "front", "purge")}
    database = connection.settings_dict
    env = {
        **os.environ,
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        "REDIS_URL": REDIS_URL,
        "PAGE_CACHE_SECONDS": "120",
        "PREMODERATE_FIRST": "0",  # a new reader's comment is published at once
        "CDN_CACHE_SECONDS": "120",
        "FRONTEND_CACHE_PURGE_URL": f"http://127.0.0.1:{ports['purge']}",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "NEWSROOM_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),  # the test's images, for the renditions
    }
    # As a deployment does (`newsroom manage`, not the development manage.py, which turns
    # DEBUG on and so collects the files without the manifest the app processes read).
    subprocess.run(
        [sys.executable, "-m", "newsroom.cli", "manage", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, check=True,
    )  # fmt: skip
    (tmp_path / "nginx").mkdir()
    conf = tmp_path / "nginx" / "nginx.conf"
    # Run as root (a container), nginx would hand its workers to another user, who cannot
    # reach pytest's temporary folders.
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(NGINX_CONF.format(user=user, dir=tmp_path / "nginx", **ports))
    granian = [sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", "1"]
    processes = [
        subprocess.Popen(
            [*granian, "--port", str(ports[name]), "newsroom.wsgi:application"],
            cwd=ROOT,
            env=env,
            start_new_session=True,
            stdout=(tmp_path / f"{name}.log").open("w"),
            stderr=subprocess.STDOUT,
        )
        for name in ("app_a", "app_b")
    ]
    processes.append(
        subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(tmp_path / "nginx")], start_new_session=True
        )
    )
    try:
        for name in ports:
            wait_for(ports[name])
        yield ports
    finally:
        for process in processes:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)


def test_a_vote_and_a_comment_show_through_both_processes_and_nginx(cluster, home):
    article = ArticlePageFactory(title="The ferry strike ends")
    comment = CommentFactory(article=article, body_html="<p>Good news for the islands.</p>")
    path = article.url
    for port in (cluster["front"], cluster["front"], cluster["app_a"], cluster["app_b"]):
        get(port, path)
    _, headers = get(cluster["front"], path)
    assert headers["X-Front-Cache"] == "HIT"  # nginx keeps the anonymous page

    vote = post(
        cluster["app_a"],
        f"/discussion/comments/{comment.pk}/vote/",
        session_of(UserFactory()),
        {"value": "up"},
        {"HX-Request": "true"},
    )
    assert vote == 200
    for port in (cluster["app_b"], cluster["front"]):
        page, headers = get(port, path)
        assert 'title="+1 / -0">+1</span>' in page, (port, headers)

    posted = post(
        cluster["app_b"],
        f"/discussion/articles/{article.pk}/comments/new/",
        session_of(UserFactory()),
        {"body": "The timetable is back online."},
    )
    assert posted == 302
    for port in (cluster["app_a"], cluster["front"]):
        assert "The timetable is back online." in get(port, path)[0]
