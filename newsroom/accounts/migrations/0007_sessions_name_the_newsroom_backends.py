"""Live sessions name the backend that signed their reader in: move those naming Django's
or allauth's to the newsroom's own (accounts/backends.py), which settings now list, so no
reader is signed out by the change."""

from django.contrib.auth import BACKEND_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import migrations
from django.utils import timezone

MOVED = {
    "django.contrib.auth.backends.ModelBackend": "newsroom.accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": (
        "newsroom.accounts.backends.AuthenticationBackend"
    ),
}
AT_ONCE = 1000


def _move(apps, moves: dict[str, str]) -> None:
    Session = apps.get_model("sessions", "Session")
    store = SessionStore()  # encodes as the site's store does (same secret, same salt)
    changed = []
    live = Session.objects.filter(expire_date__gt=timezone.now())
    for session in live.iterator(chunk_size=AT_ONCE):
        data = store.decode(session.session_data)
        if data.get(BACKEND_SESSION_KEY) in moves:
            data[BACKEND_SESSION_KEY] = moves[data[BACKEND_SESSION_KEY]]
            session.session_data = store.encode(data)
            changed.append(session)
        if len(changed) == AT_ONCE:
            Session.objects.bulk_update(changed, ["session_data"])
            changed = []
    Session.objects.bulk_update(changed, ["session_data"])


def forwards(apps, schema_editor) -> None:
    _move(apps, MOVED)


def backwards(apps, schema_editor) -> None:
    _move(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_notify_replies_covers_decisions"),
        ("sessions", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
