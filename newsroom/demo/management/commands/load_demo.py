from django.core.management.base import BaseCommand

from newsroom.demo.loader import DEMO_ACCOUNTS, demo_load


class Command(BaseCommand):
    help = "Load the original demo content and demo staff accounts (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--address",
            default="http://localhost",
            help="where the demo is served, e.g. http://127.0.0.1:8000: the Site's address, "
            "which every absolute link uses unless SITE_URL is set",
        )

    def handle(self, *args, **options):
        self.stdout.write("Loading demo content ...")
        demo_load(log=self.stdout.write, address=options["address"])
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
        self.stdout.write("Demo accounts (Wagtail admin at /admin/):")
        for account in DEMO_ACCOUNTS:
            self.stdout.write(
                f"  {account.group[:-1].lower():<10} username {account.username!r}, "
                f"email {account.email}, password {account.password!r}"
            )
