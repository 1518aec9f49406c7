"""The drop folders: one folder per source under WIRE_DROP_DIR, named after the source.

A folder's name is the source's name as a slug (``Harbour Wire`` drops into
``harbour-wire/``). Each pass imports the wire files there whose exact bytes no run of that
source has read before, so an agency may leave its files in place.
"""

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

from django.utils.text import slugify

from newsroom.articles.models import Source
from newsroom.wire.models import WireFile, WireImportRun
from newsroom.wire.parsers import ITEM_SUFFIXES
from newsroom.wire.services import ImportAlreadyRunning, RejectionHandler, wire_files_import

logger = logging.getLogger(__name__)


def wire_drop_folders_import(
    *,
    drop_dir: Path,
    on_reject: RejectionHandler | None = None,
    log: Callable[[str], None] = logger.info,
) -> list[WireImportRun]:
    """One run per source with new files; sources without a section, or busy, are skipped."""
    drop_dir = Path(drop_dir)
    if not drop_dir.is_dir():
        log(f"No drop folder at {drop_dir}.")
        return []
    sources = {slugify(s.name): s for s in Source.objects.select_related("section")}
    runs = []
    for folder in sorted(p for p in drop_dir.iterdir() if p.is_dir()):
        source = sources.get(folder.name)
        if source is None or source.section is None:
            log(f"{folder.name}/: no source of that name with a section; skipped.")
            continue
        new = [path for path in _wire_files(folder) if not _seen(source, path)]
        if not new:
            continue
        try:
            runs.append(
                wire_files_import(
                    source=source,
                    section=source.section.specific,
                    paths=new,
                    trigger="drop folder",
                    on_reject=on_reject,
                )
            )
        except ImportAlreadyRunning as error:
            log(f"{folder.name}/: {error} Its files wait for the next pass.")
    return runs


def _wire_files(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.iterdir()
        if path.is_file() and not path.name.startswith(".") and path.suffix.lower() in ITEM_SUFFIXES
    )


def _seen(source: Source, path: Path) -> bool:
    with path.open("rb") as file:
        digest = hashlib.file_digest(file, "sha256").hexdigest()
    return WireFile.objects.filter(source=source, sha256=digest).exists()
