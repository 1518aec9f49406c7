"""The site's public address: the one source of every absolute link.

Emails, feeds, canonical and Open Graph URLs are read outside the request that
made them, so they must not carry whatever host a reader (or a proxy) used.
``SITE_URL`` names the public address when set (a deployment behind a proxy or
CDN); otherwise the Wagtail Site (Settings → Sites) does, which ``newsroom demo``
points at the address it serves on.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.http import HttpRequest
from wagtail.models import Site


def site_url(request: HttpRequest | None = None) -> str:
    """The public address, scheme and host without a trailing slash."""
    if settings.SITE_URL:
        return str(settings.SITE_URL)
    # With a request, Wagtail has already found (and cached) its Site: no query.
    site = (
        Site.find_for_request(request)
        if request is not None
        else Site.objects.filter(is_default_site=True).first()
    )
    return str(site.root_url) if site is not None else str(settings.WAGTAILADMIN_BASE_URL)


def public_url(path: str, request: HttpRequest | None = None) -> str:
    """``path`` on the public address; an absolute URL (media on a CDN) passes through."""
    return urljoin(site_url(request) + "/", path)
