"""Every rule of the wire desk, on the sample files: one transaction per item, runs recorded."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from wagtail.models import PageLogEntry

from newsroom.articles.models import ArticlePage, Availability
from newsroom.wire.models import WireImportRun, WireStory
from newsroom.wire.services import (
    EXPIRED_TEXT,
    ImportAlreadyRunning,
    wire_files_import,
    wire_stories_expire,
)
from tests.factories import CommentFactory


def run_import(source, *paths: Path, rejections: list | None = None) -> WireImportRun:
    return wire_files_import(
        source=source,
        section=source.section,
        paths=list(paths),
        trigger="command",
        on_reject=rejections.append if rejections is not None else None,
    )


def story_article(uri: str) -> ArticlePage:
    return WireStory.objects.get(uri=uri).article.specific


def publish(article: ArticlePage) -> None:
    """What an editor's Publish does."""
    article.get_latest_revision().publish()
    article.refresh_from_db()


FERRY = "urn:harbourwire:2026:ferry-timetable-0412"
LANTERN = "https://meridian-press.example/stories/mp-88231"


def test_a_new_story_becomes_a_draft_under_its_sources_section(harbour, samples):
    run = run_import(harbour, samples / "ninjs1_story.json")

    assert (run.status, run.created, run.rejected) == (WireImportRun.Status.SUCCEEDED, 1, 0)
    article = story_article(FERRY)
    assert not article.live
    assert article.get_parent().pk == harbour.section.pk
    assert article.title == "Island ferry operator adds a late sailing for the winter"
    assert article.byline == "Mika Tanabe, Harbour Wire"
    assert article.standfirst.startswith("Commuters on the Seto line")
    assert [block.block_type for block in article.body] == [
        "paragraph",
        "paragraph",
        "quote",
        "paragraph",
        "paragraph",
    ]
    assert article.lead_image.title.startswith("The ferry Seto Maru")
    assert article.lead_image_caption.startswith("The ferry Seto Maru")
    assert article.lead_image_credit == "Harbour Wire pool photo"
    assert article.source == harbour
    assert article.rights.notice == "Copyright 2026 Harbour Wire. All rights reserved."
    assert article.rights.usage_terms.startswith("Harbour Wire copy may not be republished")
    assert "handout" not in json.dumps(article.get_latest_revision().content)  # ednote stays out
    assert WireStory.objects.get(uri=FERRY).ednote == "Photo is a handout from the operator."


def test_an_auto_publish_source_publishes_at_once(meridian, samples):
    run_import(meridian, samples / "ninjs2_story.json")

    article = story_article(LANTERN)
    assert article.live
    assert article.title == "Riverside lantern festival returns after a three-year pause"
    assert article.lead_image_credit == "Aya Mori / Meridian Press"
    assert article.rights.notice == "(c) 2026 Meridian Press Agency"


def test_an_item_without_its_own_notice_falls_back_to_the_sources(harbour, samples):
    path = samples / "own.json"
    path.write_text(json.dumps({"uri": "u1", "headline": "H", "body_html": "<p>Text.</p>"}))
    run_import(harbour, path)

    article = story_article("u1")
    year = article.publication_year
    assert article.rights.notice == f"Copyright {year} Harbour Wire. All rights reserved."
    assert article.rights.usage_terms == "Harbour Wire terms."


def test_importing_the_same_file_twice_changes_nothing(harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = story_article(FERRY)
    revisions = article.revisions.count()

    again = run_import(harbour, samples / "ninjs1_story.json")

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert article.revisions.count() == revisions
    assert ArticlePage.objects.count() == 1


def test_a_writethru_waits_for_an_editor_on_a_live_article(harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = story_article(FERRY)
    publish(article)

    run = run_import(harbour, samples / "ninjs1_writethru.json")

    assert run.updated == 1
    article.refresh_from_db()
    assert article.title == "Island ferry operator adds a late sailing for the winter"
    assert article.has_unpublished_changes
    latest = article.get_latest_revision_as_object()
    assert latest.title == "Island ferry operator adds two late sailings for the winter"
    assert "23:30" in str(latest.body)
    assert article.lead_image is not None and latest.lead_image is None  # v2 has no picture
    assert WireStory.objects.get(uri=FERRY).version == 2


def test_a_writethru_of_an_auto_publish_source_is_published(meridian, samples):
    run_import(meridian, samples / "ninjs2_story.json")
    newer = json.loads((samples / "ninjs2_story.json").read_text())
    newer["version"] = "5"
    newer["headlines"] = [{"role": "main", "value": "Lantern festival returns, organisers say"}]
    (samples / "v5.json").write_text(json.dumps(newer))

    run_import(meridian, samples / "v5.json")

    article = story_article(LANTERN)
    assert article.live and not article.has_unpublished_changes
    assert article.title == "Lantern festival returns, organisers say"


def test_an_older_version_changes_nothing(harbour, samples):
    run_import(harbour, samples / "ninjs1_writethru.json")
    run = run_import(harbour, samples / "ninjs1_story.json")

    assert (run.unchanged, run.updated) == (1, 0)
    article = story_article(FERRY)
    assert article.get_latest_revision_as_object().title.startswith(
        "Island ferry operator adds two"
    )


def test_without_a_version_number_the_version_time_orders_versions(harbour, samples):
    for name, when, headline in (
        ("a", "2026-11-20T10:00:00Z", "First"),
        ("b", "2026-11-20T09:00:00Z", "Earlier"),
    ):
        data = {"uri": "t", "versioncreated": when, "headline": headline, "body_html": "<p>x</p>"}
        (samples / f"{name}.json").write_text(json.dumps(data))
    run = run_import(harbour, samples / "a.json", samples / "b.json")

    assert (run.created, run.unchanged) == (1, 1)
    assert story_article("t").title == "First"


def test_the_same_version_with_a_different_text_is_a_conflict(harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    rejections = []

    run = run_import(harbour, samples / "ninjs1_conflict.json", rejections=rejections)

    assert run.rejected == 1
    (rejection,) = rejections
    assert rejection.file == "ninjs1_conflict.json"
    assert "version conflict" in rejection.reason
    assert run.errors == [
        {"file": "ninjs1_conflict.json", "where": "item 1", "reason": rejection.reason}
    ]
    assert story_article(FERRY).revisions.count() == 1


def test_bad_items_are_reported_one_by_one_and_the_good_ones_land(harbour, samples):
    rejections = []
    files = [samples / name for name in ("bad_items.jsonl", "bad_invalid.json", "feed_atom.xml")]
    run = run_import(harbour, *files, rejections=rejections)

    reasons = {(r.file, r.where): r.reason for r in rejections}
    assert "no uri" in reasons["bad_items.jsonl", "line 1"]
    assert "no headline" in reasons["bad_items.jsonl", "line 2"]
    assert "<script> element" in reasons["bad_items.jsonl", "line 3"]
    assert "<iframe> element" in reasons["bad_items.jsonl", "line 4"]
    assert "unknown picture file 'missing.jpg'" in reasons["bad_items.jsonl", "line 5"]
    assert "not valid JSON" in reasons["bad_items.jsonl", "line 6"]
    assert "not valid JSON" in reasons["bad_invalid.json", "the file"]
    assert (run.created, run.rejected) == (2, 7)
    assert set(WireStory.objects.values_list("uri", flat=True)) == {
        "urn:harbourwire:2026:good",
        "urn:northgate:2026:marathon-route",
    }
    assert ArticlePage.objects.count() == 2  # nothing half-written for the refused items


def test_a_picture_outside_the_items_folder_is_refused(harbour, samples, tmp_path):
    data = {
        "uri": "p",
        "headline": "H",
        "body_html": "<p>x</p>",
        "associations": {
            "p": {"type": "picture", "renditions": {"o": {"href": "../samples/../../etc/passwd"}}}
        },
    }
    (samples / "p.json").write_text(json.dumps(data))
    rejections = []
    run_import(harbour, samples / "p.json", rejections=rejections)
    assert "outside the item's folder" in rejections[0].reason


def test_a_picture_file_that_is_no_image_is_refused(harbour, samples):
    (samples / "fake.jpg").write_text("not an image")
    data = {
        "uri": "p",
        "headline": "H",
        "body_html": "<p>x</p>",
        "associations": {"p": {"type": "picture", "renditions": {"o": {"href": "fake.jpg"}}}},
    }
    (samples / "p.json").write_text(json.dumps(data))
    rejections = []
    run_import(harbour, samples / "p.json", rejections=rejections)
    assert "is not an image" in rejections[0].reason
    assert not WireStory.objects.exists()


def test_the_same_picture_is_one_image(harbour, meridian, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    data = json.loads((samples / "ninjs1_story.json").read_text())
    data["uri"] = "another"
    (samples / "another.json").write_text(json.dumps(data))
    run_import(harbour, samples / "another.json")

    assert story_article("another").lead_image_id == story_article(FERRY).lead_image_id


def test_rss_and_atom_items_become_articles(harbour, samples):
    run = run_import(harbour, samples / "feed_rss.xml", samples / "feed_atom.xml")

    assert run.created == 3
    bank = story_article("lantern-2026-5521")
    assert bank.lead_image_credit == "Lantern Feeds"  # picture found by its file name
    assert bank.rights.notice == "Copyright 2026 Lantern Feeds"


def test_an_embargoed_story_waits_for_its_time(harbour, meridian, samples):
    run_import(meridian, samples / "ninjs2_embargo.json")

    article = story_article("https://meridian-press.example/stories/mp-90004")
    assert not article.live
    assert article.go_live_at.year == 2099
    # The auto-publish source scheduled it: Wagtail publishes it at the embargo's end.
    assert article.get_latest_revision().approved_go_live_at.year == 2099


def test_a_kill_unpublishes_at_once_and_records_why(harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    article = story_article(FERRY)
    publish(article)

    run = run_import(harbour, samples / "ninjs1_kill.json")

    assert run.killed == 1
    article.refresh_from_db()
    assert not article.live
    assert article.availability == Availability.WITHDRAWN
    assert not article.comments_open
    story = WireStory.objects.get(uri=FERRY)
    assert story.status == WireStory.Status.CANCELED
    assert story.withdrawal_reason.startswith("KILL. The operator denies")
    entry = PageLogEntry.objects.filter(page=article, action="wire.canceled").get()
    assert entry.data["source"] == "Harbour Wire"


def test_a_kill_is_never_held_for_an_editor_and_is_final(harbour, samples):
    run_import(harbour, samples / "ninjs1_story.json")
    publish(story_article(FERRY))
    run_import(harbour, samples / "ninjs1_kill.json")
    newer = json.loads((samples / "ninjs1_writethru.json").read_text())
    newer["version"] = "9"
    (samples / "v9.json").write_text(json.dumps(newer))
    rejections = []

    run_import(harbour, samples / "v9.json", rejections=rejections)
    again = run_import(harbour, samples / "ninjs1_kill.json")

    assert "was killed by its source" in rejections[0].reason
    assert again.unchanged == 1
    assert not story_article(FERRY).live


def test_a_kill_cancels_a_scheduled_publication(meridian, samples):
    run_import(meridian, samples / "ninjs2_embargo.json")
    kill = {
        "uri": "https://meridian-press.example/stories/mp-90004",
        "headline": "K",
        "pubstatus": "canceled",
    }
    (samples / "k.json").write_text(json.dumps(kill))

    run_import(meridian, samples / "k.json")

    article = story_article("https://meridian-press.example/stories/mp-90004")
    assert not article.revisions.filter(approved_go_live_at__isnull=False).exists()


def test_a_kill_of_a_story_never_received_is_refused(harbour, samples):
    rejections = []
    run_import(harbour, samples / "ninjs1_kill.json", rejections=rejections)
    assert "a story never received" in rejections[0].reason


def test_a_withhold_is_lifted_by_a_newer_usable_version(meridian, samples):
    run_import(meridian, samples / "ninjs2_story.json")
    run_import(meridian, samples / "ninjs2_withhold.json")
    article = story_article(LANTERN)
    assert not article.live and article.availability == Availability.WITHDRAWN

    run_import(meridian, samples / "ninjs2_after_withhold.json")

    article.refresh_from_db()
    assert article.live and article.availability == Availability.AVAILABLE
    assert article.title == "Riverside lantern festival returns on December 12"
    assert WireStory.objects.get(uri=LANTERN).status == WireStory.Status.USABLE


def test_expiry_replaces_the_text_and_keeps_headline_address_and_comments(client, harbour, samples):
    harbour.usage_days = 30
    harbour.save()
    run_import(harbour, samples / "ninjs1_story.json")
    article = story_article(FERRY)
    publish(article)
    comment = CommentFactory(article=article, body="Good news for night workers.")
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(days=31)
    )

    assert wire_stories_expire() == 1
    assert wire_stories_expire() == 0  # once only

    article.refresh_from_db()
    assert article.live and article.availability == Availability.EXPIRED
    response = client.get(article.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert EXPIRED_TEXT in html
    assert "Island ferry operator adds a late sailing for the winter" in html
    assert "petition" not in html and "Seto Maru" not in html
    assert comment.body_html in html
    assert WireStory.objects.get(uri=FERRY).expired_at is not None


def test_stories_within_their_usage_period_do_not_expire(harbour, samples):
    harbour.usage_days = 30
    harbour.save()
    run_import(harbour, samples / "ninjs1_story.json")
    publish(story_article(FERRY))
    assert wire_stories_expire() == 0


def test_publishing_an_old_revision_cannot_bring_back_an_expired_story(client, harbour, samples):
    harbour.usage_days = 1
    harbour.save()
    run_import(harbour, samples / "ninjs1_story.json")
    article = story_article(FERRY)
    publish(article)
    first = article.get_latest_revision()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(days=2)
    )
    wire_stories_expire()

    first.publish()

    assert "petition" not in client.get(article.url).content.decode()


def test_two_runs_of_one_source_never_interleave(harbour, samples):
    now = timezone.now()
    WireImportRun.objects.create(
        source=harbour, trigger="command", started_at=now, heartbeat_at=now
    )
    with pytest.raises(ImportAlreadyRunning):
        run_import(harbour, samples / "ninjs1_story.json")
    assert not WireStory.objects.exists()


def test_a_run_left_running_by_a_dead_process_is_marked_and_replaced(harbour, samples, settings):
    long_ago = timezone.now() - timedelta(minutes=settings.WIRE_RUN_STALE_MINUTES + 1)
    dead = WireImportRun.objects.create(
        source=harbour, trigger="command", started_at=long_ago, heartbeat_at=long_ago
    )

    run = run_import(harbour, samples / "ninjs1_story.json")

    dead.refresh_from_db()
    assert dead.status == WireImportRun.Status.FAILED and "abandoned" in dead.failure
    assert run.status == WireImportRun.Status.SUCCEEDED


def test_a_long_run_says_it_is_alive_item_by_item(harbour, samples, monkeypatch):
    import newsroom.wire.services as services

    monkeypatch.setattr(services, "HEARTBEAT_INTERVAL", timedelta(0))
    seen = []
    real_import = services.wire_item_import

    def import_and_look(**kwargs):
        seen.append(WireImportRun.objects.values_list("started_at", "heartbeat_at").get())
        return real_import(**kwargs)

    monkeypatch.setattr(services, "wire_item_import", import_and_look)

    run_import(harbour, samples / "feed_rss.xml")  # two items, one file

    (started, first), (_, second) = seen
    assert first == started
    assert second > started  # the first item's heartbeat, before the file was done
