"""Uploaded media: renditions kept by browsers for a year, originals for a day."""

import pytest
from django.core.files.base import ContentFile

from newsroom.core.media import IMMUTABLE, REUSABLE_NAME, content_addressed_name
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db


def test_a_renditions_name_carries_a_digest_of_its_bytes():
    name = content_addressed_name("images/harbour.fill-480x270.webp", ContentFile(b"pixels"))

    assert name == "images/harbour.fill-480x270.6ec9c2b0eb140107.webp"


def test_a_rendition_is_served_as_immutable_for_a_year(client):
    rendition = ImageFactory().get_rendition("fill-240x135|format-webp")

    response = client.get(rendition.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == IMMUTABLE == "public, max-age=31536000, immutable"


def test_an_original_whose_name_can_come_back_is_kept_a_day(client):
    image = ImageFactory()

    response = client.get(image.file.url)

    assert response.status_code == 200
    assert response["Cache-Control"] == REUSABLE_NAME == "public, max-age=86400"


def test_a_new_photo_under_a_deleted_ones_file_name_gets_new_rendition_addresses(
    django_capture_on_commit_callbacks,
):
    old = ImageFactory(file__filename="IMG_0001.jpg", file__color="steelblue")
    old_url = old.get_rendition("fill-240x135|format-webp").url
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail deletes the files then
        old.delete()

    new = ImageFactory(file__filename="IMG_0001.jpg", file__color="darkred")
    new_url = new.get_rendition("fill-240x135|format-webp").url

    assert new.file.name == "original_images/IMG_0001.jpg"  # the name came back
    assert new_url != old_url


def test_a_missing_media_file_is_a_404_without_cache_headers(client, settings):
    response = client.get(settings.MEDIA_URL + "images/nothing.0123456789abcdef.webp")

    assert response.status_code == 404
    assert "immutable" not in response.get("Cache-Control", "")
