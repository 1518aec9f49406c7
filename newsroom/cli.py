"""The `newsroom` command: a thin wrapper over Django management commands.

newsroom demo    migrate, collect static files, load the demo content, serve
newsroom serve   serve the site with granian, publishing scheduled pages every minute
newsroom worker  run queued background tasks (with TASKS_BACKEND=database)
newsroom manage  any Django management command (newsroom manage createsuperuser)
newsroom import-listings FILE [--full]   import a listings feed (--help for the options)
newsroom moderation-report FILE.csv      how the moderation rules treat labelled comments
newsroom moderation-train [FILE.csv]     train the newsroom's own moderation model
newsroom backup PATH / restore PATH      copy the database out, or back in (docs/operations.md)
"""

import argparse
import errno
import logging
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time

# How often serve publishes scheduled pages and requeues abandoned tasks.
SCHEDULE_INTERVAL_SECONDS = float(os.environ.get("SCHEDULE_INTERVAL_SECONDS", "60"))
CHILD_STOP_SECONDS = 10
# Subcommands that are a management command under a friendlier name; their options are the
# command's own (newsroom import-listings --help).
ALIASES = {
    "import-listings": ("import_listings", "import a listings feed: FILE [--full]"),
    "import-wire": ("import_wire", "import agency copy: --source NAME [--section SLUG] PATH..."),
    "moderation-report": ("moderation_report", "held shares and ROC AUC for FILE.csv"),
    "moderation-train": ("moderation_train", "train the moderation model: [FILE.csv] [--force]"),
    "worker": ("db_worker", "run queued background tasks"),
    "backup": ("backup", "copy the database to PATH"),
    "restore": ("restore", "replace the database with the backup at PATH"),
}

logger = logging.getLogger("newsroom.serve")


def _setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
    import django

    django.setup()


def _without_connection_pool() -> None:
    """Serve's own process (the scheduler) and the task worker do one thing at a time: they
    take a plain connection when they need one, not a pool that would keep connections open
    between ticks and could open a second one while it fills (settings.py counts on one)."""
    from django.conf import settings

    settings.DATABASES["default"].get("OPTIONS", {}).pop("pool", None)


def _port_is_free(host: str, port: int) -> bool:
    """Nothing listens on the port: granian shares a port it can reuse, so look first."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as probe:
        # Connections of a server just stopped (TIME_WAIT) do not make the port busy.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                return False
            raise
    return True


class Supervisor:
    """`newsroom serve`: granian and the task worker as child processes, and the scheduler.

    Every minute this process publishes scheduled pages and requeues abandoned tasks; a tick
    that fails (the database restarting, say) is logged, its connections are dropped, and the
    next tick starts afresh. A worker that dies is restarted, its tasks queued again; if
    granian dies, serve stops with its exit status. SIGTERM and SIGINT stop the children,
    then serve.
    """

    def __init__(self, *, host: str, port: int, workers: int, threads: int) -> None:
        self.server_command = [
            sys.executable, "-m", "granian", "--interface", "wsgi",
            "--host", host, "--port", str(port),
            "--workers", str(workers), "--blocking-threads", str(threads),
            "--respawn-failed-workers",
            "newsroom.wsgi:application",
        ]  # fmt: skip
        self.stopping = threading.Event()
        self.server: subprocess.Popen | None = None
        self.worker: subprocess.Popen | None = None
        self.worker_id = ""
        self.worker_starts = 0

    def _stop(self, signum: int, frame: object) -> None:
        logger.warning("Received %s: stopping.", signal.strsignal(signum))
        self.stopping.set()

    def _start_worker(self) -> None:
        self.worker_starts += 1
        self.worker_id = f"serve-{os.getpid()}-{self.worker_starts}"
        self.worker = subprocess.Popen(
            [sys.executable, "-m", "newsroom.cli", "worker", "--worker-id", self.worker_id]
        )

    def _tick(self) -> None:
        from django.core.management import call_command
        from django.db import connections

        from newsroom.core.task_leases import tasks_requeue_abandoned

        try:
            call_command("publish_scheduled")
            if self.worker is not None:
                tasks_requeue_abandoned()
        except Exception:
            logger.exception("Scheduled work failed; trying again in a minute.")
        finally:
            # A fresh connection for the next tick: this one may be dead (a database restart).
            connections.close_all()

    def _watch_worker(self) -> None:
        from newsroom.core.task_leases import tasks_requeue_abandoned

        if self.worker is None or self.worker.poll() is None:
            return
        logger.error(
            "The task worker %s exited with status %s: restarting it.",
            self.worker_id,
            self.worker.returncode,
        )
        dead = self.worker_id
        try:
            tasks_requeue_abandoned(dead_worker_ids={dead})
        except Exception:
            logger.exception("Could not requeue the tasks of worker %s yet.", dead)
        self._start_worker()

    def run(self) -> int:
        from django.conf import settings

        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        self.server = subprocess.Popen(self.server_command)
        if settings.TASKS_BACKEND == "database":
            self._start_worker()
        next_tick = time.monotonic()
        try:
            while not self.stopping.is_set():
                if self.server.poll() is not None:
                    logger.error("The web server exited with status %s.", self.server.returncode)
                    return self.server.returncode or 1
                self._watch_worker()
                if time.monotonic() >= next_tick:
                    self._tick()
                    next_tick = time.monotonic() + SCHEDULE_INTERVAL_SECONDS
                self.stopping.wait(1)
            return 0
        finally:
            self._stop_children()

    def _stop_children(self) -> None:
        children = [child for child in (self.server, self.worker) if child is not None]
        for child in children:
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + CHILD_STOP_SECONDS
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def serve(host: str, port: int, workers: int | None, threads: int | None) -> int:
    """Serve the site with granian (and the task worker) until told to stop."""
    from django.conf import settings

    if not _port_is_free(host, port):
        print(f"newsroom serve: {host}:{port} is already in use.", file=sys.stderr)
        return 2
    supervisor = Supervisor(
        host=host,
        port=port,
        workers=workers or settings.WEB_WORKERS,
        threads=threads or settings.WEB_THREADS,
    )
    print(f"Serving the site on http://{host}:{port}/ (Ctrl+C to stop)", flush=True)
    return supervisor.run()


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
        command.add_argument("--workers", type=int, help="granian processes (WEB_WORKERS)")
        command.add_argument("--threads", type=int, help="threads per process (WEB_THREADS)")
    manage = commands.add_parser("manage", help="run a Django management command")
    manage.add_argument("args", nargs=argparse.REMAINDER)
    for alias, (_, help_text) in ALIASES.items():
        commands.add_parser(alias, add_help=False, help=help_text)
    options, extra = parser.parse_known_args(argv)
    if extra and options.command not in ALIASES:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")

    if options.command == "demo":
        # The demo's staff passwords are printed for all to see: no second factor there.
        os.environ.setdefault("STAFF_TWO_FACTOR", "false")
        # It serves plain HTTP on this machine, signed with a key of its own.
        os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
        os.environ.setdefault("SECURE_COOKIES", "false")
        os.environ.setdefault("HSTS_SECONDS", "0")
    _setup_django()
    if options.command in ("demo", "serve", "worker"):
        _without_connection_pool()
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
    return serve(options.host, options.port, options.workers, options.threads)


if __name__ == "__main__":
    sys.exit(main())
