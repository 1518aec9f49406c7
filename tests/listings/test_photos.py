"""Listing photos come at the sizes pages show them, with srcset (issue 12, point 11)."""

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image

from newsroom.listings.photos import listing_photo_sources
from tests.factories import ArticlePageFactory
from tests.listings.factories import ListingFactory

pytestmark = pytest.mark.django_db


def stored_photo(name: str, size=(960, 640)) -> str:
    """A JPEG of ``size`` in media storage, as the demo keeps its provider's photos; its URL."""
    out = io.BytesIO()
    Image.effect_noise(size, 40).convert("RGB").save(out, "JPEG", quality=90)  # photo-like
    default_storage.delete(name)
    return default_storage.url(default_storage.save(name, ContentFile(out.getvalue())))


def img_tags(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<img class="{css_class}"[^>]*>', html)


def attribute(tag: str, name: str) -> str:
    return re.search(rf'\s{name}="([^"]*)"', tag).group(1)


def size_of(url: str) -> tuple[int, int]:
    with default_storage.open(url.removeprefix("/media/")) as file:
        return Image.open(file).size


def test_the_box_beside_articles_loads_96x72_thumbnails_with_a_2x_source(client, home):
    photo = stored_photo("listings/test/box.jpg")
    ListingFactory.create_batch(4, photos=[photo])
    article = ArticlePageFactory()

    tags = img_tags(client.get(article.url).content.decode(), "listing-mini__photo")

    assert len(tags) == 4
    src, srcset = attribute(tags[0], "src"), attribute(tags[0], "srcset")
    assert src == "/media/listings/renditions/96x72/listings/test/box.jpg"
    assert srcset == f"{src} 1x, /media/listings/renditions/192x144/listings/test/box.jpg 2x"
    assert size_of(src) == (96, 72)
    assert size_of(srcset.split(", ")[1].split()[0]) == (192, 144)
    assert default_storage.size(src.removeprefix("/media/")) * 10 < default_storage.size(
        "listings/test/box.jpg"
    )


def test_index_cards_offer_widths_for_the_browser_to_choose(client):
    ListingFactory(photos=[stored_photo("listings/test/card.jpg")])

    (tag,) = img_tags(client.get("/listings/").content.decode(), "listing-card__photo")

    candidates = dict(reversed(c.split()) for c in attribute(tag, "srcset").split(", "))
    assert sorted(candidates) == ["320w", "480w", "640w"]
    assert size_of(candidates["320w"]) == (320, 213)
    assert attribute(tag, "src") == candidates["320w"]
    assert attribute(tag, "sizes").endswith(", 19rem")


def test_a_listing_page_shows_its_lead_photo_first_and_gallery_photos_smaller(client):
    lead, other = stored_photo("listings/test/lead.jpg"), stored_photo("listings/test/other.jpg")
    listing = ListingFactory(photos=[lead, other])

    html = client.get(listing.get_absolute_url()).content.decode()

    first, second = re.findall(r'<a href="[^"]*" class="listing__photo[^"]*"><img [^>]*>', html)
    assert f'<a href="{lead}"' in first  # the link still opens the full photo
    assert re.findall(r"\d+w", attribute(first, "srcset")) == ["480w", "960w"]
    assert 'fetchpriority="high"' in first and "loading" not in first
    assert re.findall(r"\d+w", attribute(second, "srcset")) == ["240w", "480w"]
    assert 'loading="lazy"' in second


def test_a_photo_is_never_scaled_up():
    sources = listing_photo_sources(stored_photo("listings/test/small.jpg", (300, 200)), "card")

    assert sources.srcset == ""
    assert sources.src == "/media/listings/test/small.jpg"


def test_renditions_are_made_once(client):
    photo = stored_photo("listings/test/once.jpg")
    first = listing_photo_sources(photo, "box")
    made = default_storage.get_modified_time(first.src.removeprefix("/media/"))

    again = listing_photo_sources(photo, "box")

    assert again == first
    assert default_storage.get_modified_time(again.src.removeprefix("/media/")) == made


@pytest.mark.parametrize(
    "url",
    [
        "https://photos.example/1.jpg",  # hosted by the provider: shown as it is
        "/media/../../etc/passwd",  # outside media storage
        "/media/listings/test/missing.jpg",
    ],
)
def test_photos_we_cannot_resize_are_shown_as_they_are(url):
    assert listing_photo_sources(url, "box").srcset == ""
    assert listing_photo_sources(url, "box").src == url
