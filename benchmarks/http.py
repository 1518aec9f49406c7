"""Benchmark over HTTP: newsroom's pages and writes beside a floor and two peers, with wrk.

Starts every server itself (granian, 2 workers of 2 threads each, as ``newsroom serve``
runs it), seeds them, and runs
``wrk -t2 -c32 -d10s`` against:

- the floor: a bare Django view in the newsroom server answering with the stored
  bytes of the 200-comment article (same process, same middleware);
- Isso (the Python comment server, in its own venv under var/bench) holding the same
  200 comments, ``[guard] enabled = false``;
- a fresh ``wagtail start`` site's home page (var/bench/wagtail-site, our venv);
- newsroom on SQLite (the demo plus an article with 200 top-level comments of 30-80
  words and one with 5,000 comments): the anonymous stored article, the 200- and
  5,000-comment articles and the home page with the page cache off, the 200-comment
  article signed in; a sequential comment post (a new connection each), scored by every
  moderation model (the two shipped and a newsroom model trained in the seed), beside Isso's;
- newsroom on PostgreSQL: votes from 32 signed-in clients, then every comment's
  counts checked against its vote rows.

It prints req/s, p50 and p99 and the ratios the targets are stated in. Setup, once:

    apt-get install -y wrk            # Debian's wrk; PostgreSQL must be running for votes
    make bench                        # or: .venv/bin/python benchmarks/http.py

``BENCH_DATABASE_URL`` names the PostgreSQL database for the votes (created if missing,
default postgres://postgres@127.0.0.1:5432/newsroom_bench); ``--skip-votes`` leaves them out.
"""

import argparse
import itertools
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# This file shadows the standard library's ``http`` when run as a script: take its folder
# off the path before anything imports ``http.client``.
sys.path = [entry for entry in sys.path if Path(entry or ".").resolve() != Path(__file__).parent]

import urllib.error  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402
from http.client import HTTPConnection  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
VAR = ROOT / "var" / "bench"
PYTHON = sys.executable
WRK_THREADS = 2
WARM_UP_SECONDS = 2
WRK_LOAD = [f"-t{WRK_THREADS}", "-c32", "--timeout", "30s"]  # slow pages count, not time out
WRK = ["wrk", *WRK_LOAD, "-d10s"]
WARM_UP_WRK = ["wrk", *WRK_LOAD, f"-d{WARM_UP_SECONDS}s"]
WORKERS = "2"
# Threads per worker, for every server alike: as `newsroom serve` runs granian (WEB_THREADS,
# whose default is 2, the size of each process's database pool). granian's own default for
# WSGI is hundreds of threads, which then wait on the GIL and the pool.
THREADS = "2"
WARM_UP = 4  # posts not counted: each worker's first loads what it needs (e.g. a model)
ISSO_URI = "/bench/article-200/"
AUTHORS = 40  # readers whose comments fill the articles
CLIENTS = 32  # readers who have not commented: wrk's 32 connections, one signed-in reader each
CSRF = "benchcsrftoken0123456789abcdefgh"  # 32 characters: an unmasked CSRF secret
WORDS = [
    "council",
    "harbour",
    "ferry",
    "schedule",
    "budget",
    "station",
    "river",
    "market",
    "bridge",
    "tariff",
    "ministers",
    "talks",
    "summit",
    "delegation",
    "weather",
    "festival",
    "farmers",
    "rice",
    "exports",
    "school",
    "teachers",
    "hospital",
    "nurses",
    "election",
    "turnout",
    "district",
    "mayor",
    "policy",
    "reform",
    "port",
    "cargo",
    "shipping",
    "rail",
    "timetable",
    "tourists",
    "visitors",
    "museum",
    "library",
    "residents",
    "housing",
    "rents",
    "wages",
]


def body_text(n: int) -> str:
    """A reader's comment of 30 to 80 invented words, the same in every server."""
    count = 30 + (n * 37) % 51
    words = [WORDS[(n * 7 + k * 13) % len(WORDS)] for k in range(count)]
    return " ".join(words).capitalize() + "."


# -- seeding (runs in a child process, with the Django settings of the server it seeds) --


def newsroom_model_train() -> None:
    """Every model scores a post, the newsroom's own too: one of a realistic size, fitted on
    5,000 comments of common words (the labels are arbitrary, only its size matters), as
    benchmarks/moderation.py does."""
    from django.conf import settings

    from benchmarks.corpus import realistic_comments
    from newsroom.moderation.lstm import Tokenizer
    from newsroom.moderation.newsroom_model import fit

    texts = realistic_comments(Tokenizer.from_package().word_index, 5_000, seed=1)
    model = fit(texts, [n % 2 for n in range(len(texts))], info={"source": "benchmark"})
    model.save(settings.NEWSROOM_MODERATION_MODEL_FILE)


def seed(kind: str) -> dict:
    """Build the database of one newsroom server; return what the load needs (URLs, cookies)."""
    import django

    django.setup()
    from allauth.account.models import EmailAddress
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.core.management import call_command
    from wagtail.models import Page, Site
    from wagtail.rich_text import RichText

    from newsroom.accounts.models import User
    from newsroom.articles.models import ArticlePage, HomePage, SectionPage
    from newsroom.core.html import render_comment
    from newsroom.discussion.models import Comment

    call_command("migrate", interactive=False, verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    if kind == "site":
        call_command("load_demo", verbosity=0)
        home = HomePage.objects.get()
        newsroom_model_train()
    else:
        home = Page.get_first_root_node().add_child(instance=HomePage(title="Bench", slug="bench"))
        Site.objects.update_or_create(
            is_default_site=True,
            defaults={"hostname": "localhost", "root_page": home, "port": 80},
        )
    section = home.add_child(instance=SectionPage(title="Bench desk", slug="bench-desk"))
    section.save_revision().publish()

    users = User.objects.bulk_create(
        User(
            username=f"bench{i}",
            email=f"bench{i}@example.com",
            display_name=f"Bench reader {i}",
            slug=f"bench-reader-{i}",
        )
        for i in range(AUTHORS + CLIENTS)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )

    def article_with(slug: str, tops: int, replies: int) -> ArticlePage:
        article = section.add_child(
            instance=ArticlePage(
                title=f"A story with {tops + replies:,} comments",
                slug=slug,
                body=[("paragraph", RichText(f"<p>{body_text(p)}</p>")) for p in range(17)],
            )
        )
        article.save_revision().publish()
        roots = Comment.objects.bulk_create(
            Comment(
                article=article,
                author=users[n % AUTHORS],
                body=body_text(n),
                body_html=render_comment(body_text(n)),
            )
            for n in range(tops)
        )
        Comment.objects.bulk_create(
            Comment(
                article=article,
                author=users[(n + 7) % AUTHORS],
                parent=roots[n % tops],
                thread=roots[n % tops],
                in_reply_to=roots[n % tops],
                depth=2,
                body=body_text(n + tops),
                body_html=render_comment(body_text(n + tops)),
            )
            for n in range(replies)
        )
        return article

    busy = article_with("two-hundred", 200, 0)
    huge = article_with("five-thousand", 3_334, 1_666) if kind == "site" else None

    sessions = []
    for user in users[AUTHORS:]:
        store = SessionStore()
        store[SESSION_KEY] = str(user.pk)
        store[BACKEND_SESSION_KEY] = "newsroom.accounts.backends.AuthenticationBackend"
        store[HASH_SESSION_KEY] = user.get_session_auth_hash()
        store.create()
        sessions.append(store.session_key)
    return {
        "article200": busy.get_url_parts()[2],
        "article200_id": busy.pk,
        "article5000": huge.get_url_parts()[2] if huge else None,
        "comments200": list(
            Comment.objects.filter(article=busy).order_by("pk").values_list("pk", flat=True)
        ),
        "sessions": sessions,
    }


def vote_counts_check() -> dict:
    """Compare every comment's counters with its vote rows (after the vote run)."""
    import django

    django.setup()
    from django.db.models import Count, Q

    from newsroom.discussion.models import Comment

    rows = Comment.objects.annotate(
        ups=Count("votes", filter=Q(votes__value=1)),
        downs=Count("votes", filter=Q(votes__value=-1)),
    ).values_list("upvotes", "downvotes", "ups", "downs")
    wrong = sum(1 for up, down, ups, downs in rows if (up, down) != (ups, downs))
    from newsroom.discussion.models import Vote

    return {"comments": len(rows), "wrong": wrong, "votes": Vote.objects.count()}


def posts_scored_check(article_id: int) -> dict:
    """Which models scored the comments the post run stored, and how many there are."""
    import django

    django.setup()
    from newsroom.discussion.models import Comment

    scored = Comment.objects.filter(article_id=article_id, toxicity__isnull=False)
    scores = scored.values_list("toxicity_scores", flat=True)
    models = {name for by_model in scores for name in by_model}
    return {"scored": scored.count(), "models": sorted(models)}


# -- servers --


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, timeout: float = 300) -> None:  # workers load the moderation models
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def listeners(port: int) -> int:
    """How many sockets listen on 127.0.0.1:port (Linux's /proc/net/tcp)."""
    local = f"0100007F:{port:04X}"
    with open("/proc/net/tcp") as table:
        return sum(1 for row in table if row.split()[1:4:2] == [local, "0A"])


def wait_for_workers(port: int, timeout: float = 300) -> None:
    """granian's workers each open their own socket on the port (SO_REUSEPORT) once loaded;
    the kernel shares connections only among those open when a client connects. wrk's 32
    connections opened while only the first worker listened all stay on it, and a run would
    measure one worker of two: wait for every worker."""
    deadline = time.monotonic() + timeout
    while listeners(port) < int(WORKERS):
        if time.monotonic() > deadline:
            raise TimeoutError(f"not every granian worker listens on port {port}")
        time.sleep(0.1)


@contextmanager
def granian(app: str, *, env: dict, cwd: Path, python: str = PYTHON, path: str = "/"):
    """A granian server (WSGI, 2 workers of THREADS threads) on a free port; stopped, with its
    workers, on exit."""
    port = free_port()
    log = (VAR / f"server-{port}.log").open("w")
    process = subprocess.Popen(
        [python, "-m", "granian", "--interface", "wsgi", "--workers", WORKERS,
         "--blocking-threads", THREADS, "--host", "127.0.0.1", "--port", str(port), app],
        env={**os.environ, **env}, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + path)
        wait_for_workers(port)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def newsroom_env(var_dir: Path, **extra: str) -> dict:
    return {
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "benchmarks.server_settings",
        "SECRET_KEY": "benchmark-only-not-secret",  # the settings refuse to start without one
        "NEWSROOM_VAR_DIR": str(var_dir),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "BENCH_FLOOR_FILE": str(VAR / "floor.html"),
        "LOG_LEVEL": "ERROR",
        **extra,
    }


def run_child(args: list[str], env: dict) -> dict:
    output = subprocess.run(
        [PYTHON, "-m", "benchmarks.http", *args],
        env={**os.environ, **env}, cwd=ROOT, check=True, capture_output=True, text=True,
    )  # fmt: skip
    return json.loads(output.stdout.strip().splitlines()[-1])


# -- load --


@dataclass
class Result:
    label: str
    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    bad: int  # non-2xx/3xx answers and socket errors
    per_view: int = 1  # requests one reader's page view takes

    @property
    def views(self) -> float:
        return self.rps / self.per_view


LUA_DONE = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %f %f %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(99),
    e.status + e.connect + e.read + e.write + e.timeout))
end
"""


def lua_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid Lua string literal for ASCII


def wrk_script(requests: list[dict], per_view: int) -> Path:
    """A wrk script cycling through ``requests`` (method, path, headers, body).

    The requests come in views of ``per_view``; each wrk thread takes every WRK_THREADS-th
    view (thread 1 the first, thread 2 the second, ...), so no two threads send the same
    request: two votes alike would make the second a no-op."""
    entries = []
    for item in requests:
        headers = ", ".join(
            f"[{lua_string(k)}] = {lua_string(v)}" for k, v in item.get("headers", {}).items()
        )
        body = lua_string(item["body"]) if item.get("body") else "nil"
        entries.append(
            f"wrk.format({lua_string(item.get('method', 'GET'))}, "
            f"{lua_string(item['path'])}, {{{headers}}}, {body})"
        )
    script = VAR / "load.lua"
    # wrk sets the Host header after the script loads: build the requests in init().
    script.write_text(
        f"local per_view, threads = {per_view}, {WRK_THREADS}\n"
        "local requests, counter, made = {}, 0, 0\n"
        "setup = function(thread)\n"
        '  thread:set("thread_number", made)\n'
        "  made = made + 1\n"
        "end\n"
        "init = function(args)\n"
        "  requests = {" + ",\n".join(entries) + "}\n"
        "end\n"
        "request = function()\n"
        "  local views = #requests / per_view\n"
        "  local view = (thread_number + threads * math.floor(counter / per_view)) % views\n"
        "  local item = view * per_view + counter % per_view + 1\n"
        "  counter = counter + 1\n"
        "  return requests[item]\n"
        "end\n" + LUA_DONE
    )
    return script


def wrk(
    label: str,
    base: str,
    requests: list[dict],
    *,
    per_view: int = 1,
    warm_up: list[dict] | None = None,
) -> Result:
    """Run wrk over ``requests`` after WARM_UP_WRK over ``warm_up`` (by default the same
    requests), not counted: every server's threads have compiled what they compile once
    (templates, queries) before the count starts, as a server in service has."""
    script = wrk_script(warm_up or requests, per_view)
    subprocess.run([*WARM_UP_WRK, "-s", str(script), base], check=True, capture_output=True)
    script = wrk_script(requests, per_view)
    output = subprocess.run(
        [*WRK, "-s", str(script), base], check=True, capture_output=True, text=True
    ).stdout
    line = next(x for x in output.splitlines() if x.startswith("RESULT "))
    count, duration_us, p50, p99, bad = line.split()[1:]
    result = Result(
        label=label,
        rps=int(count) / (int(duration_us) / 1e6),
        p50_ms=float(p50) / 1000,
        p99_ms=float(p99) / 1000,
        requests=int(count),
        bad=int(bad),
        per_view=per_view,
    )
    print(
        f"{label:<58} {result.views:9.1f}/s  p50 {result.p50_ms:8.1f} ms  "
        f"p99 {result.p99_ms:8.1f} ms  ({result.requests} requests, {result.bad} bad)",
        flush=True,
    )
    return result


def sequential_posts(label: str, base: str, make_request, count: int) -> Result:
    """``count`` posts one after another, each on a new connection, as a reader's browser."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    times, bad = [], 0
    started = time.perf_counter()
    for n in range(-WARM_UP, count):
        if n == 0:
            times, bad, started = [], 0, time.perf_counter()
        method, path, headers, body = make_request(n)
        start = time.perf_counter()
        connection = HTTPConnection(host, int(port), timeout=30)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        connection.close()
        times.append((time.perf_counter() - start) * 1000)
        bad += response.status >= 400
    elapsed = time.perf_counter() - started
    times.sort()
    result = Result(
        label=label,
        rps=count / elapsed,
        p50_ms=times[len(times) // 2],
        p99_ms=times[min(len(times) - 1, round(0.99 * len(times)))],
        requests=count,
        bad=bad,
    )
    print(
        f"{label:<58} {result.rps:9.1f}/s  p50 {result.p50_ms:8.1f} ms  "
        f"p99 {result.p99_ms:8.1f} ms  ({count} posts, {bad} bad)",
        flush=True,
    )
    return result


def signed_in(session: str, *, shared: bool = False, **headers: str) -> dict:
    """A reader's headers; ``shared``: their page's script has set the shared-copy cookie."""
    cookie = f"sessionid={session}; csrftoken={CSRF}" + ("; newsroom_shared=1" if shared else "")
    return {"Cookie": cookie, **headers}


# -- the peers --


def isso_install() -> Path:
    venv = VAR / "isso-venv"
    if not (venv / "bin" / "isso").exists():
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [venv / "bin" / "pip", "install", "--quiet", "isso", "granian==2.8.7"], check=True
        )
    return venv


def isso_config(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    database = directory / "comments.db"
    database.unlink(missing_ok=True)
    config = directory / "isso.cfg"
    config.write_text(
        f"[general]\ndbpath = {database}\nhost = http://127.0.0.1/\nnotify = stdout\n"
        "[moderation]\nenabled = false\n[guard]\nenabled = false\n"
    )
    return config


def isso_post(base: str, n: int, uri: str) -> tuple:
    body = json.dumps(
        {"text": body_text(n), "author": f"Bench reader {n % AUTHORS}", "title": "A bench story"}
    )
    return (
        "POST",
        f"/new?uri={urllib.parse.quote(uri)}",
        {"Content-Type": "application/json", "Origin": base},
        body,
    )


def wagtail_site() -> Path:
    site = VAR / "wagtail-site"
    if not (site / "manage.py").exists():
        site.mkdir(parents=True, exist_ok=True)
        subprocess.run([ROOT / ".venv" / "bin" / "wagtail", "start", "benchsite", site], check=True)
    (site / "benchsite" / "settings" / "local.py").write_text(
        'SECRET_KEY = "bench-only"\nALLOWED_HOSTS = ["127.0.0.1", "localhost"]\n'
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "benchsite.settings.production"}
    for command in (["migrate"], ["collectstatic", "--noinput"]):
        subprocess.run([PYTHON, "manage.py", *command, "-v0"], cwd=site, env=env, check=True)
    return site


# -- the run --


RATIOS = [
    ("anonymous stored article / floor", "stored", "floor", ">= 0.6"),
    ("200-comment article, cache off / Isso GET", "uncached", "isso", ">= 10"),
    ("200-comment article, cache off / Wagtail", "uncached", "wagtail", ">= 0.5"),
    ("home, cache off / Wagtail", "home", "wagtail", ">= 0.5"),
    ("comment post / Isso's post", "post", "isso_post", ">= 1"),
    ("signed in, shared + state / without JavaScript", "signed_in_shared", "signed_in", ""),
]
# The signed-in 200-comment article before this work: issue 8 measured 7.8 to 16 req/s.
SIGNED_IN_BEFORE = 16.0


def ratio(a: Result, b: Result) -> str:
    return f"{a.views / b.views:6.2f} x"


def newsroom_database_reset(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)


def postgres_database(url: str) -> None:
    """Drop and create the benchmark's PostgreSQL database."""
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    for statement in (
        f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)',
        f'CREATE DATABASE "{name}"',
    ):
        subprocess.run(["psql", admin, "-q", "-c", statement], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-votes", action="store_true", help="no PostgreSQL vote run")
    parser.add_argument("--posts", type=int, default=200, help="sequential comment posts")
    options = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk (Debian's package).")
    VAR.mkdir(parents=True, exist_ok=True)
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    print(
        f"commit {commit}; {' '.join(WRK)} after {WARM_UP_SECONDS}s not counted; "
        f"granian --workers {WORKERS} --blocking-threads {THREADS}; {os.cpu_count()} cores"
    )

    site_dir = VAR / "newsroom-sqlite"
    newsroom_database_reset(site_dir)
    seeded = run_child(["seed", "site"], newsroom_env(site_dir))
    article, article_id = seeded["article200"], seeded["article200_id"]
    sessions = seeded["sessions"]
    results: dict[str, Result] = {}

    with granian("newsroom.wsgi:application", env=newsroom_env(site_dir), cwd=ROOT) as base:
        page = urllib.request.urlopen(base + article).read()
        (VAR / "floor.html").write_bytes(page)
        results["floor"] = wrk(
            "floor: bare Django view, same bytes", base, [{"path": "/bench-floor/"}]
        )
        urllib.request.urlopen(base + article).read()  # store it
        results["stored"] = wrk(
            "newsroom 200-comment article, anonymous, stored", base, [{"path": article}]
        )
        results["signed_in"] = wrk(
            "newsroom 200-comment article, signed in, no JavaScript",
            base,
            [{"path": article, "headers": signed_in(s)} for s in sessions],
        )
        # With JavaScript: the shared copy, then the reader's state for the comments it shows.
        shown = ",".join(re.findall(r'<article id="comment-(\d+)"', page.decode()))
        state = f"/discussion/state/?article={article_id}&sort=oldest&ids={shown}"
        views = []
        for s in sessions:
            headers = signed_in(s, shared=True)
            views += [{"path": article, "headers": headers}, {"path": state, "headers": headers}]
        results["signed_in_shared"] = wrk(
            "newsroom 200-comment article, signed in: shared copy + state (views/s)",
            base,
            views,
            per_view=2,
        )
        results["post"] = sequential_posts(
            "newsroom comment post, sequential, new connection each",
            base,
            lambda n: (
                "POST",
                f"/discussion/articles/{article_id}/comments/new/",
                {
                    **signed_in(sessions[n % len(sessions)]),
                    "Content-Type": "application/x-www-form-urlencoded",
                },
                urllib.parse.urlencode({"body": body_text(n + 9_000), "csrfmiddlewaretoken": CSRF}),
            ),
            options.posts,
        )
    scored = run_child(["check-posts", str(article_id)], newsroom_env(site_dir))
    print(f"  posts scored by {', '.join(scored['models'])}: {scored['scored']} comments")
    assert scored["scored"] >= options.posts + WARM_UP, scored
    assert scored["models"] == ["newsroom", "profanity_check", "tox_block"], scored

    off = newsroom_env(site_dir, PAGE_CACHE_SECONDS="0")
    with granian("newsroom.wsgi:application", env=off, cwd=ROOT) as base:
        results["uncached"] = wrk(
            "newsroom 200-comment article, page cache off", base, [{"path": article}]
        )
        results["huge"] = wrk(
            "newsroom 5,000-comment article, page cache off",
            base,
            [{"path": seeded["article5000"]}],
        )
        results["home"] = wrk("newsroom home page, page cache off", base, [{"path": "/"}])

    isso = isso_install()
    config = isso_config(VAR / "isso")
    isso_env = {"ISSO_SETTINGS": str(config), "PYTHONPATH": ""}
    with granian(
        "isso.run:application",
        env=isso_env,
        cwd=VAR,
        python=str(isso / "bin" / "python"),
        path="/info",
    ) as base:
        for n in range(200):
            method, path, headers, body = isso_post(base, n, ISSO_URI)
            request = urllib.request.Request(base + path, body.encode(), headers, method=method)
            urllib.request.urlopen(request).read()
        thread = f"/?uri={urllib.parse.quote(ISSO_URI)}"
        shown = json.loads(urllib.request.urlopen(base + thread).read())
        assert shown["total_replies"] == 200, shown["total_replies"]
        results["isso"] = wrk("Isso GET of the 200-comment thread", base, [{"path": thread}])
        results["isso_post"] = sequential_posts(
            "Isso comment post, sequential, new connection each",
            base,
            lambda n: isso_post(base, n + 9_000, "/bench/posts/"),
            options.posts,
        )

    site = wagtail_site()
    wagtail_env = {
        "DJANGO_SETTINGS_MODULE": "benchsite.settings.production",
        "PYTHONPATH": str(site),
    }
    with granian("benchsite.wsgi:application", env=wagtail_env, cwd=site) as base:
        results["wagtail"] = wrk("fresh `wagtail start` page, no cache", base, [{"path": "/"}])

    if not options.skip_votes:
        url = os.environ.get(
            "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom_bench"
        )
        postgres_database(url)
        pg_dir = VAR / "newsroom-postgres"
        newsroom_database_reset(pg_dir)
        pg_env = newsroom_env(pg_dir, DATABASE_URL=url)
        voting = run_child(["seed", "votes"], pg_env)
        with granian("newsroom.wsgi:application", env=pg_env, cwd=ROOT) as base:
            comments = voting["comments200"]

            # Each reader votes on 50 comments, in three rounds that each change every one
            # of those votes (up, down, withdrawn, or down, withdrawn, up), and round again;
            # the warm-up votes on 10 others.
            def vote(k: int, session: str, j: int, turn: int) -> dict:
                return {
                    "method": "POST",
                    "path": f"/discussion/comments/{comments[(k * 5 + j) % 200]}/vote/",
                    "headers": signed_in(session, **{
                        "Content-Type": "application/x-www-form-urlencoded",
                        "X-CSRFToken": CSRF,
                        "HX-Request": "true",
                    }),
                    "body": "value=" + ("up", "down", "clear")[(turn + (k + j) % 2) % 3],
                }  # fmt: skip

            readers = list(enumerate(voting["sessions"]))
            votes = [
                vote(k, session, j, turn)
                for turn, j, (k, session) in itertools.product(range(3), range(50), readers)
            ]
            others = [vote(k, s, j, 0) for j, (k, s) in itertools.product(range(50, 60), readers)]
            results["votes"] = wrk(
                "votes, 32 signed-in clients, PostgreSQL (htmx)", base, votes, warm_up=others
            )
        checked = run_child(["check-votes"], pg_env)
        print(
            f"vote counts: {checked['wrong']} of {checked['comments']} comments differ "
            f"from their {checked['votes']} vote rows"
        )

    print()
    print("ratios (targets in brackets)")
    for label, top, bottom, target in RATIOS:
        if top in results and bottom in results:
            print(f"  {label:<44} {ratio(results[top], results[bottom])}  ({target or 'shown'})")
    if "signed_in_shared" in results:
        before = results["signed_in_shared"].views / SIGNED_IN_BEFORE
        print(f"  {'signed in, shared + state / 16 req/s before':<44} {before:6.2f} x  (>= 10)")
    if "votes" in results:
        print(f"  {'votes/s':<44} {results['votes'].rps:8.1f}  (>= 300)")


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        print(json.dumps(seed(sys.argv[2])))
    elif sys.argv[1:2] == ["check-votes"]:
        print(json.dumps(vote_counts_check()))
    elif sys.argv[1:2] == ["check-posts"]:
        print(json.dumps(posts_scored_check(int(sys.argv[2]))))
    else:
        main()
