"""Site chrome: the section menu, built from the live pages under the site root."""

from dataclasses import dataclass

from django import template
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from wagtail.models import Site

from newsroom.core import page_cache

register = template.Library()


@dataclass(frozen=True)
class MenuItem:
    path: str
    url: str
    title: str


def _menu(site: Site, request: HttpRequest) -> list[MenuItem]:
    """The site's menu, kept under the site's version: every page shows it, and it changes
    only when a page is published, moved or withdrawn (``page_cache.site_changed``)."""
    (version,) = page_cache.request_versions(request, (page_cache.SITE,))
    key = f"section-nav:{site.pk}:{version}"
    items = cache.get(key)
    if items is None:
        pages = site.root_page.get_children().live().in_menu().specific(defer=True)
        items = [MenuItem(page.path, page.get_url(request), page.title) for page in pages]
        cache.set(key, items, settings.NEWSROOM_PART_CACHE_SECONDS)
    return items


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context) -> dict:
    request = context["request"]
    site = Site.find_for_request(request)
    current = context.get("page")
    items = [
        {"item": item, "active": current is not None and current.path.startswith(item.path)}
        for item in (_menu(site, request) if site is not None else [])
    ]
    return {"items": items}
