"""Benchmark: toxicity scoring with every model, and the moderation queue with 10,000 pending.

Prints, with all three models loaded (alt-profanity-check, tox-block's LSTM and a
newsroom model trained here on 5,000 generated comments): the time and memory each
model takes to load; the median and p95 time to score one comment (over 1,000 different
comments of 10 to 80 common English words, each scored alone, as posting a comment
does), per model and for all of them;
a batch of 1,000 (as `newsroom moderation-report` does) in comments per second; and, as
the peer measured in the same run, alt-profanity-check's own ``predict_prob`` on one
comment. Then the median and p95 server time of the Pending, Reported and Recent queue
pages with 10,000 pending comments, with their query counts. Run it by hand:

    .venv/bin/python benchmarks/moderation.py     # SQLite in a temporary folder
"""

import os
import statistics
import time

from corpus import realistic_comments
from harness import database_prepare, report, section_build  # configures Django first
from memory import rss_mib

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
from newsroom.moderation import toxicity
from newsroom.moderation.models import MODERATORS_GROUP, Report
from newsroom.moderation.newsroom_model import fit

PENDING = 10_000
READERS = 1_000
SCORED = 1_000
TRAINING_ROWS = 5_000
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


def timed(label: str, load) -> object:
    before, start = rss_mib(), time.perf_counter()
    loaded = load()
    seconds = time.perf_counter() - start
    print(f"load {label:<35} {seconds:6.2f} s, {rss_mib() - before:+7.1f} MiB resident")
    return loaded


def per_comment(scorers: dict[str, object], texts: list[str]) -> dict[str, float]:
    """Median time of each scorer on one comment; the scorers take turns on every text,
    so a burst of load on the machine falls on all of them alike."""
    times: dict[str, list[float]] = {label: [] for label in scorers}
    for text in texts:
        for label, score_one in scorers.items():
            start = time.perf_counter()
            score_one(text)
            times[label].append((time.perf_counter() - start) * 1000)
    medians = {}
    for label, measured in times.items():
        ordered = sorted(measured)
        medians[label] = statistics.median(measured)
        p95 = ordered[round(0.95 * len(ordered)) - 1]
        print(f"score one comment: {label:<31} median {medians[label]:6.2f} ms, p95 {p95:6.2f} ms")
    return medians


def bench_scoring() -> None:
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    # The first load includes scikit-learn's import, which alt-profanity-check's files need.
    profanity, lstm = timed("profanity-check + tox-block LSTM", toxicity._shipped_models)
    texts = realistic_comments(lstm.tokenizer.word_index, SCORED)
    # A newsroom model of a realistic size: fitted on 5,000 comments of common English
    # words; the labels are arbitrary, only the model's size matters here.
    training = realistic_comments(lstm.tokenizer.word_index, TRAINING_ROWS, seed=1)
    labels = [i % 2 for i in range(TRAINING_ROWS)]
    fit(training, labels, info={"source": "benchmark"}).save(
        settings.NEWSROOM_MODERATION_MODEL_FILE
    )
    own = timed("newsroom model", toxicity.own_model.current)
    size = settings.NEWSROOM_MODERATION_MODEL_FILE.stat().st_size
    print(f"newsroom model: {len(own.index):,} features, a {size / 1024:,.0f} KiB file")
    print(f"resident memory with every model loaded: {rss_mib():.0f} MiB")
    print()
    from profanity_check import predict_prob

    medians = per_comment(
        {
            "profanity-check": lambda t: profanity.probabilities([t]),
            "tox-block LSTM": lambda t: lstm.logits([t]),
            "newsroom model": lambda t: own.logits([t]),
            "all three, combined": toxicity.score,
            "peer: predict_prob (1 model)": lambda t: predict_prob([t]),
        },
        texts,
    )
    ours, peer = medians["all three, combined"], medians["peer: predict_prob (1 model)"]
    print(f"all three models take {ours / peer:.2f}x the time of profanity-check's own call")
    start = time.perf_counter()
    toxicity.score_many(texts)
    batch = time.perf_counter() - start
    print(
        f"score {SCORED:,} comments in one batch:  {batch * 1000:7.1f} ms, "
        f"{SCORED / batch:,.0f} comments/s"
    )
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print()


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


# The queue's rendering is measured: the moderator has no authenticator app to sign in with.
@override_settings(NEWSROOM_STAFF_TWO_FACTOR=False)
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
    bench_scoring()
    database_prepare()
    # The admin's static files come from the finders: no collectstatic manifest needed.
    storages = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=storages):
        bench_queue(build())


if __name__ == "__main__":
    main()
