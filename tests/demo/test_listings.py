"""The demo's invented provider feed: two days, imported once."""

from datetime import UTC, datetime

import pytest
from django.core.files.storage import default_storage

from newsroom.demo import listings as demo
from newsroom.listings.models import ImportRun, Listing, ListingChange, Provider

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 2, 6, 0, tzinfo=UTC)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in (Listing, ListingChange, ImportRun)}


def test_the_demo_imports_two_days_of_an_invented_feed_once(settings):
    demo.demo_listings_load(now=NOW, log=lambda message: None)
    first = counts()

    demo.demo_listings_load(now=NOW, log=lambda message: None)

    assert counts() == first
    provider = Provider.objects.get(slug=demo.PROVIDER_SLUG)
    assert provider.name == "Sakura Estate Data"
    day_one, day_two = ImportRun.objects.order_by("started_at")
    assert day_one.created == demo.LISTINGS_DAY_ONE and day_one.rejected == 0
    assert day_two.updated > 10 and day_two.withdrawn > 5 and day_two.created == 12
    assert day_two.rejected == 2
    assert {e["id"] for e in day_two.errors} == {"SED-90001", "SED-90002"}
    assert Listing.objects.values("prefecture").distinct().count() >= 40
    assert set(Listing.objects.values_list("status", flat=True)) == {
        "active",
        "under_offer",
        "sold",
        "withdrawn",
    }
    assert (settings.LISTINGS_DROP_DIR / demo.DAY_TWO_FILE).exists()


def test_demo_listings_share_a_small_set_of_drawn_photos():
    demo.demo_listings_load(now=NOW, log=lambda message: None)

    photos = {
        photo for photos in Listing.objects.values_list("photos", flat=True) for photo in photos
    }

    assert len(photos) == sum(demo.PHOTO_VARIANTS.values())
    for url in photos:
        assert url.startswith("/media/listings/demo/")
        assert default_storage.exists(url.removeprefix("/media/"))
