"""The listings box beside articles, and how listings print prices, yields and areas."""

from django import template
from django.conf import settings

from newsroom.listings import formats
from newsroom.listings.photos import PhotoSources, listing_photo_sources
from newsroom.listings.selectors import listing_box_for_article, listings_last_updated

register = template.Library()


@register.inclusion_tag("listings/partials/_box.html")
def listings_box(article) -> dict:
    """{% listings_box article=page %}: a few active listings, different for each article."""
    return {
        "listings": listing_box_for_article(article_id=article.pk, size=settings.LISTINGS_BOX_SIZE),
        "updated_at": listings_last_updated(),
    }


@register.simple_tag
def listing_photo(url: str, use: str) -> PhotoSources:
    """{% listing_photo listing.photo "box" as photo %}: src and srcset at the sizes shown."""
    return listing_photo_sources(url, use)


register.filter("yen", formats.yen)
register.filter("percent", formats.percent)
register.filter("square_metres", formats.square_metres)
