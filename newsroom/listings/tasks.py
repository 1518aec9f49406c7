"""The daily listings import as a Django task.

Django's task framework runs tasks but does not schedule them: something calls
``import_latest_listings.enqueue()`` once a day (see docs/operations.md: cron, or a systemd timer
running ``newsroom import-listings --latest --enqueue`` for a worker to pick up).
"""

from django.conf import settings
from django.tasks import task

from newsroom.listings.importer import listing_feed_import_latest, provider_get_or_create


@task
def import_latest_listings() -> dict | None:
    """Import the newest feed file in LISTINGS_DROP_DIR; the run's id and summary, or None."""
    run = listing_feed_import_latest(
        drop_dir=settings.LISTINGS_DROP_DIR,
        provider=provider_get_or_create(slug=settings.LISTINGS_PROVIDER),
        full=settings.LISTINGS_FEED_IS_FULL,
    )
    if run is None:
        return None
    return {"import_run": run.pk, "status": run.status, "summary": run.summary}
