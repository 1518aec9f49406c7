"""The wire desk's periodic work as Django tasks.

Django's task framework runs tasks but does not schedule them: cron (or a systemd timer)
enqueues them, e.g. every minute ``newsroom import-wire --drop-folders --enqueue`` and every
hour ``newsroom manage expire_wire_stories --enqueue`` (docs/wire.md).
"""

from django.conf import settings
from django.tasks import task

from newsroom.wire.drop_folders import wire_drop_folders_import
from newsroom.wire.services import wire_stories_expire


@task
def import_wire_drop_folders() -> list[dict]:
    """Import the new files of every source's drop folder; each run's id and summary."""
    runs = wire_drop_folders_import(drop_dir=settings.WIRE_DROP_DIR)
    return [
        {"import_run": run.pk, "source": str(run.source), "summary": run.summary} for run in runs
    ]


@task
def expire_wire_stories() -> int:
    """Expire the wire stories past their source's usage period; how many expired."""
    return wire_stories_expire()
