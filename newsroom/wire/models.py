"""The wire desk's own records: which agency story each article is, and every import run.

Wire identity and version tracking live here, not on the article: a story is a source's
``uri``, seen in versions; the article is what the site made of it.
"""

from django.db import models
from django.db.models import Q
from django.utils.html import format_html, format_html_join

from newsroom.articles.models import ArticlePage, Source
from newsroom.core.models import ImportRunRecord


class WireStory(models.Model):
    """One agency story (source + uri) and the article it became."""

    class Status(models.TextChoices):
        USABLE = "usable", "Usable"
        WITHHELD = "withheld", "Withheld by its source"
        CANCELED = "canceled", "Killed by its source"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="wire_stories")
    uri = models.CharField("agency's identifier", max_length=500)
    article = models.OneToOneField(ArticlePage, on_delete=models.CASCADE, related_name="wire_story")
    version = models.PositiveIntegerField(null=True, blank=True)
    version_created = models.DateTimeField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.USABLE)
    embargoed_until = models.DateTimeField(null=True, blank=True)
    ednote = models.TextField("editorial note", blank=True, help_text="Never published.")
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    withdrawal_reason = models.TextField(blank=True)
    expired_at = models.DateTimeField(null=True, blank=True)
    first_imported_at = models.DateTimeField()
    last_imported_at = models.DateTimeField()

    class Meta:
        verbose_name_plural = "wire stories"
        ordering = ["-last_imported_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["source", "uri"], name="wire_story_unique_per_source"),
            models.CheckConstraint(
                condition=Q(status="usable") | Q(withdrawn_at__isnull=False),
                name="wire_story_withdrawal_is_dated",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.uri}"


class WireImportRun(ImportRunRecord):
    """One import of one or more files for one source: what it did and what it refused."""

    class Status(models.TextChoices):
        RUNNING = "running", "Running"
        SUCCEEDED = "succeeded", "Succeeded"
        FAILED = "failed", "Failed"

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="wire_import_runs")
    trigger = models.CharField(max_length=20, help_text="command or drop folder")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    heartbeat_at = models.DateTimeField(help_text="When the run last finished an item.")
    killed = models.PositiveIntegerField("killed or withheld", default=0)
    errors = models.JSONField(
        "rejected items",
        default=list,
        blank=True,
        help_text="File, place in the file and reason of each rejected item (the first thousand).",
    )
    failure = models.TextField(blank=True)

    own_counter = "killed"
    error_item = "<li>{}, {}: {}</li>"

    class Meta(ImportRunRecord.Meta):
        constraints = [
            # Two runs of one source never interleave: at most one is running.
            models.UniqueConstraint(
                fields=["source"],
                condition=Q(status="running"),
                name="wire_import_run_one_running_per_source",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} ({self.started_at:%Y-%m-%d %H:%M})"

    def error_parts(self, error: dict) -> tuple:
        return error["file"], error["where"], error["reason"]

    def get_wire_files_display(self) -> str:
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li>{}</li>", ((f.name,) for f in self.wire_files.all())),
        )


class WireFile(models.Model):
    """A file a run read completely: the drop folder skips files whose bytes it has taken in."""

    run = models.ForeignKey(WireImportRun, on_delete=models.CASCADE, related_name="wire_files")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["source", "sha256"], name="wire_file_seen_idx")]

    def __str__(self) -> str:
        return self.name
