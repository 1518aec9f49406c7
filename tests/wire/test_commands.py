"""`newsroom import-wire`, the drop folders and the expiry command."""

import shutil
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from newsroom.articles.models import ArticlePage, Source
from newsroom.cli import ALIASES
from newsroom.wire.models import WireImportRun, WireStory
from newsroom.wire.tasks import expire_wire_stories, import_wire_drop_folders
from tests.factories import SectionPageFactory

FERRY = "urn:harbourwire:2026:ferry-timetable-0412"


def command(*args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("import_wire", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_the_cli_offers_import_wire():
    assert ALIASES["import-wire"][0] == "import_wire"


def test_import_a_file_for_a_known_source(harbour, samples):
    out, err = command("--source", "Harbour Wire", str(samples / "ninjs1_story.json"))
    assert "created 1, updated 0, unchanged 0, killed 0, rejected 0" in out
    assert err == ""
    assert WireStory.objects.filter(source=harbour, uri=FERRY).exists()


def test_a_folder_imports_every_wire_file_in_it_and_reports_rejections(harbour, samples):
    _, err = command("--source", "Harbour Wire", str(samples))
    assert "rejected bad_items.jsonl, line 3: unsafe HTML in the body: <script> element" in err
    assert "rejected bad_invalid.json, the file: not valid JSON" in err
    run = WireImportRun.objects.get()
    assert run.created >= 5 and run.rejected >= 7


def test_section_maps_a_new_source_and_creates_it(section, samples):
    command("--source", "Lantern Feeds", "--section", "local", str(samples / "feed_rss.xml"))
    source = Source.objects.get(name="Lantern Feeds")
    assert source.section.pk == section.pk
    assert ArticlePage.objects.child_of(section).count() == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--source", "Nobody", "x.json"], "give --section to create it"),
        (["--source", "Nobody", "--section", "nowhere", "x.json"], "No section with the slug"),
        (["x.json"], "Give --source NAME"),
        (["--source", "Harbour Wire"], "Give --source NAME"),
        (["--source", "Harbour Wire", "missing.json"], "No such file or folder"),
        (["--drop-folders", "x.json"], "--drop-folders takes no paths"),
        (["--enqueue", "--source", "Harbour Wire", "x.json"], "--enqueue goes with --drop-folders"),
    ],
)
def test_wrong_arguments_say_what_is_wrong(harbour, args, message):
    with pytest.raises(CommandError, match=message):
        command(*args)


def test_a_source_mapped_elsewhere_is_not_remapped_silently(harbour, home, samples):
    SectionPageFactory(parent=home, title="Business", slug="business")
    with pytest.raises(CommandError, match="already goes to 'local'"):
        command("--source", "Harbour Wire", "--section", "business", str(samples / "x.json"))


def test_the_drop_folder_task_imports_each_sources_new_files_once(
    harbour, meridian, samples, settings
):
    incoming = settings.WIRE_DROP_DIR
    (incoming / "harbour-wire").mkdir(parents=True)
    (incoming / "meridian-press-agency").mkdir()
    (incoming / "unknown-agency").mkdir()
    for name in ("ninjs1_story.json", "ferry.jpg"):
        shutil.copy(samples / name, incoming / "harbour-wire" / name)
    for name in ("ninjs2_story.json", "lantern.jpg"):
        shutil.copy(samples / name, incoming / "meridian-press-agency" / name)

    result = import_wire_drop_folders.enqueue()  # the immediate backend runs it at once

    summaries = {entry["source"]: entry["summary"] for entry in result.return_value}
    assert summaries == {
        "Harbour Wire": "created 1, updated 0, unchanged 0, killed 0, rejected 0",
        "Meridian Press Agency": "created 1, updated 0, unchanged 0, killed 0, rejected 0",
    }
    assert import_wire_drop_folders.enqueue().return_value == []  # nothing new: no run

    shutil.copy(samples / "ninjs1_kill.json", incoming / "harbour-wire" / "kill.json")
    (result,) = import_wire_drop_folders.enqueue().return_value
    assert result["summary"] == "created 0, updated 0, unchanged 0, killed 1, rejected 0"
    assert WireImportRun.objects.filter(trigger="drop folder").count() == 3


def test_the_drop_folder_command_logs_skipped_folders(harbour, settings):
    (settings.WIRE_DROP_DIR / "unknown-agency").mkdir(parents=True)
    out, _ = command("--drop-folders")
    assert "unknown-agency/: no source of that name with a section; skipped." in out


def test_expiry_runs_as_a_task_and_a_command(harbour, samples):
    harbour.usage_days = 7
    harbour.save()
    command("--source", "Harbour Wire", str(samples / "ninjs1_story.json"))
    article = WireStory.objects.get(uri=FERRY).article.specific
    article.get_latest_revision().publish()
    ArticlePage.objects.filter(pk=article.pk).update(
        first_published_at=timezone.now() - timedelta(days=8)
    )

    assert expire_wire_stories.enqueue().return_value == 1
    out = StringIO()
    call_command("expire_wire_stories", stdout=out)
    assert out.getvalue().strip() == "Expired 0 wire stories."
