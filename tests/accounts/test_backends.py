import importlib

import pytest
from django.apps import apps
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connection
from django.test.utils import CaptureQueriesContext

from newsroom.accounts.backends import AuthenticationBackend, ModelBackend
from newsroom.accounts.models import User
from newsroom.accounts.sessions import SessionStore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

ALLAUTH = "allauth.account.auth_backends.AuthenticationBackend"
OURS = "newsroom.accounts.backends.AuthenticationBackend"
moving = importlib.import_module(
    "newsroom.accounts.migrations.0007_sessions_name_the_newsroom_backends"
)


def session_of(user: User, backend: str) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = backend
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


@pytest.mark.parametrize("backend", [ModelBackend, AuthenticationBackend])
def test_the_user_is_read_in_one_query_with_every_column_as_the_orm_reads_it(backend):
    user = UserFactory(is_staff=True)

    with CaptureQueriesContext(connection) as queries:
        read = backend().get_user(user.pk)

    assert len(queries) == 1
    loaded = User.objects.get(pk=user.pk)
    assert {k: v for k, v in vars(read).items() if k != "_state"} == {
        k: v for k, v in vars(loaded).items() if k != "_state"
    }
    assert read.get_deferred_fields() == set()
    assert not read._state.adding


@pytest.mark.parametrize("user_id", [0, "0", "not a number", None])
def test_no_user_is_read_for_an_unknown_or_malformed_id(user_id):
    assert AuthenticationBackend().get_user(user_id) is None


def test_a_deactivated_account_is_not_signed_in():
    user = UserFactory(is_active=False)

    assert AuthenticationBackend().get_user(user.pk) is None


def test_signing_in_by_email_names_the_newsroom_backend_in_the_session(client):
    UserFactory(email="ana@example.com")

    response = client.post(
        "/accounts/login/",
        {"login": "ana@example.com", "password": "correct horse battery staple"},
    )

    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == OURS


def test_a_session_signed_in_before_the_move_stays_signed_in_after_it(client):
    reader = UserFactory()
    key = session_of(reader, ALLAUTH)
    client.cookies["sessionid"] = key
    assert client.get("/accounts/email/").status_code == 302  # to sign in: not a backend

    moving.forwards(apps, None)

    assert SessionStore(key)[BACKEND_SESSION_KEY] == OURS
    response = client.get("/accounts/email/")
    assert response.status_code == 200
    assert response.wsgi_request.user == reader
    moving.backwards(apps, None)
    assert SessionStore(key)[BACKEND_SESSION_KEY] == ALLAUTH
