"""The `newsroom` command: a thin wrapper over Django management commands.

newsroom demo    migrate, collect static files, load the demo content, serve
newsroom serve   serve the site with granian, publishing scheduled pages every minute
newsroom worker  run queued background tasks (with TASKS_BACKEND=database)
newsroom manage  any Django management command (newsroom manage createsuperuser)
newsroom import-listings FILE [--full]   import a listings feed (--help for the options)
newsroom moderation-report FILE.csv      how the moderation rules treat labelled comments
newsroom moderation-train [FILE.csv]     train the newsroom's own moderation model
"""

import argparse
import os
import subprocess
import sys

SCHEDULE_INTERVAL_SECONDS = 60
# Subcommands that are a management command under a friendlier name; their options are the
# command's own (newsroom import-listings --help).
ALIASES = {
    "import-listings": ("import_listings", "import a listings feed: FILE [--full]"),
    "import-wire": ("import_wire", "import agency copy: --source NAME [--section SLUG] PATH..."),
    "moderation-report": ("moderation_report", "held shares and ROC AUC for FILE.csv"),
    "moderation-train": ("moderation_train", "train the moderation model: [FILE.csv] [--force]"),
    "worker": ("db_worker", "run queued background tasks"),
}


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def serve(host: str, port: int, workers: int) -> int:
    """Run granian, and the task worker when tasks are queued in the database, in child
    processes; this process runs Wagtail's scheduled publishing."""
    from django.conf import settings
    from django.core.management import call_command

    server = subprocess.Popen(
        [
            sys.executable, "-m", "granian", "--interface", "wsgi",
            "--host", host, "--port", str(port), "--workers", str(workers),
            "newsroom.wsgi:application",
        ]
    )  # fmt: skip
    children = [server]
    if settings.TASKS_BACKEND == "database":
        children.append(subprocess.Popen([sys.executable, "-m", "newsroom.cli", "worker"]))
    print(f"Serving the site on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    try:
        while server.poll() is None:
            call_command("publish_scheduled")
            try:
                server.wait(timeout=SCHEDULE_INTERVAL_SECONDS)
            except subprocess.TimeoutExpired:
                continue
    except KeyboardInterrupt:
        return 0
    finally:
        for child in children:
            if child.poll() is None:
                child.terminate()
                child.wait(timeout=10)
    return server.returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsroom", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (
        ("demo", "set up the database, load the demo content and serve the site"),
        ("serve", "serve the site"),
    ):
        command = commands.add_parser(name, help=help_text)
        command.add_argument("--host", default="127.0.0.1")
        command.add_argument("--port", type=int, default=8000)
        command.add_argument("--workers", type=int, default=1)
    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    for alias, (_, help_text) in ALIASES.items():
        commands.add_parser(alias, add_help=False, help=help_text)
    options, extra = parser.parse_known_args(argv)
    if options.command == "demo":
        # The demo's staff passwords are printed for all to see: no second factor there.
        os.environ.setdefault("STAFF_TWO_FACTOR", "false")
    if extra and options.command not in ALIASES:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")

    _setup_django()
    from django.core.management import call_command, execute_from_command_line

    if options.command in ALIASES:
        execute_from_command_line(["newsroom", ALIASES[options.command][0], *extra])
        return 0
    if options.command == "manage":
        execute_from_command_line(["newsroom", *options.args])
        return 0
    if options.command == "demo":
        call_command("migrate", interactive=False, verbosity=1)
        call_command("collectstatic", interactive=False, verbosity=0)
        served = "127.0.0.1" if options.host in ("0.0.0.0", "::") else options.host
        call_command("load_demo", address=f"http://{served}:{options.port}")
    return serve(options.host, options.port, options.workers)


if __name__ == "__main__":
    sys.exit(main())
