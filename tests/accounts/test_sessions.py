from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsroom.accounts.sessions import SessionStore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def stored(**data):
    session = SessionStore()
    session.update(data)
    session.create()
    return session.session_key


def test_a_live_session_is_read_in_one_query():
    key = stored(reader="ana", page=3)

    with CaptureQueriesContext(connection) as queries:
        session = SessionStore(key)
        assert dict(session) == {"reader": "ana", "page": 3}

    assert len(queries) == 1
    assert session.session_key == key


@pytest.mark.parametrize("key", ["expired", "unknown", None])
def test_an_expired_or_unknown_session_reads_empty_and_is_not_kept(key):
    if key == "expired":
        key = stored(reader="ana")
        Session.objects.filter(pk=key).update(expire_date=timezone.now() - timedelta(seconds=1))
    elif key == "unknown":
        key = "k" * 32

    session = SessionStore(key)

    assert dict(session) == {}
    assert session.session_key is None  # storing something makes a new key, never this one


def test_a_signed_in_reader_stays_signed_in_across_requests(client):
    reader = UserFactory()
    client.force_login(reader)

    response = client.get("/accounts/email/")

    assert response.status_code == 200
    assert response.wsgi_request.user == reader
    assert type(response.wsgi_request.session) is SessionStore  # the site's engine
