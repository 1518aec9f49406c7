"""Uploaded media: renditions named by their content, and how long browsers may keep each file.

A rendition's name from Wagtail is the original's file name plus the filter
(``images/harbour.fill-480x270.format-webp.webp``), and an original's name comes
back into use once its image is deleted: a new upload of another ``IMG_0001.jpg``
would be served at the very address of the old one's renditions. So renditions are
saved under a name that also carries a digest of their bytes; different bytes never
share an address, and a browser may keep a rendition for a year without asking
again. Originals (and the listings' own renditions) keep names that can be reused,
so browsers keep them a day.
"""

import hashlib
import re

from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage
from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.views.static import serve

DIGEST_LENGTH = 16
# "images/<name>.<digest>.<extension>": a rendition saved by RenditionStorage.
CONTENT_ADDRESSED = re.compile(rf"^images/[^/]+\.[0-9a-f]{{{DIGEST_LENGTH}}}\.[A-Za-z0-9]+$")
IMMUTABLE = "public, max-age=31536000, immutable"
REUSABLE_NAME = "public, max-age=86400"


def content_addressed_name(name: str, content: File) -> str:
    """``name`` with a digest of the file's bytes before its extension."""
    digest = hashlib.sha256()
    for chunk in content.chunks():
        digest.update(chunk)
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    return f"{stem}.{digest.hexdigest()[:DIGEST_LENGTH]}{dot}{extension}"


class RenditionStorage(FileSystemStorage):
    """MEDIA_ROOT, saving each Wagtail rendition under a name that says what it holds."""

    def save(self, name, content, max_length=None):
        if name is not None and not hasattr(content, "chunks"):
            content = File(content, name)
        if name is not None:
            name = content_addressed_name(name, content)
        return super().save(name, content, max_length=max_length)


def cache_control_for(path: str) -> str:
    """How long a browser or CDN may keep the media file at ``path`` (under MEDIA_URL)."""
    return IMMUTABLE if CONTENT_ADDRESSED.match(path) else REUSABLE_NAME


def serve_media(request: HttpRequest, path: str) -> HttpResponseBase:
    """Uploaded images and renditions, from MEDIA_ROOT as it is when asked (tests move it)."""
    response = serve(request, path, document_root=str(settings.MEDIA_ROOT))
    if response.status_code in (200, 304):
        response["Cache-Control"] = cache_control_for(path)
    return response
