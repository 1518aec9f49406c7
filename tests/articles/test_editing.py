"""Editors work in the Wagtail admin: drafts, previews and scheduled publishing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.articles.models import ArticlePage
from tests.factories import ImageFactory, SectionPageFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(username="desk-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def article_form(**overrides) -> dict:
    image = ImageFactory()
    data = {
        "title": "Council approves new bridge",
        "slug": "council-approves-new-bridge",
        "standfirst": "The vote was close.",
        "byline": "By Desk Editor",
        "lead_image": image.pk,
        "lead_image_caption": "The old bridge at dusk.",
        "lead_image_credit": "Staff photo",
        "body": streamfield([("paragraph", rich_text("<p>The council voted 12 to 11.</p>"))]),
        "wire_rights_notice": "",
        "tags": "",
        "comments_open": "on",
        "comments": inline_formset([]),
        **overrides,
    }
    return nested_form_data(data)


def test_editor_saves_a_draft_that_readers_cannot_see(client, home, editor):
    section = SectionPageFactory(title="National")
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk])

    assert client.get(url).status_code == 200
    response = client.post(url, article_form())

    article = ArticlePage.objects.get(slug="council-approves-new-bridge")
    assert response.status_code == 302
    assert not article.live
    client.logout()
    assert client.get(f"{section.url}council-approves-new-bridge/").status_code == 404
    assert "Council approves new bridge" not in client.get(section.url).content.decode()


def test_editor_previews_a_draft(client, home, editor):
    section = SectionPageFactory(title="National")
    client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]),
        article_form(),
    )
    article = ArticlePage.objects.get(slug="council-approves-new-bridge")
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[article.pk])

    client.post(preview_url, article_form())
    response = client.get(preview_url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Council approves new bridge" in html and "The old bridge at dusk." in html


def test_editor_schedules_publishing_for_later(client, home, editor):
    section = SectionPageFactory(title="National")
    go_live = timezone.localtime() + timedelta(days=1)
    form = article_form(
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "publish"}
    )

    client.post(
        reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]), form
    )

    article = ArticlePage.objects.get(slug="council-approves-new-bridge")
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None


def test_editor_cannot_add_an_article_outside_a_section(client, home, editor):
    url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", home.pk])

    assert client.get(url).status_code in (302, 403)
    assert not ArticlePage.objects.exists()
