"""The listings box beside articles, and how listings print prices, yields and areas."""

from decimal import ROUND_HALF_UP, Decimal

from django import template
from django.conf import settings

from newsroom.listings.selectors import listing_box_for_article, listings_last_updated

register = template.Library()


@register.inclusion_tag("listings/partials/_box.html")
def listings_box(article) -> dict:
    """{% listings_box article=page %}: a few active listings, different for each article."""
    return {
        "listings": listing_box_for_article(article_id=article.pk, size=settings.LISTINGS_BOX_SIZE),
        "updated_at": listings_last_updated(),
    }


@register.filter
def yen(value) -> str:
    """58000000 -> "¥58,000,000"."""
    if value in (None, ""):
        return ""
    return f"¥{int(value):,}"


@register.filter
def percent(value) -> str:
    """Decimal("6.25") -> "6.3%": yields print with one decimal, rounded half up."""
    if value in (None, ""):
        return ""
    return f"{Decimal(value).quantize(Decimal('0.1'), ROUND_HALF_UP)}%"


@register.filter
def square_metres(value) -> str:
    """Decimal("123.40") -> "123.4 m²"; whole numbers without decimals."""
    if value in (None, ""):
        return ""
    number = Decimal(value).normalize()
    text = f"{number:,f}" if number == number.to_integral() else f"{number:,.2f}".rstrip("0")
    return f"{text} m²"
