"""One import per provider at a time, on PostgreSQL and on SQLite.

PostgreSQL: a session-level advisory lock keyed by the provider. SQLite: an exclusive
``flock`` on a lock file beside the other state in ``VAR_DIR`` (SQLite has no row or
advisory locks, and its database lives on this machine anyway). Either way the lock belongs
to the connection or the open file: when an import process dies, even by kill -9, the
database server or the kernel releases it, so a dead import never blocks the next one.
"""

import fcntl
import hashlib
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.db import connection

from newsroom.listings.models import Provider

# The first of PostgreSQL's two advisory-lock keys: "this is a listings import".
_ADVISORY_CLASS = zlib.crc32(b"newsroom.listings.import") & 0x7FFFFFFF


class ImportInProgress(Exception):
    """Another import of the same provider holds the lock: this one was refused."""


@contextmanager
def provider_import_lock(provider: Provider) -> Iterator[None]:
    """Hold the provider's import lock for the block; raise ImportInProgress if it is taken."""
    if connection.vendor == "postgresql":
        with _advisory_lock(provider.pk):
            yield
    else:
        with _file_lock(_lock_path(provider.pk)):
            yield


@contextmanager
def _advisory_lock(key: int) -> Iterator[None]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [_ADVISORY_CLASS, key])
        if not cursor.fetchone()[0]:
            raise ImportInProgress
    try:
        yield
    finally:
        if connection.is_usable():  # a lost connection has released it already
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [_ADVISORY_CLASS, key])


def _lock_path(key: int) -> Path:
    database = hashlib.sha256(str(connection.settings_dict["NAME"]).encode()).hexdigest()[:16]
    return Path(settings.VAR_DIR) / "locks" / f"listings-import-{database}-{key}.lock"


@contextmanager
def _file_lock(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as file:  # never deleted: removing a lock file races its next user
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportInProgress from None
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)
