"""Gzip for the pages every anonymous reader shares, and for nothing else.

Compressing a response that holds a secret next to text an attacker can put in it (a
search query, a comment, a URL) lets the attacker recover the secret from the
compressed sizes (BREACH). The secrets of this site are the CSRF token, which only a
signed-in reader's page and the forms of the sign-in pages carry, and whatever a page
says about one reader. So only a page that is the same for every reader is compressed:
one the anonymous page cache has marked shared (``Cache-Control: public``, given only
to a response with no cookie, no session change and no CSRF token, see
``page_cache._is_shareable``), answered to a request that is itself an anonymous read
(no session, no messages). Every other page, a signed-in reader's above all, goes out
uncompressed. With the page cache off (``PAGE_CACHE_SECONDS=0``) nothing is compressed.

Static files are compressed ahead of time by WhiteNoise, which answers them before
this middleware runs; photos are compressed already, so only text is.
"""

from django.http import HttpRequest
from django.http.response import HttpResponseBase
from django.middleware.gzip import GZipMiddleware

from newsroom.core.page_cache import is_anonymous_reading

COMPRESSIBLE_TYPES = (
    "text/",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "application/json",
)


def is_shared_with_every_reader(response: HttpResponseBase) -> bool:
    directives = {
        directive.split("=", 1)[0].strip().lower()
        for directive in response.get("Cache-Control", "").split(",")
    }
    return "public" in directives and "private" not in directives


def is_safe_to_compress(request: HttpRequest, response: HttpResponseBase) -> bool:
    """Text that is the same for every reader: nothing in it is a secret (module docstring)."""
    return (
        is_anonymous_reading(request)
        and is_shared_with_every_reader(response)
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
    )


class SharedPageGZipMiddleware(GZipMiddleware):
    """Django's gzip, for the responses ``is_safe_to_compress`` allows.

    It sits above the page cache, so a stored copy is compressed as it is answered
    (the cache keeps the plain bytes) and its strong ETag turns weak, which Django's
    conditional answers (the page cache's 304s) still match.
    """

    def process_response(self, request: HttpRequest, response: HttpResponseBase):
        if not is_safe_to_compress(request, response):
            return response
        return super().process_response(request, response)
