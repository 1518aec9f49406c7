import threading

import pytest
from django.db import connection, connections

from newsroom.discussion.models import Comment, Vote
from newsroom.discussion.services import comment_create, vote_cast
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

READERS = 32

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs real concurrent connections (PostgreSQL)"
    ),
]


def run_at_once(jobs) -> list[BaseException]:
    """Start every job in its own thread and database connection at the same moment."""
    barrier = threading.Barrier(len(jobs))
    errors: list[BaseException] = []

    def run(job):
        try:
            barrier.wait()
            job()
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_32_readers_voting_at_once_keep_the_counters_equal_to_the_votes(home):
    comment = CommentFactory(article=ArticlePageFactory())
    readers = UserFactory.create_batch(READERS)

    errors = run_at_once(
        [
            lambda reader=reader, i=i: vote_cast(
                comment=comment, voter=reader, value=1 if i % 4 else -1
            )
            for i, reader in enumerate(readers)
        ]
    )

    assert errors == []
    comment.refresh_from_db()
    assert comment.upvotes == Vote.objects.filter(comment=comment, value=1).count() == 24
    assert comment.downvotes == Vote.objects.filter(comment=comment, value=-1).count() == 8


def test_readers_changing_votes_at_once_stay_consistent(home):
    comment = CommentFactory(article=ArticlePageFactory())
    readers = UserFactory.create_batch(READERS)
    for reader in readers:
        vote_cast(comment=comment, voter=reader, value=1)

    # Each reader flips, withdraws or repeats their vote, all at the same moment.
    values = [-1, 0, 1, -1]
    errors = run_at_once(
        [
            lambda reader=reader, i=i: vote_cast(comment=comment, voter=reader, value=values[i % 4])
            for i, reader in enumerate(readers)
        ]
    )

    assert errors == []
    fresh = Comment.objects.get(pk=comment.pk)
    assert fresh.upvotes == Vote.objects.filter(comment=comment, value=1).count() == 8
    assert fresh.downvotes == Vote.objects.filter(comment=comment, value=-1).count() == 16


def test_one_reader_voting_on_a_comment_many_times_at_once_counts_one_vote(home):
    """A double-click, or a reader with two tabs: each vote reads the old vote only once it
    holds the lock, so it sees the one committed while it waited."""
    comment = CommentFactory(article=ArticlePageFactory())
    reader = UserFactory()
    values = [1, -1, 0, 1, 1, -1, 0, -1]

    errors = run_at_once(
        [
            lambda value=value: vote_cast(comment=comment, voter=reader, value=value)
            for value in values
        ]
    )

    assert errors == []
    fresh = Comment.objects.get(pk=comment.pk)
    assert fresh.upvotes == Vote.objects.filter(comment=comment, value=1).count()
    assert fresh.downvotes == Vote.objects.filter(comment=comment, value=-1).count()
    assert fresh.upvotes + fresh.downvotes <= 1


def test_one_form_posted_eight_times_at_once_stores_one_comment(home):
    article = ArticlePageFactory()
    author = UserFactory()
    post = lambda: comment_create(  # noqa: E731
        article=article, author=author, body="Only once.", submission_key="c" * 32
    )

    errors = run_at_once([post] * 8)

    assert errors == []
    assert Comment.objects.filter(body="Only once.").count() == 1
