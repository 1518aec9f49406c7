import pytest

from tests.factories import ArticlePageFactory, UserFactory


@pytest.fixture(autouse=True)
def _trusted_readers(settings):
    """These tests are about the discussion, not moderation: readers' comments publish at once.

    The pre-moderation of new readers and of their links is tested in tests/moderation.
    """
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0


@pytest.fixture
def article(home):
    return ArticlePageFactory()


@pytest.fixture
def reader(client):
    """A signed-in reader (a module that needs a named one defines its own)."""
    user = UserFactory()
    client.force_login(user)
    return user
