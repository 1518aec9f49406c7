"""manage.py import_listings FILE [--full]: import a provider's feed (CSV or JSON Lines).

Exits non-zero when the file itself cannot be read (then nothing is applied) or another
import of the provider is running; bad rows are reported on stderr with their line numbers
and skipped.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.listings.feed import FeedFormat
from newsroom.listings.importer import (
    Rejection,
    listing_feed_import,
    listing_feed_import_latest,
    provider_get_or_create,
)
from newsroom.listings.locks import ImportInProgress
from newsroom.listings.models import ImportRun, Provider


class Command(BaseCommand):
    help = (
        "Import a listings feed (CSV or JSON Lines, optionally gzipped). With --full, "
        "listings the file no longer carries are withdrawn. With --latest, import the "
        "newest file in LISTINGS_DROP_DIR, as the daily task does."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="the feed file")
        parser.add_argument(
            "--full",
            action="store_true",
            help="the file lists every listing on the market: withdraw those it leaves out",
        )
        parser.add_argument(
            "--provider",
            default=settings.LISTINGS_PROVIDER,
            help="the provider's slug (default: %(default)s, from LISTINGS_PROVIDER)",
        )
        parser.add_argument(
            "--format",
            choices=[choice.value for choice in FeedFormat],
            help="the file's format, when its name does not end in .csv or .jsonl",
        )
        parser.add_argument(
            "--latest",
            action="store_true",
            help="import the newest file in the drop folder (LISTINGS_DROP_DIR); "
            "full or not as LISTINGS_FEED_IS_FULL says",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="with --latest: enqueue the import on the task backend instead of running it",
        )
        parser.add_argument(
            "--no-progress", action="store_true", help="no progress bar, even on a terminal"
        )

    def handle(self, *args, file: Path | None, latest: bool, enqueue: bool, **options):
        if latest == (file is not None):
            raise CommandError("Give either a FILE or --latest.")
        if enqueue:
            if not latest:
                raise CommandError("--enqueue goes with --latest.")
            from newsroom.listings.tasks import import_latest_listings

            result = import_latest_listings.enqueue()
            self.stdout.write(f"Enqueued the listings import as task {result.id}.")
            return
        provider = provider_get_or_create(slug=options["provider"])
        progress = False if options["no_progress"] else None  # None: only on a terminal
        try:
            run = self.run_import(
                provider,
                file,
                full=options["full"],
                file_format=FeedFormat(options["format"]) if options["format"] else None,
                progress=progress,
            )
        except ImportInProgress as refusal:
            raise CommandError(str(refusal)) from None
        if run is None:
            return
        if run.status == ImportRun.Status.FAILED:
            raise CommandError(f"Import failed: {run.failure}")
        style = self.style.WARNING if run.rejected else self.style.SUCCESS
        self.stdout.write(style(f"Imported {run.file_name}: {run.summary}."))

    def run_import(
        self,
        provider: Provider,
        file: Path | None,
        *,
        full: bool,
        file_format: FeedFormat | None,
        progress: bool | None,
    ) -> ImportRun | None:
        """Import FILE, or with no file (--latest) the newest in the drop folder."""
        if file is None:
            return listing_feed_import_latest(
                drop_dir=settings.LISTINGS_DROP_DIR,
                provider=provider,
                full=settings.LISTINGS_FEED_IS_FULL,
                progress=progress,
                on_reject=self.report_rejection,
                log=self.stdout.write,
            )
        return listing_feed_import(
            path=file,
            provider=provider,
            full=full,
            file_format=file_format,
            progress=progress,
            on_reject=self.report_rejection,
        )

    def report_rejection(self, rejection: Rejection) -> None:
        self.stderr.write(f"rejected {rejection}")
