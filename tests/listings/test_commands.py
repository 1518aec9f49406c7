"""`newsroom import-listings` / `manage.py import_listings`, and the daily task."""

import pytest
from django.core.management import CommandError, call_command
from django.tasks import TaskResultStatus

from newsroom import cli
from newsroom.listings.models import ImportRun, Listing
from newsroom.listings.tasks import import_latest_listings
from tests.listings.feeds import feed_row, write_csv, write_jsonl

pytestmark = pytest.mark.django_db


def test_the_command_imports_a_file_and_prints_a_summary(tmp_path, provider, capsys):
    path = write_csv(tmp_path / "feed.csv", [feed_row("A"), feed_row("B", prefecture="Atlantis")])

    call_command("import_listings", str(path), "--provider", "sakura-estate", "--full")

    out, err = capsys.readouterr()
    assert "created 1, updated 0, unchanged 0, withdrawn 0, rejected 1" in out
    assert "rejected line 3 (id B): unknown prefecture 'Atlantis'" in err
    assert ImportRun.objects.get().full


def test_the_command_fails_only_when_the_file_is_unreadable(tmp_path, provider):
    with pytest.raises(CommandError, match=r"Import failed: .*No such file"):
        call_command("import_listings", str(tmp_path / "missing.csv"))

    assert ImportRun.objects.get().status == "failed"


def test_the_command_creates_an_unknown_provider(tmp_path, db):
    path = write_jsonl(tmp_path / "feed.jsonl", [feed_row("A")])

    call_command("import_listings", str(path), "--provider", "new-homes-japan")

    assert Listing.objects.get().provider.name == "New Homes Japan"


def test_the_command_reads_a_file_by_an_explicit_format(tmp_path, provider):
    path = write_jsonl(tmp_path / "feed.txt", [feed_row("A")])

    call_command("import_listings", str(path), "--format", "jsonl")

    assert Listing.objects.count() == 1


def test_the_command_needs_a_file_or_latest():
    with pytest.raises(CommandError, match="either a FILE or --latest"):
        call_command("import_listings")


def test_newsroom_import_listings_runs_the_command(tmp_path, provider, capsys):
    path = write_csv(tmp_path / "feed.csv", [feed_row("A")])

    assert cli.main(["import-listings", str(path), "--full", "--no-progress"]) == 0

    assert "created 1" in capsys.readouterr().out


def test_newsroom_import_listings_exits_non_zero_for_an_unreadable_file(tmp_path, provider):
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["import-listings", str(tmp_path / "missing.csv")])

    assert exit_info.value.code == 1


def test_the_daily_task_imports_the_newest_file_of_the_drop_folder(provider, settings):
    settings.LISTINGS_DROP_DIR.mkdir()
    write_csv(settings.LISTINGS_DROP_DIR / "today.csv", [feed_row("A"), feed_row("B")])

    result = import_latest_listings.enqueue()

    assert result.status == TaskResultStatus.SUCCESSFUL  # the immediate backend ran it
    run = ImportRun.objects.get()
    assert result.return_value == {
        "import_run": run.pk,
        "status": "succeeded",
        "summary": "created 2, updated 0, unchanged 0, withdrawn 0, rejected 0",
    }
    assert run.full  # LISTINGS_FEED_IS_FULL


def test_latest_enqueue_hands_the_import_to_the_task_backend(provider, settings, capsys):
    settings.LISTINGS_DROP_DIR.mkdir()
    write_csv(settings.LISTINGS_DROP_DIR / "today.csv", [feed_row("A")])

    call_command("import_listings", "--latest", "--enqueue")

    assert "Enqueued the listings import" in capsys.readouterr().out
    assert Listing.objects.count() == 1


def test_latest_says_when_there_is_nothing_new(provider, settings, capsys):
    call_command("import_listings", "--latest")

    assert "No feed file in" in capsys.readouterr().out
