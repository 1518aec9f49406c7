"""One import per provider at a time, and what a killed import leaves (issue 9).

The concurrent tests need real concurrent connections: PostgreSQL. The lock itself and the
"abandoned" bookkeeping are tested on every database.
"""

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import connection, connections

from newsroom.listings.importer import _ChunkImporter, listing_feed_import
from newsroom.listings.locks import ImportInProgress, provider_import_lock
from newsroom.listings.models import ImportRun, Listing
from tests.listings.factories import ListingFactory
from tests.listings.feeds import feed_row, write_csv

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real concurrent connections (PostgreSQL)"
)


def run_import(path, provider, when=None, *, full=True, **kwargs) -> ImportRun:
    return listing_feed_import(path=path, provider=provider, full=full, now=when, **kwargs)


def feed(count: int, **fields) -> list[dict]:
    return [feed_row(f"SED-{n:05d}", **fields) for n in range(count)]


@pytest.mark.django_db
def test_the_provider_lock_refuses_a_second_holder_until_the_first_lets_go(provider):
    def take_it_elsewhere() -> str:  # another thread: its own database connection
        outcome = []

        def attempt():
            try:
                with provider_import_lock(provider):
                    outcome.append("held")
            except ImportInProgress:
                outcome.append("refused")
            finally:
                connections.close_all()

        thread = threading.Thread(target=attempt)
        thread.start()
        thread.join()
        return outcome[0]

    with provider_import_lock(provider):
        assert take_it_elsewhere() == "refused"

    assert take_it_elsewhere() == "held"


@pytest.mark.django_db
def test_a_run_left_running_is_marked_abandoned_when_the_next_one_starts(tmp_path, provider, days):
    dead = ImportRun.objects.create(
        provider=provider, file_name="killed.csv", full=True, started_at=days[0]
    )

    run = run_import(write_csv(tmp_path / "feed.csv", feed(3)), provider, days[1])

    dead.refresh_from_db()
    assert dead.status == ImportRun.Status.ABANDONED
    assert dead.failure.startswith("The import stopped before it finished (killed or crashed)")
    assert run.status == ImportRun.Status.SUCCEEDED


@pytest.mark.django_db
def test_a_refused_row_of_a_known_listing_keeps_it_on_the_market(
    tmp_path, provider, days, monkeypatch
):
    # Another writer's row makes the database refuse ours: the listing is in the feed all
    # the same, so the full feed must not withdraw it.
    taken = ListingFactory(provider=provider, provider_listing_id="TAKEN", last_seen=days[0])
    monkeypatch.setattr(_ChunkImporter, "existing", lambda self, listing_ids: {})

    run = run_import(
        write_csv(tmp_path / "feed.csv", [feed_row("A"), feed_row("TAKEN")]), provider, days[1]
    )

    taken.refresh_from_db()
    assert (run.rejected, run.withdrawn) == (1, 0)
    assert (taken.status, taken.last_seen) == (Listing.Status.ACTIVE, days[1])


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_second_import_while_one_runs_is_refused_and_changes_nothing(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "day-0.csv", feed(300)), provider, days[0])
    path = write_csv(tmp_path / "feed.csv", [feed_row("", title="bad"), *feed(300)])
    inside, release = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first_import():
        def hold(rejection):  # the first import is under way, holding the lock
            inside.set()
            release.wait(timeout=60)

        try:
            outcome["run"] = run_import(path, provider, days[1], on_reject=hold)
        finally:
            connections.close_all()

    thread = threading.Thread(target=first_import)
    thread.start()
    try:
        assert inside.wait(timeout=60)
        with pytest.raises(ImportInProgress) as refusal:
            run_import(path, provider, days[2])
    finally:
        release.set()
        thread.join()

    assert str(refusal.value).startswith(
        "Another import of sakura-estate is running (feed.csv, started "
    )
    assert str(refusal.value).endswith("this one was refused and changed nothing. "
                                       "Run it again when that one has finished.")  # fmt: skip
    first = outcome["run"]
    assert (first.status, first.unchanged, first.withdrawn) == ("succeeded", 300, 0)
    assert ImportRun.objects.count() == 2  # the refused import left no run behind
    assert set(Listing.objects.values_list("status", flat=True)) == {Listing.Status.ACTIVE}


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_full_imports_at_once_never_withdraw_a_listing_of_the_feed(
    tmp_path, provider, settings
):
    settings.LISTINGS_IMPORT_CHUNK_SIZE = 50
    path = write_csv(tmp_path / "feed.csv", feed(1000))
    run_import(path, provider)
    barrier = threading.Barrier(2)
    outcomes: list[object] = []

    def import_at_once():
        try:
            barrier.wait()
            outcomes.append(run_import(path, provider))
        except ImportInProgress as refusal:
            outcomes.append(refusal)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=import_at_once) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    runs = [outcome for outcome in outcomes if isinstance(outcome, ImportRun)]
    assert len(outcomes) == 2 and runs  # each either imported or was refused
    assert [(run.unchanged, run.withdrawn, run.rejected) for run in runs] == [(1000, 0, 0)] * len(
        runs
    )
    assert Listing.objects.filter(status=Listing.Status.ACTIVE).count() == 1000


def _database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def _other_backend_holds(query: str) -> bool:
    with connection.cursor() as cursor:
        cursor.execute(query)
        return cursor.fetchone()[0] > 0


def _wait_for(
    condition, *, what: str, process: subprocess.Popen | None = None, timeout: float = 120
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if process is not None and process.poll() is not None:
            log = process.stderr.read().decode() if process.stderr else ""
            raise AssertionError(f"the import exited ({process.returncode}) before {what}: {log}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.05)


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_killed_import_is_abandoned_and_the_next_run_counts_against_the_last_completed(
    tmp_path, provider, days
):
    run_import(write_csv(tmp_path / "day-0.csv", feed(100)), provider, days[0])
    # The next day's file: 50 listings repriced, 2,900 new. It reaches the import through a
    # pipe, so the import is certainly mid-file, with chunks written, when it is killed.
    rows = [*feed(50, price_yen=57_000_000), *feed(3000)[50:]]
    complete = write_csv(tmp_path / "day-1.csv", rows)
    pipe = tmp_path / "pipe.csv"
    os.mkfifo(pipe)
    importing = subprocess.Popen(
        [sys.executable, "manage.py", "import_listings", str(pipe), "--full", "--no-progress"],
        cwd=django_settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": _database_url(), "NEWSROOM_VAR_DIR": str(tmp_path)},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,  # read only if it exits early: says why
    )
    try:
        writer = None

        def reader_opened() -> bool:
            nonlocal writer
            try:
                writer = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
            except OSError:
                return False
            return True

        _wait_for(reader_opened, process=importing, what="it opened the file")
        os.set_blocking(writer, True)
        lines = complete.read_bytes().splitlines(keepends=True)
        os.write(writer, b"".join(lines[:2500]))  # the header and 2,499 rows: two chunks
        listings = Listing._meta.db_table
        _wait_for(
            lambda: _other_backend_holds(
                "SELECT count(*) FROM pg_locks JOIN pg_class ON pg_class.oid = pg_locks.relation "
                f"WHERE relname = '{listings}' AND mode = 'RowExclusiveLock' "
                "AND pid <> pg_backend_pid()"
            ),
            process=importing,
            what="it wrote listings",
        )
        importing.send_signal(signal.SIGKILL)
        importing.wait(timeout=30)
        os.close(writer)
    finally:
        if importing.poll() is None:
            importing.kill()
    # The server notices the dead client and rolls its transaction back, locks and all.
    _wait_for(
        lambda: (
            not _other_backend_holds(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND pid <> pg_backend_pid() "
                "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )
        ),
        what="the database released the dead import's lock",
    )
    killed = ImportRun.objects.get(file_name=str(pipe))
    assert killed.status == ImportRun.Status.RUNNING  # what a killed process leaves

    run = run_import(complete, provider, killed.started_at + timedelta(seconds=1))

    killed.refresh_from_db()
    assert killed.status == ImportRun.Status.ABANDONED
    assert (run.status, run.created, run.updated, run.unchanged, run.withdrawn) == (
        "succeeded",
        2900,
        50,
        50,
        0,
    )
    assert Listing.objects.count() == 3000
