"""Listing photos at the sizes the pages show them.

A provider's photo is typically 960x640 or larger; the box beside an article shows it at
96x72. For photos kept in our media storage (the demo's, say: a feed may name them by their
``MEDIA_URL`` address), Pillow makes a rendition per displayed size the first time a page
needs it, cropped to the shape the page shows, and keeps it beside the original
(``listings/renditions/WxH/...``), as Wagtail does for its own images. Templates get ``src``
and ``srcset`` for each use. Photos hosted elsewhere are shown as they are: we cannot resize
what we do not hold.
"""

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from PIL import Image, ImageOps

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class PhotoUse:
    """Where a page shows a photo: the sizes to offer, and how the browser picks one."""

    sizes: tuple[tuple[int, int], ...]  # (width, height), smallest first; the first is src
    density: bool  # True: a fixed-size image (srcset "1x, 2x"); False: widths ("320w")


USES = {
    "box": PhotoUse(sizes=((96, 72), (192, 144)), density=True),
    "card": PhotoUse(sizes=((320, 213), (480, 320), (640, 427)), density=False),
    "lead": PhotoUse(sizes=((480, 320), (960, 640)), density=False),
    "gallery": PhotoUse(sizes=((240, 160), (480, 320)), density=False),
}


@dataclass(frozen=True, slots=True)
class PhotoSources:
    src: str
    srcset: str = ""


def listing_photo_sources(url: str, use: str) -> PhotoSources:
    """``src`` and ``srcset`` for a listing photo shown as ``use`` (a key of USES)."""
    name = _media_name(url)
    if name is None:
        return PhotoSources(src=url)
    try:
        original = Path(default_storage.path(name))
        offered = [
            (size, rendition)
            for size in USES[use].sizes
            if (rendition := _rendition(original, name, size)) is not None
        ]
    except (OSError, SuspiciousFileOperation, NotImplementedError, Image.DecompressionBombError):
        logger.warning("No renditions of listing photo %s", name, exc_info=True)
        return PhotoSources(src=url)
    if not offered:  # smaller than every size offered
        return PhotoSources(src=url)
    density = USES[use].density
    base_width = offered[0][0][0]
    srcset = ", ".join(
        f"{default_storage.url(rendition)} "
        + (f"{width / base_width:g}x" if density else f"{width}w")
        for (width, _), rendition in offered
    )
    return PhotoSources(src=default_storage.url(offered[0][1]), srcset=srcset)


def _media_name(url: str) -> str | None:
    """The storage name of a photo in our media, or None for a photo hosted elsewhere."""
    if not url.startswith(settings.MEDIA_URL):
        return None
    return unquote(url.removeprefix(settings.MEDIA_URL))


def _rendition(original: Path, name: str, size: tuple[int, int]) -> str | None:
    """The storage name of the rendition, made now if missing; None if it would upscale."""
    width, height = size
    rendition = f"listings/renditions/{width}x{height}/{name}"
    target = Path(default_storage.path(rendition))
    if target.exists():
        return rendition
    with Image.open(original) as image:
        if image.width < width or image.height < height:
            return None
        fitted = ImageOps.fit(image.convert("RGB"), size, Image.Resampling.LANCZOS)
    target.parent.mkdir(parents=True, exist_ok=True)
    # Written aside and renamed: two processes making the same rendition never mix bytes.
    handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        fitted.save(file, "JPEG", quality=80, optimize=True, progressive=True)
    os.replace(temporary, target)
    return rendition
