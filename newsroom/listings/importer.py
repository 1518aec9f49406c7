"""The feed import: an idempotent, per-row atomic upsert keyed by (provider, listing id).

How it stays fast and its memory flat at a million rows: the file is streamed (see
``feed.FeedReader``) in chunks of ``LISTINGS_IMPORT_CHUNK_SIZE`` rows. Each chunk is
validated completely in Python first, then costs one SELECT for the listings it names and
a handful of bulk writes in one transaction. Nothing is kept between chunks but counters.

Which listings a full feed no longer carries is answered in SQL, not with a set of ids:
every listing a run sees gets ``last_seen = <the run's time>``, so afterwards the stale
ones are exactly those still on the market with an older ``last_seen``.

A row that fails validation is reported with its line and reason and skipped. Should the
database still refuse a chunk (a constraint we did not foresee, a concurrent writer), that
chunk is retried row by row, each row in its own savepoint, so one bad row costs only
itself.
"""

import hashlib
import itertools
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import Field, Max
from django.utils import timezone
from tqdm import tqdm

from newsroom.core import page_cache
from newsroom.listings.feed import (
    FeedFormat,
    FeedReader,
    FeedRow,
    FeedUnreadable,
    RawRow,
    RowError,
    parse_row,
    row_id,
    shown,
)
from newsroom.listings.locks import ImportInProgress, provider_import_lock
from newsroom.listings.models import ImportRun, Listing, ListingChange, Provider

logger = logging.getLogger(__name__)

FEED_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".csv.gz", ".jsonl.gz", ".ndjson.gz")


@dataclass(frozen=True, slots=True)
class Rejection:
    line: int
    listing_id: str | None
    reason: str

    def __str__(self) -> str:
        where = f"line {self.line}" + (f" (id {self.listing_id})" if self.listing_id else "")
        return f"{where}: {self.reason}"


type RejectionHandler = Callable[[Rejection], None]


def provider_get_or_create(*, slug: str, name: str = "", website: str = "") -> Provider:
    provider, _ = Provider.objects.get_or_create(
        slug=slug,
        defaults={"name": name or slug.replace("-", " ").title(), "website": website},
    )
    return provider


def listing_feed_import(
    *,
    path: Path,
    provider: Provider,
    full: bool,
    now: datetime | None = None,
    file_format: FeedFormat | None = None,
    progress: bool | None = False,
    on_reject: RejectionHandler | None = None,
) -> ImportRun:
    """Import one feed file for one provider and return the recorded run.

    ``full``: the file lists every listing the provider has on the market, so listings it
    no longer carries are withdrawn. ``now`` is the run's time (first/last seen, last
    changed), for loading dated demo files. ``progress``: True shows a progress bar, None
    shows one only on a terminal. Bad rows are rejected one by one; a file that cannot be
    read to its end fails the run (status FAILED) and applies nothing.

    Raises ImportInProgress, changing nothing, while another import of the provider runs.
    """
    path = Path(path)
    now = now or timezone.now()
    try:
        with provider_import_lock(provider):
            run = _run_start(provider=provider, path=path, full=full, now=now)
            _run_import(run, path, file_format=file_format, progress=progress, on_reject=on_reject)
    except ImportInProgress:
        raise ImportInProgress(_refusal(provider)) from None
    if run.status == ImportRun.Status.SUCCEEDED:
        # The box beside every article shows the run's time and listings: every page is stale.
        page_cache.site_changed()
    return run


def _run_start(*, provider: Provider, path: Path, full: bool, now: datetime) -> ImportRun:
    """Record the run (committed at once, so a killed process leaves it behind), after
    marking abandoned the runs of this provider still "running": we hold the lock, so
    their processes are gone, and the database rolled back whatever they had written."""
    ImportRun.objects.filter(provider=provider, status=ImportRun.Status.RUNNING).update(
        status=ImportRun.Status.ABANDONED,
        failure=(
            "The import stopped before it finished (killed or crashed); nothing it read was "
            f"applied. Noticed when the import of {shown(path.name)} started at {now:%c}."
        ),
    )
    previous = ImportRun.objects.filter(provider=provider).aggregate(latest=Max("started_at"))
    if previous["latest"] is not None and now <= previous["latest"]:
        # "Seen by this run" means last_seen == the run's time: runs must move forward.
        raise ValueError(
            f"an import of {provider} at {now} must follow its last, {previous['latest']}"
        )
    return ImportRun.objects.create(
        provider=provider, file_name=str(path), full=full, started_at=now
    )


def _run_import(
    run: ImportRun,
    path: Path,
    *,
    file_format: FeedFormat | None,
    progress: bool | None,
    on_reject: RejectionHandler | None,
) -> None:
    """Read and apply the whole file in one transaction, then record how it went.

    One transaction is what makes a file that fails half-way apply nothing, and a killed
    import leave nothing behind: the next run then counts against the last completed one.
    Readers see the old catalogue until the commit. On SQLite it also holds the database's
    one write lock for the whole import (see docs/listings.md).
    """
    clock = time.monotonic()
    importer = _ChunkImporter(
        run=run, provider=run.provider, now=run.started_at, on_reject=on_reject
    )
    bar = tqdm(
        desc=path.name,
        unit="B",
        unit_scale=True,
        unit_divisor=1024,
        disable=None if progress is None else not progress,
        leave=True,
        dynamic_ncols=True,
    )
    try:
        with transaction.atomic():
            with FeedReader(path, file_format=file_format, on_bytes=bar.update) as reader:
                bar.reset(total=reader.size)
                for chunk in itertools.batched(reader.rows(), settings.LISTINGS_IMPORT_CHUNK_SIZE):
                    importer.import_chunk(chunk)
                    bar.set_postfix_str(f"{importer.rows_read:,} rows", refresh=False)
                run.file_size, run.sha256 = reader.size, reader.sha256
            if importer.rows_read == 0:
                raise FeedUnreadable(f"{shown(path.name)} holds no listings")
            if run.full and importer.accepted:
                run.withdrawn = _withdraw_unseen(run=run, provider=run.provider, now=run.started_at)
            elif run.full:
                # Every row was refused: a broken export must not empty the catalogue.
                logger.warning("Full feed %s had no valid row; nothing withdrawn", shown(path.name))
            run.status = ImportRun.Status.SUCCEEDED
            _run_finish(run, importer, clock)
    except FeedUnreadable as error:
        logger.warning("Listings import failed: %s", error)
        importer.rolled_back()
        run.status, run.failure = ImportRun.Status.FAILED, str(error)
        _run_finish(run, importer, clock)
    except BaseException as error:
        # A bug, or an interrupted process: record it rather than leave the run "running".
        logger.exception("Listings import of %s stopped", shown(path.name))
        importer.rolled_back()
        run.status = ImportRun.Status.FAILED
        run.failure = (
            f"The import stopped on an unexpected {type(error).__name__}; nothing was applied."
        )
        _run_finish(run, importer, clock)
        raise
    finally:
        bar.close()


def _run_finish(run: ImportRun, importer: "_ChunkImporter", clock: float) -> None:
    importer.copy_counts_to(run)
    run.finished_at = run.started_at + timedelta(seconds=time.monotonic() - clock)
    run.save()


def _refusal(provider: Provider) -> str:
    running = ImportRun.objects.filter(provider=provider, status=ImportRun.Status.RUNNING).first()
    which = ""
    if running is not None:
        started = timezone.localtime(running.started_at)
        which = f" ({shown(Path(running.file_name).name)}, started {started:%c})"
    return (
        f"Another import of {provider.slug} is running{which}; this one was refused and changed "
        "nothing. Run it again when that one has finished."
    )


def listing_feed_import_latest(
    *,
    drop_dir: Path,
    provider: Provider,
    full: bool,
    progress: bool | None = False,
    on_reject: RejectionHandler | None = None,
    log: Callable[[str], None] = logger.info,
) -> ImportRun | None:
    """Import the newest feed file in the drop folder, unless it was imported already.

    The newest file is the one modified last. A file whose exact bytes (SHA-256) already
    made a successful run is not imported again, so "Listings updated" stays truthful on a
    day the provider delivers nothing new.
    """
    newest = newest_feed_file(Path(drop_dir))
    if newest is None:
        log(f"No feed file in {drop_dir}.")
        return None
    digest = _sha256(newest)
    done = (
        ImportRun.objects.succeeded()
        .filter(provider=provider, sha256=digest)
        .order_by("-finished_at")
        .first()
    )
    if done is not None:
        log(f"{newest.name} was already imported on {timezone.localtime(done.finished_at):%c}.")
        return None
    return listing_feed_import(
        path=newest, provider=provider, full=full, progress=progress, on_reject=on_reject
    )


def newest_feed_file(drop_dir: Path) -> Path | None:
    if not drop_dir.is_dir():
        return None
    files = [
        path
        for path in drop_dir.iterdir()
        if path.is_file() and path.name.lower().endswith(FEED_SUFFIXES)
    ]
    return max(files, key=lambda path: (path.stat().st_mtime, path.name), default=None)


def _sha256(path: Path) -> str:
    with path.open("rb") as file:
        return hashlib.file_digest(file, "sha256").hexdigest()


class _ChunkImporter:
    def __init__(self, *, run: ImportRun, provider: Provider, now: datetime, on_reject) -> None:
        self.run = run
        self.provider = provider
        self.now = now
        self.on_reject = on_reject
        self.max_errors = settings.LISTINGS_MAX_REPORTED_ERRORS
        self.rows_read = 0
        self.created = self.updated = self.unchanged = self.rejected = 0
        self.errors: list[dict] = []
        self.this_year = timezone.localdate(now).year
        self.sql = _ListingSQL(connection)
        self.db_now = connection.ops.adapt_datetimefield_value(now)

    @property
    def accepted(self) -> int:
        return self.created + self.updated + self.unchanged

    def rolled_back(self) -> None:
        """Nothing was applied: only the rejected rows stay true of the file."""
        self.created = self.updated = self.unchanged = 0

    def copy_counts_to(self, run: ImportRun) -> None:
        run.created, run.updated, run.unchanged = self.created, self.updated, self.unchanged
        run.rejected, run.errors = self.rejected, self.errors

    def reject(self, line: int, listing_id: str | None, reason: str) -> None:
        self.rejected += 1
        rejection = Rejection(line, listing_id, reason)
        if len(self.errors) < self.max_errors:
            self.errors.append({"line": line, "id": listing_id or "", "reason": reason})
        if self.on_reject:
            self.on_reject(rejection)

    def import_chunk(self, chunk: Iterable[RawRow]) -> None:
        rows: dict[str, tuple[int, FeedRow]] = {}
        refused_ids: list[str] = []  # rejected rows that still name a listing: it is not gone
        for raw in chunk:
            self.rows_read += 1
            if raw.data is None:
                self.reject(raw.line, None, raw.error)
                continue
            try:
                row = parse_row(raw.data, this_year=self.this_year)
            except RowError as error:
                listing_id = row_id(raw.data)
                self.reject(raw.line, listing_id, error.reason)
                if listing_id:
                    refused_ids.append(listing_id)
                continue
            if row.provider_listing_id in rows:
                first = rows[row.provider_listing_id][0]
                reason = f"duplicate id (first on line {first})"
                self.reject(raw.line, row.provider_listing_id, reason)
                continue
            rows[row.provider_listing_id] = (raw.line, row)

        existing = self.existing([*rows, *refused_ids])
        plan = _ChunkPlan()
        for listing_id, (line, row) in rows.items():
            known = existing.get(listing_id)
            if known is None:
                plan.created.append((line, listing_id, self.sql.insert_params(self, row)))
                continue
            pk, last_seen, old_values = known
            if last_seen == self.now:
                self.reject(line, listing_id, "duplicate id (an earlier row of this file has it)")
                continue
            changes = {
                name: [_jsonable(old), _jsonable(new)]
                for name, old, new in zip(
                    Listing.FEED_FIELDS, old_values, row.field_values().values(), strict=True
                )
                if old != new
            }
            if changes:
                change = ListingChange(
                    listing_id=pk, import_run=self.run, changed_at=self.now, changes=changes
                )
                params = self.sql.update_params(self, row, pk)
                plan.updated.append((line, listing_id, params, change))
            else:
                plan.unchanged.append((line, listing_id, pk))
        for listing_id in refused_ids:
            known = existing.get(listing_id)
            if known is not None and known[1] != self.now:
                plan.kept.append(known[0])

        try:
            with transaction.atomic():
                self.write(plan)
        except DatabaseError as error:
            logger.warning("A chunk was refused (%s); importing its rows one by one", error)
            self.write_row_by_row(plan)
        else:
            self.created += len(plan.created)
            self.updated += len(plan.updated)
            self.unchanged += len(plan.unchanged)

    def existing(self, listing_ids: list[str]) -> dict[str, tuple[int, datetime, tuple]]:
        """The chunk's known listings as plain tuples: one SELECT, no model instances."""
        found = (
            Listing.objects.filter(provider=self.provider, provider_listing_id__in=listing_ids)
            .order_by()
            .values_list("provider_listing_id", "pk", "last_seen", *Listing.FEED_FIELDS)
        )
        return {ref: (pk, last_seen, tuple(values)) for ref, pk, last_seen, *values in found}

    def write(self, plan: "_ChunkPlan") -> None:
        with connection.cursor() as cursor:
            if plan.created:
                cursor.executemany(self.sql.insert, [params for _, _, params in plan.created])
            if plan.updated:
                cursor.executemany(self.sql.update, [params for _, _, params, _ in plan.updated])
        if plan.updated:
            ListingChange.objects.bulk_create([change for *_, change in plan.updated])
        seen = [pk for _, _, pk in plan.unchanged] + plan.kept
        if seen:
            Listing.objects.filter(pk__in=seen).update(last_seen=self.now)

    def write_row_by_row(self, plan: "_ChunkPlan") -> None:
        """After the database refused a chunk: each row in its own savepoint."""
        steps: list[tuple[int, str, str, list[tuple[str, list]], ListingChange | None]]
        steps = [(line, ref, "created", [(self.sql.insert, params)], None)
                 for line, ref, params in plan.created]  # fmt: skip
        steps += [(line, ref, "updated", [(self.sql.update, params)], change)
                  for line, ref, params, change in plan.updated]  # fmt: skip
        refused: list[str] = []
        for line, ref, outcome, statements, change in steps:
            try:
                with transaction.atomic(), connection.cursor() as cursor:
                    for sql, params in statements:
                        cursor.execute(sql, params)
                    if change is not None:
                        change.pk, change._state.adding = None, True
                        change.save()
            except DatabaseError as error:
                self.reject(line, ref, f"the database refused it: {error}")
                refused.append(ref)
            else:
                setattr(self, outcome, getattr(self, outcome) + 1)
        seen = [pk for _, _, pk in plan.unchanged] + plan.kept
        Listing.objects.filter(pk__in=seen).update(last_seen=self.now)
        # A refused row still names a listing of the feed: if it exists, it is not gone.
        Listing.objects.filter(provider=self.provider, provider_listing_id__in=refused).update(
            last_seen=self.now
        )
        self.unchanged += len(plan.unchanged)


class _ListingSQL:
    """INSERT and UPDATE statements for listings, run with executemany.

    Why not bulk_create/bulk_update: with 23 columns Django spends about 200 µs a row
    compiling and adapting values (measured: 12 s of 13 s for 50,000 rows, the database
    itself 1.3 s). Here the values are adapted once per column type: str, int, Decimal and
    None go to the driver as they are (Django adapts them as themselves too), the run's
    timestamp is adapted once, and only the JSON photos go through their field.
    """

    def __init__(self, connection) -> None:
        qn = connection.ops.quote_name
        meta = Listing._meta
        self.photos_field = meta.get_field("photos")
        self.photos_index = Listing.FEED_FIELDS.index("photos")
        self.connection = connection
        table = qn(meta.db_table)
        feed_columns = [_column(name) for name in Listing.FEED_FIELDS]
        columns = [
            _column("provider"),
            _column("provider_listing_id"),
            *feed_columns,
            "first_seen",
            "last_seen",
            "last_changed",
            "shuffle_key",
        ]
        self.insert = (
            f"INSERT INTO {table} ({', '.join(map(qn, columns))}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        assignments = ", ".join(
            f"{qn(c)} = %s" for c in [*feed_columns, "last_seen", "last_changed"]
        )
        self.update = f"UPDATE {table} SET {assignments} WHERE {qn(meta.pk.column)} = %s"

    def _feed_values(self, row: FeedRow) -> list:
        values = list(row.field_values().values())
        photos = values[self.photos_index]
        values[self.photos_index] = self.photos_field.get_db_prep_save(photos, self.connection)
        return values

    def insert_params(self, importer: "_ChunkImporter", row: FeedRow) -> list:
        provider = importer.provider
        return [
            provider.pk,
            row.provider_listing_id,
            *self._feed_values(row),
            importer.db_now,
            importer.db_now,
            importer.db_now,
            Listing.shuffle_key_for(provider.pk, row.provider_listing_id),
        ]

    def update_params(self, importer: "_ChunkImporter", row: FeedRow, pk: int) -> list:
        return [*self._feed_values(row), importer.db_now, importer.db_now, pk]


def _column(name: str) -> str:
    field = Listing._meta.get_field(name)
    assert isinstance(field, Field) and field.column  # a concrete field, not a relation
    return field.column


@dataclass
class _ChunkPlan:
    """What one chunk will write, each with the line it came from and its listing id."""

    created: list[tuple[int, str, list]] = field(default_factory=list)
    updated: list[tuple[int, str, list, ListingChange]] = field(default_factory=list)
    unchanged: list[tuple[int, str, int]] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)  # pks of rejected rows' known listings


def _withdraw_unseen(*, run: ImportRun, provider: Provider, now: datetime) -> int:
    """Withdraw the provider's listings still on the market that this run did not see.

    Walks the stale listings in primary-key order, a chunk at a time, each chunk in one
    transaction with its change records; never loads them all at once.
    """
    stale = Listing.objects.filter(
        provider=provider, status__in=Listing.ON_MARKET, last_seen__lt=now
    ).order_by("pk")
    withdrawn, after = 0, 0
    size = settings.LISTINGS_IMPORT_CHUNK_SIZE
    while batch := list(stale.filter(pk__gt=after).values_list("pk", "status")[:size]):
        with transaction.atomic():
            Listing.objects.filter(pk__in=[pk for pk, _ in batch]).update(
                status=Listing.Status.WITHDRAWN, last_changed=now
            )
            ListingChange.objects.bulk_create(
                ListingChange(
                    listing_id=pk,
                    import_run=run,
                    changed_at=now,
                    changes={"status": [status, Listing.Status.WITHDRAWN.value]},
                )
                for pk, status in batch
            )
        withdrawn += len(batch)
        after = batch[-1][0]
    return withdrawn


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    return value
