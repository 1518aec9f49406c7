from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.core.backup import BackupError, database_backup


class Command(BaseCommand):
    help = "Copy the database to PATH (SQLite's online backup, or pg_dump's custom format)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *, path: Path, **options):
        try:
            database_backup(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up the database to {path}.")
