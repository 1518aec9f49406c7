import pytest

from tests.factories import ArticlePageFactory, UserFactory


@pytest.fixture(autouse=True)
def _trusted_readers(trusted_readers):
    """These tests are about the discussion: readers' comments publish at once."""


@pytest.fixture
def article(home):
    return ArticlePageFactory()


@pytest.fixture
def reader(client):
    """A signed-in reader (a module that needs a named one defines its own)."""
    user = UserFactory()
    client.force_login(user)
    return user
