"""Benchmark: a busy article's page and the discussion's writes.

Builds, in a throwaway database, an article with 5,000 comments (a third of
them replies) and 50,000 votes, then prints the median and p95 server time and
HTML size of the article page (signed out, rendered and from the anonymous page
cache, and signed in), and the time per vote and per comment post. Run it by hand:

    .venv/bin/python benchmarks/comments.py            # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/comments.py
"""

import argparse
import time

from harness import database_prepare, report, section_build  # configures Django first

# isort: split
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.models import Count, Q
from django.test import Client
from wagtail.rich_text import RichText

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment, Vote

COMMENTS = 5_000
VOTES = 50_000
VOTERS = 500


def build() -> tuple[ArticlePage, list[User]]:
    article = section_build().add_child(
        instance=ArticlePage(
            title="A busy story",
            slug="busy",
            body=[("paragraph", RichText("<p>Body.</p>"))] * 17,
        )
    )
    article.save_revision().publish()

    users = User.objects.bulk_create(
        User(
            username=f"bench{i}",
            email=f"bench{i}@example.com",
            display_name=f"Bench {i}",
            slug=f"bench-{i}",
        )
        for i in range(VOTERS)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    top_count = COMMENTS - COMMENTS // 3
    body = "A considered view on the matter, with *some* emphasis and a second sentence."
    html = (
        "<p>A considered view on the matter, with <em>some</em> emphasis and a second sentence.</p>"
    )
    tops = Comment.objects.bulk_create(
        Comment(article=article, author=users[i % VOTERS], body=body, body_html=html)
        for i in range(top_count)
    )
    Comment.objects.bulk_create(
        Comment(
            article=article,
            author=users[(i + 7) % VOTERS],
            parent=tops[i % top_count],
            thread=tops[i % top_count],
            in_reply_to=tops[i % top_count],
            depth=2,
            body=body,
            body_html=html,
        )
        for i in range(COMMENTS // 3)
    )
    comment_ids = list(Comment.objects.filter(article=article).values_list("pk", flat=True))
    per_voter = VOTES // VOTERS
    Vote.objects.bulk_create(
        (
            Vote(
                comment_id=comment_ids[(v * 37 + k * 101) % len(comment_ids)],
                voter=users[v],
                value=1 if (v + k) % 3 else -1,
            )
            for v in range(VOTERS)
            for k in range(per_voter)
        ),
        batch_size=5_000,
        ignore_conflicts=True,
    )
    counts = Vote.objects.values("comment").annotate(
        ups=Count("pk", filter=Q(value=1)), downs=Count("pk", filter=Q(value=-1))
    )
    Comment.objects.bulk_update(
        [Comment(pk=row["comment"], upvotes=row["ups"], downvotes=row["downs"]) for row in counts],
        ["upvotes", "downvotes"],
        batch_size=2_000,
    )
    return article, users


def timed(call, repeat: int) -> tuple[list[float], int]:
    times, size = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        response = call()
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code in (200, 302), response.status_code
        size = len(response.content)
    return times, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=30, help="page requests per case")
    parser.add_argument("--writes", type=int, default=200, help="votes and posts to time")
    options = parser.parse_args()

    database_prepare()
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    article, users = build()
    print(
        f"built {Comment.objects.count():,} comments and {Vote.objects.count():,} votes "
        f"in {time.perf_counter() - started:.1f} s on {connection.vendor}"
    )

    anonymous = Client()
    anonymous.get(article.url)  # renditions, template loading
    cache_seconds = settings.NEWSROOM_PAGE_CACHE_SECONDS
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0  # every request renders the page
    report("article page, signed out", *timed(lambda: anonymous.get(article.url), options.requests))
    settings.NEWSROOM_PAGE_CACHE_SECONDS = cache_seconds
    anonymous.get(article.url)
    assert anonymous.get(article.url).headers["X-Page-Cache"] == "hit"
    report(
        "article page, signed out, stored",
        *timed(lambda: anonymous.get(article.url), options.requests),
    )

    reader = Client()
    reader.force_login(users[1])
    reader.get(article.url)
    report("article page, signed in", *timed(lambda: reader.get(article.url), options.requests))

    htmx = {"HTTP_HX_REQUEST": "true"}
    more = f"/discussion/articles/{article.pk}/comments/?offset=50"
    report("next 50 threads (htmx)", *timed(lambda: reader.get(more, **htmx), options.requests))

    settings.NEWSROOM_RATE_LIMITS = {"comment": "100000/m", "vote": "100000/m"}  # time the work
    targets = list(
        Comment.objects.filter(article=article)
        .exclude(author=users[2])
        .values_list("pk", flat=True)[: options.writes]
    )
    voter = Client()
    voter.force_login(users[2])
    vote_times = []
    for pk in targets:
        start = time.perf_counter()
        response = voter.post(f"/discussion/comments/{pk}/vote/", {"value": "up"}, **htmx)
        vote_times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, response.status_code
    report("vote (htmx)", vote_times)

    poster = Client()
    poster.force_login(users[3])
    post_times = []
    for n in range(options.writes // 4):
        start = time.perf_counter()
        response = poster.post(
            f"/discussion/articles/{article.pk}/comments/new/", {"body": f"Benchmark post {n}."}
        )
        post_times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 302, response.status_code
    report("comment post (form, redirect)", post_times)


if __name__ == "__main__":
    main()
