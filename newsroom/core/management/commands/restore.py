from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from newsroom.core.backup import BackupError, database_restore


class Command(BaseCommand):
    help = "Replace the database's content with the backup at PATH (made by `newsroom backup`)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *, path: Path, **options):
        try:
            database_restore(path=path)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the database from {path}.")
