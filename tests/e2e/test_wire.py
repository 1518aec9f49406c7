"""The wire desk end to end: a file in the drop folder becomes a story an editor publishes,
with the agency's credit and rights; the agency's kill withdraws it, its discussion stays."""

import shutil
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from newsroom.wire.models import WireStory
from newsroom.wire.tasks import import_wire_drop_folders
from tests.e2e.conftest import screenshot
from tests.factories import CommentFactory, SectionPageFactory, SourceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "correct horse battery staple"  # UserFactory's
SAMPLES = Path(__file__).resolve().parents[1] / "wire" / "samples"
HEADLINE = "Island ferry operator adds a late sailing for the winter"


@pytest.fixture
def drop_folder(settings, tmp_path, live_server, home):
    section = SectionPageFactory(parent=home, title="Local", slug="local")
    SourceFactory(name="Harbour Wire", rights_holder="Harbour Wire", section=section)
    editor = UserFactory(username="desk-editor")
    editor.groups.add(Group.objects.get(name="Editors"))
    settings.WIRE_DROP_DIR = tmp_path / "incoming"
    folder = settings.WIRE_DROP_DIR / "harbour-wire"
    folder.mkdir(parents=True)
    return folder


def test_a_dropped_story_is_published_by_an_editor_then_killed_by_its_agency(
    live_server, drop_folder, browser
):
    base = live_server.url
    shutil.copy(SAMPLES / "ninjs1_story.json", drop_folder)
    shutil.copy(SAMPLES / "ferry.jpg", drop_folder)

    # The periodic task takes the file in: a draft waits for an editor.
    (run,) = import_wire_drop_folders.enqueue().return_value
    assert run["summary"].startswith("created 1,")
    article = WireStory.objects.get().article
    assert not article.live

    # An editor publishes it from the Wagtail admin.
    editor = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    editor.goto(f"{base}/admin/login/?next=/admin/pages/{article.pk}/edit/")
    # The admin's sign-in sends staff to the site's (email and password).
    editor.get_by_label("Email:").fill("desk-editor@example.com")
    editor.get_by_label("Password:").fill(PASSWORD)
    editor.get_by_role("button", name="Sign in").click()
    expect(editor.get_by_text("Note from Harbour Wire (never published)")).to_be_visible()
    screenshot(editor, "wire-admin-draft")
    editor.get_by_role("button", name="More actions").last.click()
    editor.get_by_role("button", name="Publish").click()
    expect(editor.get_by_text(f"Page '{HEADLINE}' has been published.")).to_be_visible()

    # Readers see the story with the agency's photo credit and rights.
    article.refresh_from_db()
    assert article.live
    CommentFactory(article=article, body="I take the last ferry home every night.")
    reader: Page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader.goto(f"{base}{article.url}")
    expect(reader.locator("h1")).to_have_text(HEADLINE)
    expect(reader.locator(".lead-figure .credit")).to_have_text("Harbour Wire pool photo")
    rights = reader.locator(".rights-notice")
    expect(rights).to_contain_text("Copyright 2026 Harbour Wire. All rights reserved.")
    expect(rights).to_contain_text("Harbour Wire copy may not be republished")
    expect(reader.locator(".article__body")).to_contain_text("signed by 1,200 residents")
    screenshot(reader, "wire-story-published")

    # The agency kills it: the address now says so, and the discussion is still there.
    shutil.copy(SAMPLES / "ninjs1_kill.json", drop_folder)
    (run,) = import_wire_drop_folders.enqueue().return_value
    assert "killed 1" in run["summary"]
    reader.goto(f"{base}{article.url}")
    expect(reader.get_by_role("status")).to_contain_text("withdrawn by its source, Harbour Wire")
    expect(reader.get_by_text("I take the last ferry home every night.")).to_be_visible()
    expect(reader.get_by_text("signed by 1,200 residents")).to_have_count(0)
    screenshot(reader, "wire-story-withdrawn")
    reader.goto(f"{base}/local/")
    expect(reader.get_by_text(HEADLINE)).to_have_count(0)

    # Editors see both runs, with what each did.
    editor.goto(f"{base}/admin/wire/import-runs/")
    rows = editor.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("drop folder")
    screenshot(editor, "wire-admin-import-runs")
