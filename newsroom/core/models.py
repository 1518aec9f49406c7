from django.db import models


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ImportRunRecord(models.Model):
    """One run of an importer (listings feeds, wire copy): when it ran and what it did to the
    records it read. Each importer adds what is its own: what it read, how a run ends, the
    shape of a rejection."""

    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["-started_at", "-pk"]
