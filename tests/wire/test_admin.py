"""Editors in the Wagtail admin: import runs and stories to read, and guards on publishing."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from newsroom.wire.models import WireImportRun, WireStory
from newsroom.wire.services import wire_files_import
from tests.factories import UserFactory

EMBARGOED = "https://meridian-press.example/stories/mp-90004"
FERRY = "urn:harbourwire:2026:ferry-timetable-0412"


@pytest.fixture
def editor(client, db):
    user = UserFactory(username="desk-editor")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def run_import(source, *paths):
    return wire_files_import(
        source=source, section=source.section, paths=list(paths), trigger="command"
    )


def edit_form(article, **overrides) -> dict:
    data = {
        "title": article.title,
        "slug": article.slug,
        "standfirst": "",
        "byline": "",
        "lead_image": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield([("paragraph", rich_text("<p>Edited by the desk.</p>"))]),
        "wire_rights_notice": "",
        "wire_usage_terms": "",
        "tags": "",
        "comments_open": "on",
        "comments": inline_formset([]),
        "action-publish": "publish",
        **overrides,
    }
    return nested_form_data(data)


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


def test_editors_see_import_runs_with_counts_files_and_rejected_items(
    client, editor, harbour, samples
):
    run = run_import(harbour, samples / "bad_items.jsonl", samples / "ninjs1_story.json")

    index = client.get(reverse("wire_import_runs:index"))
    inspect = client.get(reverse("wire_import_runs:inspect", args=[run.pk]))

    assert index.status_code == 200 and "Harbour Wire" in index.content.decode()
    html = inspect.content.decode()
    assert inspect.status_code == 200
    assert "bad_items.jsonl, line 3: unsafe HTML in the body: &lt;script&gt; element" in html
    assert "ninjs1_story.json" in html


def test_editors_see_wire_stories_with_their_state(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    story = WireStory.objects.get()

    index = client.get(reverse("wire_stories:index"))
    inspect = client.get(reverse("wire_stories:inspect", args=[story.pk]))

    assert "Island ferry operator adds a late sailing" in index.content.decode()
    assert "Photo is a handout from the operator." in inspect.content.decode()


@pytest.mark.parametrize("name", ["wire_import_runs:add", "wire_stories:add"])
def test_nobody_writes_runs_or_stories_by_hand(client, db, name):
    client.force_login(UserFactory(username="root", is_superuser=True, is_staff=True))
    response = client.get(reverse(name))
    assert response.status_code in (302, 403)
    assert WireImportRun.objects.count() == 0


def test_the_edit_page_tells_about_an_embargo_and_the_agencys_note(
    client, editor, harbour, samples
):
    run_import(harbour, samples / "ninjs2_embargo.json", samples / "ninjs1_story.json")
    embargoed = WireStory.objects.get(uri=EMBARGOED).article

    response = client.get(reverse("wagtailadmin_pages:edit", args=[embargoed.pk]))

    (warning,) = messages_of(response)
    assert warning.startswith("Embargoed by Harbour Wire until 2099-01-15")
    assert "cannot be published before then" in warning
    ferry = WireStory.objects.get(uri=FERRY).article
    notes = messages_of(client.get(reverse("wagtailadmin_pages:edit", args=[ferry.pk])))
    assert notes == [
        "Note from Harbour Wire (never published): Photo is a handout from the operator."
    ]


def test_publishing_before_the_embargo_is_refused(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs2_embargo.json")
    article = WireStory.objects.get(uri=EMBARGOED).article

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(article, go_live_at=""),
        follow=True,
    )

    article.refresh_from_db()
    assert not article.live
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()
    assert any(m.startswith("Embargoed by Harbour Wire") for m in messages_of(response))


def test_publishing_at_the_embargo_schedules_it(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs2_embargo.json")
    article = WireStory.objects.get(uri=EMBARGOED).article
    go_live = timezone.localtime(WireStory.objects.get().embargoed_until) + timedelta(minutes=1)

    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        edit_form(article, go_live_at=go_live.strftime("%Y-%m-%d %H:%M")),
    )

    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None


def test_a_withdrawn_story_cannot_be_published_again(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = WireStory.objects.get().article
    article.get_latest_revision().publish()
    run_import(harbour, samples / "ninjs1_kill.json")

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]), edit_form(article), follow=True
    )

    article.refresh_from_db()
    assert not article.live
    assert any("withdrew this story (killed by its source)" in m for m in messages_of(response))


def test_a_waiting_version_is_announced_with_a_comparison(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = WireStory.objects.get().article
    article.get_latest_revision().publish()
    run_import(harbour, samples / "ninjs1_writethru.json")

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    compare = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, "live", "latest"])
    assert any(compare in m and "waits for an editor" in m for m in messages_of(response))
    assert client.get(compare).status_code == 200


def test_bulk_publishing_a_withdrawn_story_is_refused(client, editor, harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = WireStory.objects.get().article
    article.get_latest_revision().publish()
    run_import(harbour, samples / "ninjs1_kill.json")
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])

    client.post(f"{url}?id={article.pk}", {"include_descendants": ""})

    article.refresh_from_db()
    assert not article.live
