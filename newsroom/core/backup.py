"""Copies of the database that can be restored (`newsroom backup PATH`, `newsroom restore PATH`).

SQLite is copied with its online backup API: a consistent snapshot while the site
keeps serving, and restored the same way, page by page under SQLite's own lock.
PostgreSQL goes through ``pg_dump`` in its custom format and ``pg_restore`` in one
transaction, so a restore that fails changes nothing. Uploaded media
(``MEDIA_ROOT``) are files: copy them alongside.
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections

from newsroom.core import page_cache

SQLITE_HEADER = b"SQLite format 3\x00"
PG_DUMP_HEADER = b"PGDMP"


class BackupError(Exception):
    """The backup or restore could not be done; the message says why."""


def _vendor(using: str) -> str:
    return connections[using].vendor


def _pg_command(name: str, using: str) -> tuple[list[str], dict[str, str]]:
    program = shutil.which(name)
    if program is None:
        raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")
    params = connections[using].get_connection_params()
    args = [program, "--no-owner", "--no-privileges", "--dbname", params["dbname"]]
    for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            args += [flag, str(params[key])]
    env = {**os.environ}
    if params.get("password"):
        env["PGPASSWORD"] = params["password"]
    return args, env


def _run(args: list[str], env: dict[str, str]) -> None:
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(f"{Path(args[0]).name} failed: {result.stderr.strip()}")


def database_backup(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> None:
    """Write a consistent copy of the database to ``path`` (replaced if it exists)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.unlink(missing_ok=True)
    if _vendor(using) == "sqlite":
        connection = connections[using]
        connection.ensure_connection()
        with sqlite3.connect(partial) as target:
            connection.connection.backup(target)
        target.close()
    elif _vendor(using) == "postgresql":
        args, env = _pg_command("pg_dump", using)
        _run([*args, "--format", "custom", "--file", str(partial)], env)
    else:
        raise BackupError(f"Backups of {_vendor(using)} databases are not supported.")
    # Only a complete copy takes the name.
    partial.replace(path)


def database_restore(*, path: Path, using: str = DEFAULT_DB_ALIAS) -> None:
    """Replace the database's content with the backup at ``path``, all or nothing, and retire
    every stored page."""
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    with path.open("rb") as backup:
        header = backup.read(len(SQLITE_HEADER))
    vendor = _vendor(using)
    if vendor == "sqlite":
        if header != SQLITE_HEADER:
            raise BackupError(f"{path} is not a SQLite backup.")
        connection = connections[using]
        connection.ensure_connection()
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source:
            source.backup(connection.connection)
        source.close()
    elif vendor == "postgresql":
        if not header.startswith(PG_DUMP_HEADER):
            raise BackupError(f"{path} is not a pg_dump backup in the custom format.")
        # Our own idle connections would not block pg_restore, but an open transaction would.
        connections[using].close()
        args, env = _pg_command("pg_restore", using)
        _run([*args, "--clean", "--if-exists", "--single-transaction", str(path)], env)
    else:
        raise BackupError(f"Restoring {vendor} databases is not supported.")
    # What the cache keeps (stored pages, the kept site and sections) showed the content just
    # replaced; comments' fragments are keyed by what they show and need nothing.
    page_cache.site_changed()
