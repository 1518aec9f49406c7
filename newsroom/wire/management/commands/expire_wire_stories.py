"""manage.py expire_wire_stories [--enqueue]: end the stories past their usage period."""

from django.core.management.base import BaseCommand

from newsroom.wire.services import wire_stories_expire


class Command(BaseCommand):
    help = "Replace the text of wire stories past their source's usage period by a notice."

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue", action="store_true", help="enqueue it on the task backend instead"
        )

    def handle(self, *args, enqueue: bool, **options):
        if enqueue:
            from newsroom.wire.tasks import expire_wire_stories

            result = expire_wire_stories.enqueue()
            self.stdout.write(f"Enqueued the expiry as task {result.id}.")
            return
        self.stdout.write(f"Expired {wire_stories_expire()} wire stories.")
