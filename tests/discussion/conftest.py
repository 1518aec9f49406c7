import pytest


@pytest.fixture(autouse=True)
def _trusted_readers(settings):
    """These tests are about the discussion, not moderation: readers' comments publish at once.

    The pre-moderation of new readers and of their links is tested in tests/moderation.
    """
    settings.NEWSROOM_PREMODERATE_FIRST = 0
    settings.NEWSROOM_LINKS_MIN_APPROVED = 0
