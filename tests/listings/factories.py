from datetime import UTC, datetime
from decimal import Decimal

import factory

from newsroom.listings.models import ImportRun, Listing, PropertyType, Provider

FIRST_SEEN = datetime(2026, 3, 1, 6, 0, tzinfo=UTC)


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Provider
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"provider-{n}")
    name = factory.LazyAttribute(lambda provider: provider.slug.replace("-", " ").title())
    website = "https://provider.example/"


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    provider = factory.SubFactory(ProviderFactory)
    provider_listing_id = factory.Sequence(lambda n: f"L-{n:05d}")
    title = factory.Sequence(lambda n: f"Eight-unit apartment building number {n}")
    property_type = PropertyType.APARTMENT_BUILDING
    prefecture = "tokyo"
    city = "Setagaya"
    station = "Sangen-Jaya"
    walk_minutes = 7
    price_yen = 58_000_000
    gross_yield = Decimal("6.20")
    year_built = 2004
    structure = "rc"
    building_area = Decimal("240.50")
    land_area = Decimal("130.00")
    units = 8
    description = "A tidy building on a quiet street."
    photos = factory.LazyFunction(lambda: ["https://photos.example/1.jpg"])
    url = factory.LazyAttribute(
        lambda listing: f"https://provider.example/{listing.provider_listing_id}"
    )
    status = Listing.Status.ACTIVE
    first_seen = FIRST_SEEN
    last_seen = FIRST_SEEN
    last_changed = FIRST_SEEN
    shuffle_key = factory.LazyAttribute(
        lambda listing: Listing.shuffle_key_for(listing.provider.pk, listing.provider_listing_id)
    )


class ImportRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImportRun

    provider = factory.SubFactory(ProviderFactory)
    file_name = "/srv/drop/feed.csv"
    full = True
    status = ImportRun.Status.SUCCEEDED
    started_at = FIRST_SEEN
    finished_at = FIRST_SEEN
