"""Every view that reads a whole number from the query string, fuzzed (issue 14).

Unicode digits pass ``str.isdigit()`` and then fail ``int()``; numbers past 2**63 fail
deep in a query. Whatever a parameter holds, the answer is a page or a 4xx, never a 500.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from newsroom.moderation.models import MODERATORS_GROUP
from tests.factories import ArticlePageFactory, CommentFactory, UserFactory

pytestmark = pytest.mark.django_db

HOSTILE_NUMBERS = [
    "²", "①", "٣", "\uff17", "-1", "1e3", "0x10", " 7", "3.5", "",
    "9223372036854775807", "9223372036854775808", "9" * 40,
]  # fmt: skip


@pytest.fixture
def pages(home):
    article = ArticlePageFactory()
    comment = CommentFactory(article=article)
    return {"article": article, "comment": comment, "section": article.get_parent()}


def public_urls(pages) -> list[str]:
    article, section, comment = pages["article"], pages["section"], pages["comment"]
    comments = reverse("discussion:comment-list", args=[article.pk])
    member = reverse("members:member-detail", args=[comment.author.slug])
    return [
        f"{article.url}?comment={{}}",
        f"{article.url}?sort=best&comment={{}}",
        f"{section.url}?page={{}}",
        f"{comments}?offset={{}}",
        f"{comments}?offset=0&pinned={{}}",
        f"{member}?page={{}}",
        f"{reverse('search:results')}?q=minister&page={{}}",
        f"{reverse('listings:listing-index')}?page={{}}",
    ]


def moderator_urls() -> list[str]:
    queue, log = reverse("moderation:queue"), reverse("moderation:log")
    return [
        f"{queue}?page={{}}",
        f"{queue}?article={{}}",
        f"{queue}?reader={{}}",
        f"{log}?page={{}}",
        f"{log}?actor={{}}",
        f"{log}?reader={{}}",
    ]


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_public_pages_answer_bad_numbers_without_a_server_error(client, pages, value):
    for url in public_urls(pages):
        response = client.get(url.format(value))
        assert response.status_code < 500, url.format(value)


@pytest.mark.parametrize("value", HOSTILE_NUMBERS)
def test_moderation_views_answer_bad_numbers_without_a_server_error(client, pages, value):
    moderator = UserFactory()
    moderator.groups.add(Group.objects.get_or_create(name=MODERATORS_GROUP)[0])
    client.force_login(moderator)
    for url in moderator_urls():
        response = client.get(url.format(value))
        assert response.status_code < 500, url.format(value)
