"""A reader downloads their own data as JSON (issue 14.11)."""

import json

import pytest
from django.urls import reverse

from newsroom.accounts.models import DataExport
from newsroom.accounts.services import user_set_display_name
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return user_set_display_name(
        user=UserFactory(display_name=None, slug=None, email="nao@example.com"),
        display_name="Nao Abe",
    )


def test_a_reader_downloads_their_profile_as_a_json_file(client, home, reader):
    client.force_login(reader)

    response = client.post(reverse("accounts:data-export"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith('attachment; filename="newsroom-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    profile = data["profile"]
    assert (profile["display_name"], profile["email"]) == ("Nao Abe", "nao@example.com")
    assert profile["names"][0]["slug"] == "nao-abe"
    assert profile["email_addresses"] == [
        {"email": "nao@example.com", "verified": True, "primary": True}
    ]
    assert len(profile["data_exports"]) == 1


def test_the_export_is_logged_and_limited_to_a_few_a_day(client, home, reader, settings):
    settings.NEWSROOM_DATA_EXPORTS_PER_DAY = 2
    client.force_login(reader)
    url = reverse("accounts:data-export")

    answers = [client.post(url).status_code for _ in range(3)]

    assert answers == [200, 200, 429]
    assert DataExport.objects.filter(user=reader).count() == 2
    assert "2 times a day" in client.post(url).content.decode()


def test_only_the_signed_in_reader_gets_only_their_own_data(client, home, reader):
    assert client.post(reverse("accounts:data-export")).status_code == 302  # to sign in
    client.force_login(UserFactory(display_name="Other One", slug="other-one"))

    data = json.loads(client.post(reverse("accounts:data-export")).content)

    assert data["profile"]["display_name"] == "Other One"
    assert "Nao Abe" not in json.dumps(data)


def test_the_export_is_a_post_so_a_link_cannot_trigger_it(client, home, reader):
    client.force_login(reader)

    assert client.get(reverse("accounts:data-export")).status_code == 405
    assert not DataExport.objects.exists()
