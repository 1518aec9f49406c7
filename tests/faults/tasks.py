"""A slow background task for the worker-kill fault: it notes when it starts and when it
ends, in files named by the test."""

import time
from pathlib import Path

from django.tasks import task


@task
def slow_note(*, directory: str, seconds: float) -> None:
    folder = Path(directory)
    with (folder / "started").open("a") as started:
        started.write("x")
    time.sleep(seconds)
    (folder / "finished").write_text("done")
