import re

import pytest
from django.core import signing
from django.test import Client
from django.urls import reverse

from newsroom.discussion.notifications import unsubscribe_token_make
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return UserFactory(display_name="Aiko Tanaka", slug="aiko-tanaka")


def unsubscribe_url(token: str) -> str:
    return reverse("members:notifications-unsubscribe", kwargs={"token": token})


def with_payload(token: str, user_id: int) -> str:
    """The token with its signed value swapped for another reader's id, signature kept."""
    _, timestamp, signature = token.split(":")
    return ":".join([signing.b64_encode(str(user_id).encode()).decode(), timestamp, signature])


def test_the_unsubscribe_link_asks_before_it_changes_anything(client, reader):
    response = client.get(unsubscribe_url(unsubscribe_token_make(user=reader)))

    assert response.status_code == 200
    page = response.content.decode()
    assert '<form method="post">' in page
    assert 'name="csrfmiddlewaretoken"' in page
    reader.refresh_from_db()
    assert reader.notify_replies is True


def test_confirming_the_unsubscribe_link_stops_reply_emails_without_signing_in(reader):
    client = Client(enforce_csrf_checks=True)
    url = unsubscribe_url(unsubscribe_token_make(user=reader))
    page = client.get(url)
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]

    response = client.post(url, {"csrfmiddlewaretoken": csrf})

    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    reader.refresh_from_db()
    assert reader.notify_replies is False


def test_the_unsubscribe_form_is_protected_against_cross_site_posts(reader):
    client = Client(enforce_csrf_checks=True)

    response = client.post(unsubscribe_url(unsubscribe_token_make(user=reader)))

    assert response.status_code == 403
    reader.refresh_from_db()
    assert reader.notify_replies is True


def test_a_mail_providers_one_click_post_unsubscribes_without_a_csrf_token(reader):
    client = Client(enforce_csrf_checks=True)

    response = client.post(
        unsubscribe_url(unsubscribe_token_make(user=reader)),
        {"List-Unsubscribe": "One-Click"},
    )

    assert response.status_code == 200
    reader.refresh_from_db()
    assert reader.notify_replies is False


def test_a_one_click_post_still_needs_a_genuine_token(reader):
    client = Client(enforce_csrf_checks=True)
    token = unsubscribe_token_make(user=reader)[:-2] + "xx"

    response = client.post(unsubscribe_url(token), {"List-Unsubscribe": "One-Click"})

    assert response.status_code == 400
    reader.refresh_from_db()
    assert reader.notify_replies is True


@pytest.mark.parametrize(
    "forge",
    [
        pytest.param(lambda token, user: token[:-2] + "xx", id="tampered signature"),
        pytest.param(lambda token, user: "not-a-token", id="garbage"),
        pytest.param(lambda token, user: signing.dumps(user.pk), id="signed for another purpose"),
        pytest.param(
            lambda token, user: with_payload(token, UserFactory().pk), id="another reader's id"
        ),
        pytest.param(
            lambda token, user: unsubscribe_token_make(user=UserFactory.build(pk=99_999)),
            id="no such reader",
        ),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_bad_unsubscribe_link_answers_400_and_changes_nothing(client, reader, forge, method):
    token = forge(unsubscribe_token_make(user=reader), reader)

    response = getattr(client, method)(unsubscribe_url(token))

    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    reader.refresh_from_db()
    assert reader.notify_replies is True


def test_the_email_settings_page_needs_a_signed_in_reader(client):
    response = client.get(reverse("accounts:account-settings"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_readers_switch_reply_emails_off_and_on_in_their_settings(client, reader):
    client.force_login(reader)
    url = reverse("accounts:account-settings")
    checkbox = re.compile(r'<input type="checkbox" name="notify_replies"[^>]*>')
    assert "checked" in checkbox.search(client.get(url).content.decode())[0]

    response = client.post(url, {}, follow=True)

    assert response.redirect_chain == [(url, 302)]
    assert "We will no longer email you" in response.content.decode()
    reader.refresh_from_db()
    assert reader.notify_replies is False
    assert "checked" not in checkbox.search(client.get(url).content.decode())[0]

    response = client.post(url, {"notify_replies": "on"}, follow=True)

    assert "We will email you when someone answers" in response.content.decode()
    reader.refresh_from_db()
    assert reader.notify_replies is True
