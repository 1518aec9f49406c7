"""A full-page cache for anonymous readers, invalidated when what a page shows changes.

Most readers never sign in, and for them a busy story's page is the same page.
Each stored copy remembers the versions it was rendered from: the site's, which
moves when anything shown on many pages changes (a page published or withdrawn, a
comment shown or hidden, a reader's name, the listings), and for an article its
own, which moves with its votes and moderator notes. A copy is served only while
both are still current, so a change shows on the very next request.

Versions are read before a page renders: a change that lands while it renders
leaves the copy stale on arrival, and it is never served. A change bumps the
version at once and again when its transaction commits, so a reader who renders
the page in between (still seeing the old rows) cannot pin the old page either.

``NEWSROOM_PAGE_CACHE_SECONDS`` only bounds what no write announces: relative
times ("5 minutes ago") and a discussion closing N days after publication. With
the local-memory cache each process keeps its own copies and versions, so writes
made by another process (a cron import, the scheduler) show within that bound;
with Redis (``REDIS_URL``) every process sees every change at once.
"""

from collections.abc import Callable
from dataclasses import dataclass
from hashlib import sha256
from uuid import uuid4

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

SITE_VERSION = "page-cache:version:site"
STATUS_HEADER = "X-Page-Cache"


def _article_version(article_id: int) -> str:
    return f"page-cache:version:article:{article_id}"


@dataclass(frozen=True)
class Versions:
    article_id: int | None
    site: str
    article: str | None


@dataclass(frozen=True)
class CachedPage:
    versions: Versions
    content: bytes
    content_type: str
    last_modified: str | None  # feeds say when they last changed; pollers ask with it

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, content_type=self.content_type)
        if self.last_modified:
            response["Last-Modified"] = self.last_modified
        response[STATUS_HEADER] = "hit"
        patch_vary_headers(response, ("Cookie",))
        return response


def _bump(key: str) -> None:
    cache.set(key, uuid4().hex, timeout=None)


def _changed(key: str) -> None:
    _bump(key)
    transaction.on_commit(lambda: _bump(key))


def site_changed() -> None:
    """Something many pages show changed: every cached page is out of date."""
    _changed(SITE_VERSION)


def article_changed(article_id: int) -> None:
    """Something only this article's page shows changed (a vote, a moderator note)."""
    _changed(_article_version(article_id))


def current_versions(*, article_id: int | None = None) -> Versions:
    keys = [SITE_VERSION] + ([_article_version(article_id)] if article_id else [])
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A first version, or one the cache evicted: start a new one, so no copy
            # stored before the eviction can match it.
            cache.add(key, uuid4().hex, timeout=None)
            found[key] = cache.get(key)
    return Versions(
        article_id=article_id,
        site=found[SITE_VERSION],
        article=found[_article_version(article_id)] if article_id else None,
    )


def serve_cacheable(
    request: HttpRequest,
    render: Callable[[], HttpResponse],
    *,
    article_id: int | None = None,
) -> HttpResponse:
    """Render a page the middleware may keep for anonymous readers.

    The versions are read before rendering (a change that lands meanwhile leaves this copy
    stale at once), and only for requests the middleware could store.
    """
    if not is_anonymous_reading(request):
        return render()
    versions = current_versions(article_id=article_id)
    response = render()
    response.page_cache_versions = versions
    return response


def _page_key(request: HttpRequest) -> str:
    address = f"{request.get_host()}{request.get_full_path()}"
    return "page-cache:page:" + sha256(address.encode()).hexdigest()


def is_anonymous_reading(request: HttpRequest) -> bool:
    """A plain GET from a reader without a session: the page cannot be about them.

    No session cookie means nobody is signed in and no message waits to be shown;
    htmx requests get fragments, which this cache leaves alone.
    """
    return (
        settings.NEWSROOM_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.htmx
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and CookieStorage.cookie_name not in request.COOKIES
    )


def _is_shareable(request: HttpRequest, response: HttpResponse) -> bool:
    """Nothing in the response belongs to this one reader."""
    session = getattr(request, "session", None)
    return (
        response.status_code == 200
        and hasattr(response, "page_cache_versions")
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


class AnonymousPageCacheMiddleware:
    """Serve anonymous readers the stored copy of a page while its versions are current."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_reading(request):
            return self.get_response(request)
        key = _page_key(request)
        stored: CachedPage | None = cache.get(key)
        if stored is not None and stored.versions == current_versions(
            article_id=stored.versions.article_id
        ):
            return stored.response()

        response = self.get_response(request)
        if _is_shareable(request, response):
            copy = CachedPage(
                versions=response.page_cache_versions,
                content=response.content,
                content_type=response["Content-Type"],
                last_modified=response.get("Last-Modified"),
            )
            cache.set(key, copy, timeout=settings.NEWSROOM_PAGE_CACHE_SECONDS)
            response[STATUS_HEADER] = "miss"
            patch_vary_headers(response, ("Cookie",))
        return response
