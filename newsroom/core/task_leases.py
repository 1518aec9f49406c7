"""Background tasks whose worker died are run again.

django-tasks-db marks a task RUNNING when a worker claims it and never looks back:
a worker killed mid-task (kill -9, out of memory, a machine restart) leaves it
RUNNING forever (django-tasks issue 46). A claim here is a lease: a task RUNNING
for longer than ``TASKS_LEASE_SECONDS`` is made READY again, and so, at once, is
every task of a worker that ``newsroom serve`` saw die. A task that has been
claimed ``TASKS_MAX_ATTEMPTS`` times without finishing is marked FAILED instead,
so one task that kills its worker cannot do so forever.

Running a task twice must therefore be harmless; ours are (the reply-email ledger,
the listings import lock).
"""

import logging
from collections.abc import Collection
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

ABANDONED = "newsroom.core.task_leases.TaskAbandoned"


def tasks_requeue_abandoned(*, dead_worker_ids: Collection[str] = ()) -> int:
    """Make READY again the RUNNING tasks past their lease or claimed by a dead worker.

    Returns how many were requeued; those out of attempts are marked FAILED.
    """
    expired = timezone.now() - timedelta(seconds=settings.TASKS_LEASE_SECONDS)
    requeued = 0
    with transaction.atomic():
        running = DBTaskResult.objects.running().select_for_update(skip_locked=True)
        for task in running.only("id", "started_at", "worker_ids", "task_path"):
            claimed_by = task.worker_ids[-1] if task.worker_ids else None
            if claimed_by not in dead_worker_ids and (task.started_at or expired) > expired:
                continue
            if len(task.worker_ids) >= settings.TASKS_MAX_ATTEMPTS:
                DBTaskResult.objects.filter(pk=task.pk).update(
                    status=TaskResultStatus.FAILED,
                    finished_at=timezone.now(),
                    exception_class_path=ABANDONED,
                    traceback=f"Abandoned by {len(task.worker_ids)} workers: {task.worker_ids}",
                )
                logger.error("Task %s (%s) abandoned too often: failed.", task.pk, task.task_path)
                continue
            DBTaskResult.objects.filter(pk=task.pk).update(
                status=TaskResultStatus.READY, started_at=None
            )
            logger.warning(
                "Task %s (%s) abandoned by worker %s: queued again.",
                task.pk,
                task.task_path,
                claimed_by,
            )
            requeued += 1
    return requeued
