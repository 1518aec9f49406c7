"""The whole demo, loaded once for a module of tests that read it, then taken away again.

Loading the demo draws its photos, imports its listings feed and moderates its comments:
the slowest setup in the suite, so a module pays for it once, not once per test. The demo
is committed (a browser test's live server must see it); each test still runs in its own
transaction, rolled back after it, so what a test writes stays its own. When the module is
done, the database goes back to what migrations left in it, as ``serialized_rollback``
restores it, so the next module starts as if the demo had never been there.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connections
from django.test import override_settings

# Every module that uses the demo marks its tests so: pytest-django then sets the test
# database up with a serialized copy of its migrated state, which ``demo_loaded`` restores.
USES_DEMO = pytest.mark.django_db(serialized_rollback=True)


def _restore_migrated_state() -> None:
    for connection in connections.all():
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            database=connection.alias,
            reset_sequences=False,  # the restored rows keep their ids; new rows come after
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
    # The restored content types keep their migrated ids, which need not be the ones this
    # process cached since (a flush in between lets post_migrate give them new ones). The
    # cache is filled again at once: a live server's thread that found it empty while the
    # next module restores would write content types of its own between flush and restore.
    ContentType.objects.clear_cache()
    ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@contextmanager
def demo_loaded(django_db_blocker, media_root: Path) -> Iterator[None]:
    """Load the demo into the test database for the block, with the settings every test
    gets (tests/conftest.py): the fast hasher and a media folder of the test session."""
    hasher = "django.contrib.auth.hashers.MD5PasswordHasher"
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=[hasher], MEDIA_ROOT=media_root),
    ):
        call_command("load_demo", stdout=StringIO())
        try:
            yield
        finally:
            _restore_migrated_state()
