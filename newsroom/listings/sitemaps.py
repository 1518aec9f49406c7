from django.contrib.sitemaps import Sitemap

from newsroom.listings.models import Listing


class ListingSitemap(Sitemap):
    """Listings still on the market; sold and withdrawn ones leave the sitemap."""

    changefreq = "daily"

    def items(self):
        return Listing.objects.on_market().select_related("provider").order_by("pk")

    def lastmod(self, listing: Listing):
        return listing.last_changed
