import pytest
from django.contrib.auth.models import Group

from newsroom.moderation.models import MODERATORS_GROUP
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory


@pytest.fixture
def article(home):
    return ArticlePageFactory()


@pytest.fixture
def moderator():
    user = UserFactory(display_name="Mod Erika", slug="mod-erika")
    user.groups.add(Group.objects.get(name=MODERATORS_GROUP))
    return user


@pytest.fixture
def trusted(article, settings):
    """A reader with enough approved comments to be past every trust rule."""
    reader = UserFactory()
    needed = max(settings.NEWSROOM_PREMODERATE_FIRST, settings.NEWSROOM_LINKS_MIN_APPROVED)
    CommentFactory.create_batch(needed, article=article, author=reader)
    return reader
