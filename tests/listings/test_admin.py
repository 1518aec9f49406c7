"""Editors see listings and every import run in the Wagtail admin; nobody edits them."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory
from tests.listings.factories import ImportRunFactory, ListingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(db):
    # Editors get the view permissions when migrations run: no grant here.
    user = UserFactory(username="editor")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editors_see_import_runs_with_their_counts_and_rejected_rows(client, editor):
    run = ImportRunFactory(
        file_name="/srv/drop/sakura-2026-03-01.csv",
        created=290,
        rejected=1,
        errors=[{"line": 14, "id": "SED-9", "reason": "unknown prefecture 'Atlantis'"}],
    )
    client.force_login(editor)

    index = client.get(reverse("listings_import_runs:index"))
    inspect = client.get(reverse("listings_import_runs:inspect", args=[run.pk]))

    assert index.status_code == 200
    assert "sakura-2026-03-01.csv" in index.content.decode()
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "290" in html
    assert "line 14: unknown prefecture &#x27;Atlantis&#x27; (id SED-9)" in html


def test_editors_browse_listings_in_the_admin(client, editor):
    ListingFactory(title="Corner plot near Kyoto Station", prefecture="kyoto")
    client.force_login(editor)

    response = client.get(reverse("listings_admin:index"), {"q": "corner"})

    assert response.status_code == 200
    assert "Corner plot near Kyoto Station" in response.content.decode()


@pytest.mark.parametrize("name", ["listings_import_runs:add", "listings_admin:add"])
def test_nobody_adds_listings_or_runs_by_hand_not_even_a_superuser(client, name):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))

    response = client.get(reverse(name))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert "/admin/" in response["Location"] and "/new/" not in response["Location"]
