"""`newsroom backup` and `newsroom restore`: a backup restored into a fresh database holds
the same articles, comments, votes and listings."""

import io
import os
import subprocess
import sys

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from newsroom.articles.models import ArticlePage
from newsroom.core import page_cache
from newsroom.core.cache import ResilientRedisCache
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory, VoteFactory
from tests.listings.factories import ListingFactory

CONTENT = [
    "wagtailcore.page",
    "articles.articlepage",
    "discussion.comment",
    "discussion.vote",
    "listings.listing",
]


@pytest.fixture
def fresh_database_url(tmp_path):
    """The address of a second, empty database of the same engine."""
    if connection.vendor != "postgresql":
        yield f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
        return
    params = connection.get_connection_params()
    name = f"{params['dbname']}_fresh"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    password = f":{params['password']}" if params.get("password") else ""
    yield f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def newsroom(*args: str, database_url: str, **env: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "newsroom.cli", *args],
        env={**os.environ, "DATABASE_URL": database_url, **env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


# The backup must see committed rows; serialized_rollback restores them for the next tests.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_restored_backup_holds_the_same_articles_comments_votes_and_listings(
    home, tmp_path, fresh_database_url, redis_server
):
    article = ArticlePageFactory(title="Ministers meet in Tokyo")
    comment = CommentFactory(article=article, body="A first reply.", upvotes=1)
    VoteFactory(comment=comment, voter=UserFactory(), value=1)
    ListingFactory(title="Eight-unit building in Sendai", price_yen=58_000_000)
    before = io.StringIO()
    call_command("dumpdata", *CONTENT, indent=1, stdout=before)
    backup = tmp_path / "newsroom.backup"

    call_command("backup", str(backup))
    shared = ResilientRedisCache(redis_server.url, {})  # the cache the site's processes share
    shared.set(page_cache.version_key(page_cache.SITE), "before the restore", timeout=None)
    newsroom("restore", str(backup), database_url=fresh_database_url, REDIS_URL=redis_server.url)
    after = newsroom("manage", "dumpdata", *CONTENT, "--indent=1", database_url=fresh_database_url)

    assert "Ministers meet in Tokyo" in after
    assert "Eight-unit building in Sendai" in after
    assert after.strip() == before.getvalue().strip()
    # Every page stored from the content it replaced is retired.
    assert shared.get(page_cache.version_key(page_cache.SITE)) != "before the restore"


@pytest.mark.django_db
def test_restoring_something_that_is_not_a_backup_changes_nothing(home, tmp_path):
    ArticlePageFactory(title="Still here")
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database")

    with pytest.raises(CommandError, match="is not a"):
        call_command("restore", str(junk))
    with pytest.raises(CommandError, match="is not a file"):
        call_command("restore", str(tmp_path / "missing"))

    assert ArticlePage.objects.filter(title="Still here").exists()
