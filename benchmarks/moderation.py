"""Benchmark: toxicity scoring per comment and the moderation queue with 10,000 pending.

Prints the median time to score one comment through the moderation pipeline's
model (over 1,000 different comments, each scored alone, as comment_create
does), the same for a batch of 1,000 (as `newsroom moderation-report` does),
and the median and p95 server time of the Pending, Reported and Recent queue
pages with 10,000 pending comments, with their query counts. Run it by hand:

    .venv/bin/python benchmarks/moderation.py     # SQLite in a temporary folder
"""

import time

from harness import database_prepare, report, section_build  # configures Django first

# isort: split
from django.conf import settings
from django.contrib.auth.models import Group
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.rich_text import RichText

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment
from newsroom.moderation.models import MODERATORS_GROUP, Report
from newsroom.moderation.toxicity import toxicity_score, toxicity_scores

PENDING = 10_000
READERS = 1_000
SCORED = 1_000
SENTENCE = (
    "the minister said talks went well but the details are vague and nobody trusts "
    "these promises any more you idiot this plan is stupid pathetic reasonable fair"
)
WORDS = SENTENCE.split()


def sample_comments(count: int) -> list[str]:
    return [
        " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(12 + i % 25))
        for i in range(count)
    ]


def bench_scoring() -> None:
    toxicity_score("warm up: load the model")
    texts = sample_comments(SCORED)
    times = []
    for text in texts:
        start = time.perf_counter()
        toxicity_score(text)
        times.append((time.perf_counter() - start) * 1000)
    report(f"scoring one comment (each of {SCORED:,})", times)
    start = time.perf_counter()
    toxicity_scores(texts)
    batch = (time.perf_counter() - start) * 1000
    print(f"scoring {SCORED:,} comments in one batch     {batch:7.1f} ms")


def build() -> User:
    section = section_build()
    articles = []
    for n in range(10):
        article = section.add_child(
            instance=ArticlePage(
                title=f"Story {n}", slug=f"story-{n}", body=[("paragraph", RichText("<p>B</p>"))]
            )
        )
        article.save_revision().publish()
        articles.append(article)
    readers = User.objects.bulk_create(
        User(username=f"r{i}", email=f"r{i}@example.com", display_name=f"R {i}", slug=f"r-{i}")
        for i in range(READERS)
    )
    texts = sample_comments(200)
    comments = Comment.objects.bulk_create(
        (
            Comment(
                article=articles[i % 10],
                author=readers[i % READERS],
                body=texts[i % 200],
                body_html=f"<p>{texts[i % 200]}</p>",
                status=Comment.Status.PENDING,
                toxicity=(i % 100) / 100,
                moderation_flags=["DETECTED_NEW_COMMENTER"],
            )
            for i in range(PENDING)
        ),
        batch_size=2_000,
    )
    Report.objects.bulk_create(
        (
            Report(
                comment=comments[i],
                reporter=readers[(i + 1) % READERS],
                reason=Report.Reason.REPORTED_SPAM,
            )
            for i in range(0, PENDING, 5)
        ),
        batch_size=2_000,
    )
    moderator = User.objects.create_user("bench-moderator", password="x", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return moderator


def bench_queue(moderator: User) -> None:
    client = Client()
    client.force_login(moderator)
    for queue in ("pending", "reported", "recent"):
        url = f"/admin/moderation/?queue={queue}"
        client.get(url)
        times = []
        for _ in range(20):
            with CaptureQueriesContext(connection) as queries:
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200
        report(
            f"queue {queue} ({PENDING:,} pending)",
            times,
            extra=f", {len(queries.captured_queries)} queries",
        )


def main() -> None:
    database_prepare()
    bench_scoring()
    # The admin's static files come from the finders: no collectstatic manifest needed.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        bench_queue(build())


if __name__ == "__main__":
    main()
