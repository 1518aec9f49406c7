import pytest
from django.core.cache import caches
from wagtail.models import Page, Site

from newsroom.articles.models import HomePage
from newsroom.core.ratelimit import rate_limits_reset


def pytest_collection_modifyitems(config, items):
    """A test that commits (``transaction=True``) must also restore the migrated state
    (``serialized_rollback=True``). Without it, the flush after it lets post_migrate create
    content types under new ids, which the next restoring test then collides with, and a
    test that follows a restoring one starts on an empty database whose content types are
    created again under ids this process has not cached."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            raise pytest.UsageError(
                f"{item.nodeid}: django_db(transaction=True) needs serialized_rollback=True"
            )


@pytest.fixture
def trusted_readers(settings):
    """Readers' comments publish at once: for tests about the discussion, not about the
    pre-moderation of new readers and of their links (tests/moderation)."""
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path_factory):
    # Django resets its hasher cache on setting_changed, so this takes effect at once.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Static files come from the finders; the hashed manifest exists only after collectstatic.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.MEDIA_ROOT = tmp_path_factory.getbasetemp() / "media"
    # No test scores with a moderation model trained outside it.
    settings.NEWSROOM_MODERATION_MODEL_FILE = tmp_path_factory.mktemp("moderation") / "model.npz"
    # Stored pages answer with no query at all: a test that counts a page's queries must see
    # it rendered. Tests of the page cache turn it on (the `page_cache` fixture).
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 0
    # Staff reach the admin only with two-factor sign-in; tests about it turn it on
    # (tests/accounts/test_two_factor.py), the others sign staff in with a password.
    settings.NEWSROOM_STAFF_TWO_FACTOR = False
    # Row ids are reused after each test's rollback, so cached renditions and pages must go too.
    for cache in caches.all():
        cache.clear()
    rate_limits_reset()


@pytest.fixture
def page_cache(settings) -> None:
    settings.NEWSROOM_PAGE_CACHE_SECONDS = 120


@pytest.fixture
def home(db) -> HomePage:
    """The site's home page, in place of Wagtail's welcome page, as the default site's root."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="The Newsroom", slug="front"))
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home
