"""A full-page cache for anonymous readers, retired narrowly when what a page shows changes.

Most readers never sign in, and for them a busy story's page is the same page.
Each stored copy remembers the versions of the *scopes* it was rendered from, and
is served only while all of them are still current, so a change shows on the very
next request:

- ``site``: what many pages show (pages published, withdrawn or moved, images,
  sources, the listings box);
- ``article-<id>``: what only that article's page shows (its discussion: comments,
  votes, edits, moderation, its authors' names, moderator notes);
- ``teasers`` and ``teasers-<section path>``: the published-comment counts on the
  teasers of the home page and of one section's pages (its index and the "More in"
  block of its articles).

Announcements, the one list (each bumps its scopes at once and again after commit,
so a reader who renders in between, still seeing the old rows, cannot pin the old
page; a CDN configured in ``WAGTAILFRONTENDCACHE`` is purged after commit too):

- ``site_changed()``: ``articles/signals.py``, for Wagtail's own writes (publish,
  unpublish, move, delete, images, sources, sites), the only signals; ``wire/services.py``
  (a wire story taken in, updated or killed); ``listings/importer.py`` (an import);
  ``accounts/services.py`` (a reader renamed or deleted: the name shows beside their
  comments on any article, and the accounts layer cannot know which).
- ``privacy_changed(page_path)``: ``articles/signals.py``, when a view restriction is set
  on a page or lifted (Wagtail's own write): the page, those under it and the lists.
- ``article_changed(article_id)``: ``discussion/announce.py`` ``comment_changed``,
  called by every service that writes a comment: ``discussion/services.py``
  (``comment_create``, ``comment_edit``, ``comment_delete_by_author``, ``vote_cast``,
  ``report_create`` when it hides one) and ``moderation/services.py``
  (``comment_approve``, ``comment_reject``, ``comment_remove``, ``comment_feature``);
  and ``moderation/services.py`` ``moderator_note_create``/``moderator_note_withdraw``
  and ``article_discussion_set`` (a moderator opens or closes the discussion).
- ``comment_count_changed(article_id, section_path)``: ``comment_changed`` when the
  comment became or stopped being published: the article, and the teasers counting
  its comments (its section's pages, the home page).

No stampede: a copy that is out of date (retired or past
``NEWSROOM_PAGE_CACHE_SECONDS``) is rendered again by one request, which claims the
address in the cache (across processes with Redis); readers arriving meanwhile get
the previous copy (``X-Page-Cache: stale``), and with no copy at all they wait up to
``RENDER_WAIT_SECONDS`` for that single render. A claim older than that is taken to be
abandoned and the next reader renders, so a copy outlives its freshness by at most
``RENDER_WAIT_SECONDS``, even when the claiming request lost Redis midway.

Signed-in readers share the copy too, where their page's JavaScript can make it theirs:
it sets ``SHARED_COPY_COOKIE`` on a page rendered for a reader who may share (not staff,
not a moderator), and a request that carries it beside the session is answered from a
copy stored for signed-in readers (``serve_cacheable(..., signed_in_readers=True)``) as
if it came from an anonymous reader, its cookies dropped before any other middleware
sees them; the page then asks for the reader's own state in one small request (the
discussion's ``reader_state`` view). With no such copy stored yet, or without JavaScript,
the reader's page is rendered for them as before, and never stored: a copy is stored
only from a request that reached the view with no session and no signed-in user.

For a CDN or Varnish in front, anonymous pages carry ``ETag``/``Last-Modified``
(answered with 304), ``Cache-Control: public, max-age=0, s-maxage=<CDN_CACHE_SECONDS>,
stale-while-revalidate=<PAGE_CACHE_STALE_SECONDS>`` and ``Surrogate-Key``/``Cache-Tag``
naming the page's scopes; pages that are about one reader say ``private``.

With the local-memory cache each process keeps its own copies and versions, so writes
made by another process show within ``NEWSROOM_PAGE_CACHE_SECONDS``; with Redis
(``REDIS_URL``) every process sees every change at once.
"""

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from hashlib import sha256
from uuid import uuid4

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe

SITE = "site"
TEASERS = "teasers"
STATUS_HEADER = "X-Page-Cache"
SHARED_COPY_COOKIE = "newsroom_shared"
RENDER_WAIT_SECONDS = 3.0
RENDER_CLAIM_SECONDS = 30
_WAIT_STEP_SECONDS = 0.02
# Headers that belong to one response, never replayed from a stored copy.
_PER_RESPONSE = {"set-cookie", "date", STATUS_HEADER.lower(), "cache-control"}


def article_scope(article_id: int) -> str:
    return f"article-{article_id}"


def section_teasers_scope(section_path: str) -> str:
    return f"teasers-{section_path}"


def version_key(scope: str) -> str:
    return f"page-cache:version:{scope}"


def _bump(scopes: Iterable[str]) -> None:
    cache.set_many({version_key(scope): uuid4().hex for scope in scopes}, timeout=None)


def _changed(scopes: tuple[str, ...], purge: Callable[[], None] | None = None) -> None:
    _bump(scopes)

    def after_commit() -> None:
        _bump(scopes)
        if purge is not None and getattr(settings, "WAGTAILFRONTENDCACHE", None):
            purge()

    transaction.on_commit(after_commit)


def site_changed() -> None:
    """Something many pages show changed: every stored page is out of date."""
    _changed((SITE,))


def privacy_changed(page_path: str) -> None:
    """A page was made private or public again: every stored page is out of date (the page
    and those under it, and every list that showed them), and a CDN drops that part of the
    tree, which Wagtail's frontend cache does not purge on a privacy change."""

    def purge_subtree() -> None:
        from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
        from wagtail.models import Page

        purge_pages_from_cache(list(Page.objects.filter(path__startswith=page_path).specific()))

    _changed((SITE,), purge_subtree)


def article_changed(article_id: int) -> None:
    """Something only this article's page shows changed (a vote, an edit, a note)."""
    _changed((article_scope(article_id),), lambda: _purge_pages([article_id]))


def comment_count_changed(article_id: int, section_path: str) -> None:
    """The article's published comments changed: its page and the teasers counting them."""
    _changed(
        (article_scope(article_id), section_teasers_scope(section_path), TEASERS),
        lambda: _purge_pages([article_id], section_path=section_path),
    )


def _purge_pages(page_ids: list[int], *, section_path: str | None = None) -> None:
    """Purge a CDN in front (Wagtail's frontend cache) of the pages named, after commit."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache
    from wagtail.models import Page

    pages = Page.objects.filter(pk__in=page_ids)
    if section_path:
        # The section's index and the home page above it show the counts.
        pages = pages | Page.objects.filter(path__in=[section_path, section_path[:-4]])
    purge_pages_from_cache(list(pages.specific()))


def current_versions(scopes: tuple[str, ...]) -> tuple[str, ...]:
    keys = [version_key(scope) for scope in scopes]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            # A first version, or one the cache evicted: start a new one, so no copy
            # stored before the eviction can match it.
            cache.add(key, uuid4().hex, timeout=None)
            found[key] = cache.get(key)
    return tuple(found[key] for key in keys)


def request_versions(request: HttpRequest, scopes: tuple[str, ...]) -> tuple[str, ...]:
    """``current_versions``, each read once per request: the page, its kept parts, the menu
    and the site it is served for are all rendered under the same versions, and a page
    asks the cache once, not once for each of them."""
    known: dict[str, str] = request.__dict__.setdefault("_page_cache_versions", {})
    missing = tuple(scope for scope in scopes if scope not in known)
    if missing:
        known.update(zip(missing, current_versions(missing), strict=True))
    return tuple(known[scope] for scope in scopes)


@dataclass(frozen=True)
class KeptParts:
    """The versions a page's lasting parts are kept under, for Wagtail's preview-aware
    ``{% wagtailcache kept.seconds <name> <what the part shows> kept.site %}``.

    The story, the listings box and the "More in" teasers do not change with each comment,
    vote or edit, which retire the page many times a minute on a busy story: they are kept
    apart and joined back in, not rendered again. They vary on the versions of the scopes
    they show (``site``, and ``teasers``: the page's section's, or the home page's), so the
    same announcements retire them at once; ``seconds`` bounds what no write announces (an
    expiry time passing, another process's writes with the local-memory cache).
    """

    site: str
    teasers: str
    seconds: int


def kept_parts(request: HttpRequest, teasers_scope: str) -> KeptParts:
    site, teasers = request_versions(request, (SITE, teasers_scope))
    return KeptParts(site=site, teasers=teasers, seconds=settings.NEWSROOM_PART_CACHE_SECONDS)


def _is_plain_read(request: HttpRequest) -> bool:
    """A GET for a whole page (htmx requests get fragments, which this cache leaves alone)
    with no message waiting to be shown, while the cache is on. Only headers are read, so
    it holds before any other middleware has run."""
    return (
        settings.NEWSROOM_PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and "HTTP_HX_REQUEST" not in request.META
        and CookieStorage.cookie_name not in request.COOKIES
    )


def is_anonymous_reading(request: HttpRequest) -> bool:
    """A plain read from a reader without a session: the page cannot be about them."""
    return _is_plain_read(request) and settings.SESSION_COOKIE_NAME not in request.COOKIES


def reads_shared_copy(request: HttpRequest) -> bool:
    """A plain read from a reader whose page's script applies their own state to a shared
    copy (it set SHARED_COPY_COOKIE)."""
    return _is_plain_read(request) and SHARED_COPY_COOKIE in request.COOKIES


def _as_anonymous(request: HttpRequest) -> None:
    """Drop the request's cookies, so every layer below sees a reader nobody knows."""
    request.META.pop("HTTP_COOKIE", None)
    request.COOKIES = {}


def serve_cacheable(
    request: HttpRequest,
    render: Callable[[], HttpResponse],
    *,
    scopes: tuple[str, ...] = (SITE,),
    signed_in_readers: bool = False,
) -> HttpResponse:
    """Render a page the middleware may keep for anonymous readers.

    The versions are read before rendering (a change that lands meanwhile leaves this copy
    stale at once), and only for requests the middleware could store. ``signed_in_readers``:
    the page's script applies a signed-in reader's state to it, so they may be served it.
    """
    if not is_anonymous_reading(request):
        response = render()
        patch_cache_control(response, private=True)
        return response
    versions = request_versions(request, scopes)
    response = render()
    response.page_cache_scopes = scopes
    response.page_cache_versions = versions
    response.page_cache_signed_in_readers = signed_in_readers
    return response


@dataclass(frozen=True)
class CachedPage:
    scopes: tuple[str, ...]
    versions: tuple[str, ...]
    content: bytes
    headers: tuple[tuple[str, str], ...]
    etag: str
    stored_at: float
    signed_in_readers: bool = False

    def is_current(self) -> bool:
        return (
            time.time() < self.stored_at + settings.NEWSROOM_PAGE_CACHE_SECONDS
            and current_versions(self.scopes) == self.versions
        )

    @property
    def last_modified(self) -> int:
        stated = dict(self.headers).get("Last-Modified")  # feeds say when they last changed
        return (stated and parse_http_date_safe(stated)) or int(self.stored_at)

    def response(self, request: HttpRequest, status: str) -> HttpResponseBase:
        response = HttpResponse(self.content)
        for name, value in self.headers:
            response[name] = value
        _mark_shared(response, etag=self.etag, last_modified=self.last_modified, scopes=self.scopes)
        response[STATUS_HEADER] = status
        return get_conditional_response(
            request, etag=self.etag, last_modified=self.last_modified, response=response
        )


def _mark_shared(
    response: HttpResponseBase, *, etag: str, last_modified: int, scopes: tuple[str, ...]
) -> None:
    """The headers that let a CDN keep the page, revalidate it, and purge it by tag."""
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = (
        f"public, max-age=0, s-maxage={settings.NEWSROOM_CDN_CACHE_SECONDS}, "
        f"stale-while-revalidate={settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS}"
    )
    response["Surrogate-Key"] = " ".join(scopes)
    response["Cache-Tag"] = ",".join(scopes)
    patch_vary_headers(response, ("Cookie",))


def page_key(request: HttpRequest) -> str:
    """Where the copy of the page at the request's address is kept."""
    address = f"{request.get_host()}{request.get_full_path()}"
    return "page-cache:page:" + sha256(address.encode()).hexdigest()


def render_claim_key(request: HttpRequest) -> str:
    """Held by the one request rendering that page's next copy."""
    return page_key(request) + ":render"


def _is_shareable(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Nothing in the response belongs to this one reader."""
    session = getattr(request, "session", None)
    user = getattr(request, "user", None)
    return (
        response.status_code == 200
        and hasattr(response, "page_cache_versions")
        and not (user is not None and user.is_authenticated)
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not (session is not None and session.modified)
    )


def _is_rendering(claimed_at: object) -> bool:
    """A claim is honoured for RENDER_WAIT_SECONDS from when it was made. An older one was
    abandoned: its request died, or Redis ran it after a timeout had made the request give
    up (a paused Redis runs what it was sent once it resumes), and nobody will render."""
    return isinstance(claimed_at, float) and time.time() - claimed_at < RENDER_WAIT_SECONDS


class AnonymousPageCacheMiddleware:
    """Answer anonymous readers, and signed-in ones who may share, from the stored copy.

    Placed before every other middleware: a stored page is served without sessions,
    authentication, allauth or messages running, since an anonymous request without
    cookies needs none of them, and a signed-in reader's request served a shared copy
    has its cookies dropped here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.skipped = tuple(p for p in (settings.STATIC_URL, settings.MEDIA_URL) if p)

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.path.startswith(self.skipped):
            return self.get_response(request)
        if is_anonymous_reading(request):
            key = page_key(request)
            return self._serve(request, key, cache.get(key))
        if reads_shared_copy(request):
            key = page_key(request)
            stored: CachedPage | None = cache.get(key)
            if stored is not None and stored.signed_in_readers:
                _as_anonymous(request)
                return self._serve(request, key, stored)
        return self.get_response(request)

    def _serve(self, request: HttpRequest, key: str, stored: CachedPage | None) -> HttpResponseBase:
        if stored is not None and stored.is_current():
            return stored.response(request, "hit")
        claim = render_claim_key(request)
        if not cache.add(claim, time.time(), timeout=RENDER_CLAIM_SECONDS):
            if _is_rendering(cache.get(claim)):
                # Another request renders this page now: serve its previous copy, or wait
                # for the new one rather than render the same page again.
                if stored is not None:
                    return stored.response(request, "stale")
                waited = self._wait_for(key)
                if waited is not None:
                    return waited.response(request, "hit")
            # Nobody is: take the claim over (or render without one while the cache is away).
            cache.set(claim, time.time(), timeout=RENDER_CLAIM_SECONDS)
        try:
            return self._render(request, key)
        finally:
            cache.delete(claim)

    def _wait_for(self, key: str) -> CachedPage | None:
        deadline = time.monotonic() + RENDER_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(_WAIT_STEP_SECONDS)
            stored = cache.get(key)
            if stored is not None:
                return stored
        return None

    def _render(self, request: HttpRequest, key: str) -> HttpResponseBase:
        response = self.get_response(request)
        if not _is_shareable(request, response):
            if hasattr(response, "page_cache_versions"):
                patch_cache_control(response, private=True)
            return response
        copy = CachedPage(
            scopes=response.page_cache_scopes,
            versions=response.page_cache_versions,
            content=response.content,
            headers=tuple(
                (name, value)
                for name, value in response.items()
                if name.lower() not in _PER_RESPONSE
            ),
            etag='"' + sha256(response.content).hexdigest()[:32] + '"',
            stored_at=time.time(),
            signed_in_readers=response.page_cache_signed_in_readers,
        )
        # Kept past its freshness, to be served while its successor renders.
        keep = settings.NEWSROOM_PAGE_CACHE_SECONDS + settings.NEWSROOM_PAGE_CACHE_STALE_SECONDS
        cache.set(key, copy, timeout=keep)
        response[STATUS_HEADER] = "miss"
        _mark_shared(response, etag=copy.etag, last_modified=copy.last_modified, scopes=copy.scopes)
        return get_conditional_response(
            request, etag=copy.etag, last_modified=copy.last_modified, response=response
        )
