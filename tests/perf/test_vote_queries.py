"""A vote is cheap: a handful of queries per request, whatever the stream around it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

# Session, reader; restricted pages (Wagtail's public()) and the comment with its visible
# article; the comment's row lock; verified email and sanction (the posting rule); the
# reader's previous vote; the vote written; the counters. (It was 18 with update_or_create
# and a reload.) Savepoints, the service's transaction inside the test's, are not counted.
VOTE_QUERIES = 10


@pytest.fixture
def comment(home):
    return CommentFactory(article=ArticlePageFactory())


def queries_of(call) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code == 200, response.content
    return [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]


@pytest.mark.parametrize("value", ["up", "down"])
def test_a_vote_takes_a_handful_of_queries(client, comment, value):
    client.force_login(UserFactory())

    queries = queries_of(
        lambda: client.post(
            f"/discussion/comments/{comment.pk}/vote/", {"value": value}, HTTP_HX_REQUEST="true"
        )
    )

    assert len(queries) == VOTE_QUERIES, "\n".join(queries)


def test_changing_a_vote_takes_as_many(client, comment):
    client.force_login(UserFactory())
    url = f"/discussion/comments/{comment.pk}/vote/"
    client.post(url, {"value": "up"}, HTTP_HX_REQUEST="true")

    for value in ("down", "clear"):
        queries = queries_of(lambda v=value: client.post(url, {"value": v}, HTTP_HX_REQUEST="true"))
        assert len(queries) == VOTE_QUERIES, "\n".join(queries)
