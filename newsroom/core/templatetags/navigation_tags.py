"""Site chrome: the section menu, built from the live pages under the site root."""

from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/section_nav.html", takes_context=True)
def section_nav(context) -> dict:
    request = context["request"]
    site = Site.find_for_request(request)
    items = []
    if site is not None:
        current = context.get("page")
        for page in site.root_page.get_children().live().in_menu().specific(defer=True):
            page.active = current is not None and current.path.startswith(page.path)
            items.append(page)
    return {"items": items, "request": request}
