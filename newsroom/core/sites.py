"""The Wagtail site a page request is for, kept in the cache.

Wagtail looks the site up by host and port with a query on every page request,
and then its root page with another; sites change about never. The answer is kept,
with its root page read as its own type (routing starts there), under the page
cache's ``site`` version, which a change to a site or a published page retires
(``articles/signals.py``), as it does every page.
"""

from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.http.request import split_domain_port
from wagtail import views as wagtail_views
from wagtail.models import Site

from newsroom.core import page_cache


def site_for_request(request: HttpRequest) -> Site | None:
    """``Site.find_for_request``, from the cache when it has the answer."""
    hostname = split_domain_port(request.get_host())[0]
    (version,) = page_cache.request_versions(request, (page_cache.SITE,))
    key = f"wagtail-site:{version}:{hostname}:{request.get_port()}"
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            site.root_page = site.root_page.specific
            # As long as the kept parts: another process's publish shows within it, where
            # the local-memory cache cannot hear of it.
            cache.set(key, site, settings.NEWSROOM_PART_CACHE_SECONDS)
    return site


class KeptSiteMiddleware:
    """Hands Wagtail's page view the kept site, where ``Site.find_for_request`` looks first."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        if view_func is wagtail_views.serve and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for_request(request)  # type: ignore[attr-defined]
