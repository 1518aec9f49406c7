"""A teaser's photo: what ``{% srcset_image %}`` renders, with its filters parsed once.

Wagtail's tag builds and parses its filters again on every render, which is most of a
teaser's cost on a home page of eighteen; the filters here are built when the module
loads and shared (a Filter keeps nothing of the image it is used on).
"""

from django import template
from django.utils.safestring import SafeString
from wagtail.images.models import AbstractImage, Filter, ResponsiveImage
from wagtail.images.shortcuts import get_renditions_or_not_found

register = template.Library()

TEASER_FILTERS = [
    Filter(spec=spec)
    for spec in Filter.expand_spec("fill-{240x135,480x270,800x450,1200x675}|format-webp")
]


@register.simple_tag
def teaser_image(image: AbstractImage, *, sizes: str, eager: bool = False) -> SafeString:
    """The photo at the sizes a teaser shows it; ``eager``: the page's first photo, fetched at
    once and first, the others lazily."""
    loading = {"fetchpriority": "high"} if eager else {"loading": "lazy"}
    renditions = get_renditions_or_not_found(image, TEASER_FILTERS)
    attributes = {"sizes": sizes, "class": "teaser__image", "alt": "", **loading}
    return ResponsiveImage(renditions, attributes).__html__()
