"""A task left RUNNING by a dead worker is queued again, and not forever."""

from datetime import timedelta

import pytest
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max

from newsroom.core.task_leases import tasks_requeue_abandoned

pytestmark = pytest.mark.django_db


def running(*, minutes_ago: int, worker_ids: list[str]) -> DBTaskResult:
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now() - timedelta(minutes=minutes_ago),
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="newsroom.discussion.tasks.reply_notifications_send",
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=worker_ids,
    )


def test_a_task_past_its_lease_is_ready_again_and_a_fresh_one_is_left_alone(settings):
    settings.TASKS_LEASE_SECONDS = 600
    stale = running(minutes_ago=11, worker_ids=["gone"])
    fresh = running(minutes_ago=1, worker_ids=["busy"])

    assert tasks_requeue_abandoned() == 1

    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert stale.status == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(pk=stale.pk).exists()
    assert fresh.status == TaskResultStatus.RUNNING


def test_the_tasks_of_a_worker_seen_dying_are_ready_at_once():
    orphan = running(minutes_ago=0, worker_ids=["serve-1-1"])
    other = running(minutes_ago=0, worker_ids=["serve-1-2"])

    assert tasks_requeue_abandoned(dead_worker_ids={"serve-1-1"}) == 1

    assert DBTaskResult.objects.get(pk=orphan.pk).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=other.pk).status == TaskResultStatus.RUNNING


def test_a_task_that_keeps_killing_its_worker_fails_after_the_last_attempt(settings):
    settings.TASKS_MAX_ATTEMPTS = 3
    poison = running(minutes_ago=0, worker_ids=["a", "b", "c"])

    assert tasks_requeue_abandoned(dead_worker_ids={"c"}) == 0

    poison.refresh_from_db()
    assert poison.status == TaskResultStatus.FAILED
    assert "Abandoned by 3 workers" in poison.traceback
