"""The site's URLs plus the floor: a bare Django view answering with the bytes of a page."""

import os
from functools import cache
from pathlib import Path

from django.http import HttpRequest, HttpResponse
from django.urls import path

from newsroom.urls import urlpatterns as site_urlpatterns


@cache
def _floor_bytes() -> bytes:
    return Path(os.environ["BENCH_FLOOR_FILE"]).read_bytes()


def floor(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_floor_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("bench-floor/", floor), *site_urlpatterns]
