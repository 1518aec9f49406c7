"""Two-factor sign-in (issue 14.13): required for staff in the admin, optional for readers."""

import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
)
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"  # UserFactory's


@pytest.fixture(autouse=True)
def _two_factor_required(settings):
    settings.NEWSROOM_STAFF_TWO_FACTOR = True


def current_code(secret: str) -> str:
    counter = int(time.time()) // mfa_settings.TOTP_PERIOD  # the present period
    return format_hotp_value(hotp_value(secret, counter))


@pytest.fixture
def editor():
    user = UserFactory(email="desk@example.com")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def sign_in(client, user, next_url: str = ""):
    return client.post(
        f"{reverse('account_login')}?next={next_url}" if next_url else reverse("account_login"),
        {"login": user.email, "password": PASSWORD, "next": next_url},
    )


def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client, home, editor):
    assert sign_in(client, editor, next_url="/admin/").url == "/admin/"

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")
    # allauth asks for the password again before adding an authenticator.
    page = client.get(response.url, follow=True).content.decode()
    assert "Staff accounts sign in with two factors" in page
    assert "Confirm it is you" in page
    confirmed = client.post(
        f"{reverse('account_reauthenticate')}?next={response.url}",
        {"password": PASSWORD, "next": response.url},
        follow=True,
    )
    assert "Set up an authenticator app" in confirmed.content.decode()


def test_superusers_and_django_admin_are_covered_too(client, home):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    assert client.get("/django-admin/").url == reverse("mfa_activate_totp")
    assert client.get("/admin/moderation/").url == reverse("mfa_activate_totp")


def test_readers_are_not_asked_for_a_second_factor(client, home):
    client.force_login(UserFactory())

    response = client.get("/admin/")

    assert response.url != reverse("mfa_activate_totp")
    assert client.get("/").status_code == 200


def test_the_admins_password_only_forms_lead_to_the_sites_sign_in(client):
    for path in ("/admin/login/", "/django-admin/login/"):
        response = client.get(path, {"next": "/admin/pages/"})
        assert response.status_code == 302
        assert response.url == "/accounts/login/?next=%2Fadmin%2Fpages%2F"
        # Posting a password there signs nobody in.
        client.post(path, {"username": "x", "password": "y"})
        assert "_auth_user_id" not in client.session


def test_staff_with_an_app_sign_in_with_password_and_code_and_reach_the_admin(client, home, editor):
    secret = generate_totp_secret()
    TOTP.activate(editor, secret)

    after_password = sign_in(client, editor, next_url="/admin/")
    assert after_password.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in on the password alone
    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert wrong.status_code == 200
    assert "_auth_user_id" not in client.session
    done = client.post(reverse("mfa_authenticate"), {"code": current_code(secret)})

    assert done.status_code == 302 and done.url == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_reader_turns_on_an_authenticator_app_and_gets_recovery_codes(client, home):
    reader = UserFactory(email="careful@example.com")
    sign_in(client, reader)
    activate = reverse("mfa_activate_totp")
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD, "next": activate})

    page = client.get(activate)
    secret = client.session["mfa.totp.secret"]
    assert "Set up an authenticator app" in page.content.decode()
    turned_on = client.post(activate, {"code": current_code(secret)})

    assert turned_on.status_code == 302
    kinds = set(Authenticator.objects.filter(user=reader).values_list("type", flat=True))
    assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
    codes = client.get(reverse("mfa_view_recovery_codes")).content.decode()
    assert "Recovery codes" in codes and codes.count("<code>") >= 10
