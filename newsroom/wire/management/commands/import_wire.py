"""manage.py import_wire --source NAME [--section SLUG] PATH...: take in agency copy.

With --drop-folders instead, import the new files of every source's drop folder, as the
periodic task does. Rejected items are reported on stderr with their file and reason; the
command fails only when nothing could be imported at all (no such source, a run of the
source already going).
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from newsroom.wire.drop_folders import wire_drop_folders_import
from newsroom.wire.parsers import ITEM_SUFFIXES
from newsroom.wire.services import (
    ImportAlreadyRunning,
    Rejection,
    source_for_import,
    wire_files_import,
)


class Command(BaseCommand):
    help = (
        "Import wire files (IPTC ninjs 1.x/2.x JSON or JSON Lines, RSS, Atom) for a source, "
        "or with --drop-folders the new files in every source's folder under WIRE_DROP_DIR."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", type=Path, help="files, or folders of files")
        parser.add_argument("--source", help="the source's name (as under Sources and rights)")
        parser.add_argument(
            "--section",
            help="the slug of the section a new or unmapped source's stories go to",
        )
        parser.add_argument(
            "--drop-folders",
            action="store_true",
            help="import the new files of every source's drop folder (WIRE_DROP_DIR)",
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="with --drop-folders: enqueue the import on the task backend instead",
        )

    def handle(self, *args, paths, source, section, drop_folders, enqueue, **options):
        if drop_folders:
            if paths or source or section:
                raise CommandError("--drop-folders takes no paths, --source or --section.")
            self.import_drop_folders(enqueue=enqueue)
            return
        if enqueue:
            raise CommandError("--enqueue goes with --drop-folders.")
        if not source or not paths:
            raise CommandError("Give --source NAME and at least one PATH, or --drop-folders.")
        try:
            wire_source, wire_section = source_for_import(name=source, section_slug=section)
        except ValueError as error:
            raise CommandError(str(error)) from None
        files = self.expand(paths)
        try:
            run = wire_files_import(
                source=wire_source,
                section=wire_section,
                paths=files,
                trigger="command",
                on_reject=self.report_rejection,
            )
        except ImportAlreadyRunning as error:
            raise CommandError(str(error)) from None
        style = self.style.WARNING if run.rejected else self.style.SUCCESS
        self.stdout.write(style(f"Imported {len(files)} file(s) for {wire_source}: {run.summary}."))

    def import_drop_folders(self, *, enqueue: bool) -> None:
        if enqueue:
            from newsroom.wire.tasks import import_wire_drop_folders

            result = import_wire_drop_folders.enqueue()
            self.stdout.write(f"Enqueued the drop-folder import as task {result.id}.")
            return
        runs = wire_drop_folders_import(
            drop_dir=settings.WIRE_DROP_DIR, on_reject=self.report_rejection, log=self.stdout.write
        )
        for run in runs:
            self.stdout.write(f"{run.source}: {run.summary}.")

    @staticmethod
    def expand(paths: list[Path]) -> list[Path]:
        files = []
        for path in paths:
            if path.is_dir():
                files += sorted(
                    p for p in path.iterdir() if p.is_file() and p.suffix.lower() in ITEM_SUFFIXES
                )
            elif path.exists():
                files.append(path)
            else:
                raise CommandError(f"No such file or folder: {path}")
        return files

    def report_rejection(self, rejection: Rejection) -> None:
        self.stderr.write(f"rejected {rejection}")
