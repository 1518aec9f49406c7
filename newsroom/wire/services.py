"""The wire desk's writes: an item into an article (one transaction each), runs, kills, expiry.

An item's fate, in order:
- ``withheld`` or ``canceled``: the story is withdrawn at once, whatever its version
  (kills are never held for an editor); a kill of a story never received is refused.
- a new ``uri``: a draft article under the source's section, or published at once for an
  auto-publish source (scheduled for the embargo's end, if it has one).
- a known ``uri``: a newer version (``version``, else ``versioncreated``) becomes a new
  revision, published only for auto-publish sources; an older one changes nothing; the same
  version changes nothing when it says the same, and is refused as a conflict otherwise;
  anything after a kill is refused.

Pure work (body conversion, finding the picture) happens before the transaction opens.
Publishing and unpublishing go through Wagtail's actions, whose signals retire cached pages;
the wire's own writes to the article (its availability) announce themselves here.
"""

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.log_actions import log
from wagtail.utils.file import hash_filelike

from newsroom.articles.models import ArticlePage, Availability, SectionPage, Source
from newsroom.core import page_cache
from newsroom.wire.body import BlockData, body_blocks
from newsroom.wire.items import ItemRejected, WireItem, WirePicture
from newsroom.wire.models import WireFile, WireImportRun, WireStory
from newsroom.wire.parsers import FileUnreadable, parse_wire_bytes

logger = logging.getLogger(__name__)

EXPIRED_TEXT = "This article has expired and is no longer available."
HEARTBEAT_INTERVAL = timedelta(minutes=1)


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KILLED = "killed"


@dataclass(frozen=True, slots=True)
class Rejection:
    file: str
    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}, {self.where}: {self.reason}"


type RejectionHandler = Callable[[Rejection], None]


class ImportAlreadyRunning(Exception):
    """Another import of the same source is running: runs of one source never interleave."""


def source_for_import(*, name: str, section_slug: str | None) -> tuple[Source, SectionPage]:
    """The source called ``name`` and its section; ``section_slug`` maps a source that has
    none yet, and creates the source when the name is new. ValueError says what is wrong."""
    section = None
    if section_slug:
        section = SectionPage.objects.filter(slug=section_slug).first()
        if section is None:
            raise ValueError(f"No section with the slug {section_slug!r}.")
    source = Source.objects.select_related("section").filter(name=name).first()
    if source is None:
        if section is None:
            raise ValueError(f"No source called {name!r}: give --section to create it.")
        source = Source.objects.create(name=name, rights_holder=name, section=section)
    elif source.section is None:
        if section is None:
            raise ValueError(f"The source {name!r} has no section yet: give --section.")
        source.section = section
        source.save(update_fields=["section"])
    elif section is not None and source.section.pk != section.pk:
        raise ValueError(
            f"The source {name!r} already goes to {source.section.slug!r}; "
            "change its section under Sources and rights."
        )
    assert source.section is not None  # every branch above gave the source a section
    return source, source.section.specific


def wire_files_import(
    *,
    source: Source,
    section: SectionPage,
    paths: list[Path],
    trigger: str,
    on_reject: RejectionHandler | None = None,
) -> WireImportRun:
    """Import files for one source in one recorded run; each item in its own transaction.

    Raises ImportAlreadyRunning when another run of this source has not finished.
    """
    run = _run_start(source=source, trigger=trigger)
    counts = dict.fromkeys(Outcome, 0)
    errors: list[dict[str, str]] = []

    def reject(rejection: Rejection) -> None:
        run.rejected += 1
        if len(errors) < settings.WIRE_MAX_REPORTED_ERRORS:
            errors.append(
                {"file": rejection.file, "where": rejection.where, "reason": rejection.reason}
            )
        if on_reject is not None:
            on_reject(rejection)

    try:
        for path in paths:
            path = Path(path)
            try:
                content = path.read_bytes()
            except OSError as error:
                reject(Rejection(path.name, "the file", f"cannot be read: {error.strerror}"))
                continue
            try:
                parsed = parse_wire_bytes(
                    content, lines=path.suffix.lower() in (".jsonl", ".ndjson")
                )
            except FileUnreadable as error:
                reject(Rejection(path.name, "the file", str(error)))
                parsed = []
            for entry in parsed:
                if entry.item is None:
                    reject(Rejection(path.name, entry.where, entry.error))
                    continue
                try:
                    outcome = wire_item_import(
                        item=entry.item, source=source, section=section, base_dir=path.parent
                    )
                except ItemRejected as error:
                    reject(Rejection(path.name, entry.where, str(error)))
                else:
                    counts[outcome] += 1
                _run_heartbeat(run)
            WireFile.objects.create(
                run=run, source=source, name=str(path), sha256=hashlib.sha256(content).hexdigest()
            )
        run.status = WireImportRun.Status.SUCCEEDED
    except BaseException as error:
        run.status = WireImportRun.Status.FAILED
        run.failure = f"stopped by {type(error).__name__}: {error}"
        raise
    finally:
        run.created, run.updated = counts[Outcome.CREATED], counts[Outcome.UPDATED]
        run.unchanged, run.killed = counts[Outcome.UNCHANGED], counts[Outcome.KILLED]
        run.errors = errors
        run.finished_at = timezone.now()
        run.save()
    return run


def _run_heartbeat(run: WireImportRun) -> None:
    """Say the run is alive (at most once a minute), so that a long file is never taken for
    the leftovers of a dead process (see ``_run_start``)."""
    now = timezone.now()
    if now - run.heartbeat_at >= HEARTBEAT_INTERVAL:
        run.heartbeat_at = now
        WireImportRun.objects.filter(pk=run.pk).update(heartbeat_at=now)


def _run_start(*, source: Source, trigger: str) -> WireImportRun:
    now = timezone.now()
    stale = now - timedelta(minutes=settings.WIRE_RUN_STALE_MINUTES)
    WireImportRun.objects.filter(
        source=source, status=WireImportRun.Status.RUNNING, heartbeat_at__lt=stale
    ).update(
        status=WireImportRun.Status.FAILED,
        finished_at=now,
        failure=f"abandoned: no sign of life for {settings.WIRE_RUN_STALE_MINUTES} minutes",
    )
    try:
        with transaction.atomic():
            return WireImportRun.objects.create(
                source=source, trigger=trigger, started_at=now, heartbeat_at=now
            )
    except IntegrityError:
        raise ImportAlreadyRunning(f"An import of {source} is already running.") from None


def wire_item_import(
    *, item: WireItem, source: Source, section: SectionPage, base_dir: Path
) -> Outcome:
    """Take in one version of one story. Raises ItemRejected, having written nothing."""
    blocks: BlockData = []
    picture: Path | None = None
    if not item.pubstatus.withdraws:
        blocks = body_blocks(item.body_html)
        picture = _picture_path(item.picture, base_dir) if item.picture else None
    now = timezone.now()
    with transaction.atomic():
        story = (
            WireStory.objects.select_for_update()
            .select_related("article")
            .filter(source=source, uri=item.uri)
            .first()
        )
        if item.pubstatus.withdraws:
            return _story_withdraw(story=story, item=item, now=now)
        if story is None:
            _story_create(
                item=item, source=source, section=section, blocks=blocks, picture=picture, now=now
            )
            return Outcome.CREATED
        if story.status == WireStory.Status.CANCELED:
            raise ItemRejected(
                f"the story {item.uri} was killed by its source: no later version is taken"
            )
        order = _version_order(story, item)
        if order < 0 or (order == 0 and story.content_hash == item.content_hash):
            return Outcome.UNCHANGED
        if order == 0:
            raise ItemRejected(
                f"version conflict: {item.uri} version {_version_label(item)} was imported "
                "before with a different text"
            )
        _story_update(
            story=story, item=item, source=source, blocks=blocks, picture=picture, now=now
        )
        return Outcome.UPDATED


def _version_order(story: WireStory, item: WireItem) -> int:
    """1 if the item is newer than the story, -1 if older, 0 if neither can be told apart."""
    if item.version is not None and story.version is not None and item.version != story.version:
        return 1 if item.version > story.version else -1
    if (
        item.version_created
        and story.version_created
        and item.version_created != story.version_created
    ):
        return 1 if item.version_created > story.version_created else -1
    return 0


def _version_label(item: WireItem) -> str:
    if item.version is not None:
        return str(item.version)
    return item.version_created.isoformat() if item.version_created else "(none)"


def _story_create(
    *,
    item: WireItem,
    source: Source,
    section: SectionPage,
    blocks: BlockData,
    picture: Path | None,
    now: datetime,
) -> WireStory:
    article = ArticlePage(
        title=item.headline, slug=_free_slug(section, item.headline), live=False, source=source
    )
    _article_fill(article, item=item, blocks=blocks, picture=picture, now=now)
    try:
        section.add_child(instance=article)
    except ValidationError as error:
        raise ItemRejected(_validation_reason(error)) from None
    revision = article.save_revision(log_action=True)
    story = WireStory.objects.create(
        source=source,
        uri=item.uri,
        article=article,
        first_imported_at=now,
        **_story_fields(item, now),
    )
    if source.auto_publish:
        revision.publish()
    return story


def _story_update(
    *,
    story: WireStory,
    item: WireItem,
    source: Source,
    blocks: BlockData,
    picture: Path | None,
    now: datetime,
) -> None:
    article = story.article
    if story.status == WireStory.Status.WITHHELD:
        # A newer usable version lifts the source's hold.
        ArticlePage.objects.filter(pk=article.pk).update(availability=Availability.AVAILABLE)
        story.withdrawn_at, story.withdrawal_reason = None, ""
        page_cache.site_changed()
    draft = article.get_latest_revision_as_object()
    _article_fill(draft, item=item, blocks=blocks, picture=picture, now=now)
    try:
        revision = draft.save_revision(log_action=True)
    except ValidationError as error:
        raise ItemRejected(_validation_reason(error)) from None
    for name, value in _story_fields(item, now).items():
        setattr(story, name, value)
    story.save()
    if source.auto_publish:
        revision.publish()


def _story_fields(item: WireItem, now: datetime) -> dict[str, object]:
    return {
        "version": item.version,
        "version_created": item.version_created,
        "content_hash": item.content_hash,
        "status": WireStory.Status.USABLE,
        "embargoed_until": item.embargoed,
        "ednote": item.ednote,
        "last_imported_at": now,
    }


def _article_fill(
    article: ArticlePage, *, item: WireItem, blocks: BlockData, picture: Path | None, now: datetime
) -> None:
    article.title = article.draft_title = item.headline
    article.standfirst = item.standfirst
    article.byline = item.byline
    article.body = blocks
    article.wire_rights_notice = item.copyright_notice
    article.wire_usage_terms = item.usage_terms
    caption = item.picture.caption if item.picture else ""
    article.lead_image = _image_for(picture, title=caption) if picture else None
    article.lead_image_caption = caption
    article.lead_image_credit = item.picture.credit if item.picture else ""
    if not article.live:
        # Before its first publication an embargo holds the story back; Wagtail's scheduled
        # publishing releases it, and the admin refuses to publish it earlier (wagtail_hooks).
        article.go_live_at = item.embargoed if item.embargoed and item.embargoed > now else None


def _story_withdraw(*, story: WireStory | None, item: WireItem, now: datetime) -> Outcome:
    if story is None:
        raise ItemRejected(f"{item.pubstatus} for {item.uri}, a story never received")
    status = WireStory.Status(item.pubstatus.value)
    if story.status == WireStory.Status.CANCELED or story.status == status:
        return Outcome.UNCHANGED
    article = story.article
    article.availability = Availability.WITHDRAWN
    article.comments_open = False
    ArticlePage.objects.filter(pk=article.pk).update(
        availability=Availability.WITHDRAWN, comments_open=False
    )
    article.revisions.update(approved_go_live_at=None)  # a scheduled publication is off too
    if article.live:
        article.unpublish(log_action=True)
    reason = item.ednote or item.standfirst or ""
    log(
        instance=article,
        action=f"wire.{status.value}",
        data={
            "source": str(story.source),
            "uri": story.uri,
            "version": item.version,
            "reason": reason,
        },
    )
    story.status = status
    story.withdrawn_at = now
    story.withdrawal_reason = reason
    story.ednote = item.ednote or story.ednote
    story.last_imported_at = now
    if item.version is not None and (story.version is None or item.version > story.version):
        story.version = item.version
    story.save()
    page_cache.site_changed()
    return Outcome.KILLED


def wire_stories_expire(*, now: datetime | None = None) -> int:
    """Expire every published wire story past its source's usage period; how many expired."""
    now = now or timezone.now()
    expired = 0
    for source in Source.objects.filter(usage_days__isnull=False):
        assert source.usage_days is not None  # filtered above
        due = WireStory.objects.filter(
            source=source,
            status=WireStory.Status.USABLE,
            expired_at__isnull=True,
            article__first_published_at__lte=now - timedelta(days=source.usage_days),
        ).values_list("pk", flat=True)
        for story_id in due:
            expired += wire_story_expire(story_id=story_id, now=now)
    return expired


@transaction.atomic
def wire_story_expire(*, story_id: int, now: datetime) -> bool:
    """Replace the story's text by the expiry notice; headline, address, date and comments stay."""
    story = WireStory.objects.select_for_update().select_related("article").get(pk=story_id)
    if story.expired_at is not None:
        return False
    article = story.article
    ArticlePage.objects.filter(pk=article.pk).update(availability=Availability.EXPIRED)
    article.availability = Availability.EXPIRED
    article.body = [{"type": "paragraph", "value": f"<p>{EXPIRED_TEXT}</p>"}]
    article.standfirst = ""
    article.lead_image, article.lead_image_caption, article.lead_image_credit = None, "", ""
    revision = article.save_revision(log_action=True)
    if article.live:
        revision.publish()
    log(
        instance=article,
        action="wire.expired",
        data={"source": str(story.source), "uri": story.uri},
    )
    story.expired_at = now
    story.save(update_fields=["expired_at"])
    page_cache.site_changed()
    return True


def _free_slug(section: SectionPage, headline: str) -> str:
    base = slugify(headline)[:80].strip("-") or "wire-story"
    taken = set(section.get_children().filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _validation_reason(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)


def _picture_path(picture: WirePicture, base_dir: Path) -> Path:
    """The picture's file, which must lie in the item's folder: nothing is fetched."""
    parts = urlsplit(picture.href)
    if parts.scheme in ("http", "https"):
        candidate = base_dir / PurePosixPath(unquote(parts.path)).name
    elif parts.scheme == "file":
        candidate = Path(unquote(parts.path))
    elif not parts.scheme:
        candidate = base_dir / unquote(picture.href)
    else:
        raise ItemRejected(f"picture address {picture.href!r} is neither a file nor a URL")
    resolved, folder = candidate.resolve(), base_dir.resolve()
    if not resolved.is_relative_to(folder):
        raise ItemRejected(f"picture {picture.href!r} lies outside the item's folder")
    if not resolved.is_file():
        raise ItemRejected(f"unknown picture file {resolved.name!r} (not in {folder.name}/)")
    try:
        with PILImage.open(resolved) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError):
        raise ItemRejected(f"picture file {resolved.name!r} is not an image") from None
    return resolved


def _image_for(path: Path, *, title: str) -> AbstractImage:
    """The Wagtail image of this file, the same one each time the same bytes come in."""
    Image = get_image_model()
    with path.open("rb") as file:
        digest = hash_filelike(file)
        existing = Image.objects.filter(file_hash=digest).first()
        if existing is not None:
            return existing
        file.seek(0)
        image = Image(
            title=(title or path.stem)[:255],
            file=File(file, name=path.name),
            file_hash=digest,  # what Wagtail's upload form sets; save() does not
            file_size=path.stat().st_size,
        )
        image.save()
    return image
