from collections.abc import Iterable
from typing import ClassVar

from django.db import models
from django.utils.html import format_html, format_html_join


class TimeStampedModel(models.Model):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class ImportRunRecord(models.Model):
    """One run of an importer (listings feeds, wire copy): when it ran and what it did to the
    records it read. Each importer adds what is its own: what it read, how a run ends, the
    counter only it keeps and the shape of a rejection (its ``errors``)."""

    started_at = models.DateTimeField(db_index=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    created = models.PositiveIntegerField(default=0)
    updated = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    rejected = models.PositiveIntegerField(default=0)

    errors: list[dict]  # each importer's own field: its rejections, in its own shape
    own_counter: ClassVar[str]  # the field of the counter only this importer keeps
    error_item: ClassVar[str]  # one rejection in the inspect view, for format_html

    class Meta:
        abstract = True
        ordering = ["-started_at", "-pk"]

    @property
    def summary(self) -> str:
        return (
            f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
            f"{self.own_counter} {getattr(self, self.own_counter)}, rejected {self.rejected}"
        )

    def error_parts(self, error: dict) -> Iterable[object]:
        """The values ``error_item`` shows of one rejection."""
        raise NotImplementedError

    def get_errors_display(self) -> str:
        """The rejections as a list, for the admin's inspect view."""
        if not self.errors:
            return "None"
        return format_html(
            "<ol>{}</ol>",
            format_html_join("", self.error_item, (self.error_parts(e) for e in self.errors)),
        )
