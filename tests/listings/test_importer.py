"""The import rules: create, update, unchanged, withdraw, bad rows, idempotent re-runs."""

import os
import re
from decimal import Decimal

import pytest

from newsroom.listings.importer import (
    _ChunkImporter,
    listing_feed_import,
    listing_feed_import_latest,
    newest_feed_file,
)
from newsroom.listings.models import ImportRun, Listing, ListingChange
from tests.listings.factories import ListingFactory, ProviderFactory
from tests.listings.feeds import feed_row, write_csv, write_jsonl

pytestmark = pytest.mark.django_db


def run_import(path, provider, when, *, full=True, **kwargs) -> ImportRun:
    return listing_feed_import(path=path, provider=provider, full=full, now=when, **kwargs)


def test_a_new_id_creates_a_listing(tmp_path, provider, days):
    path = write_csv(tmp_path / "feed.csv", [feed_row("SED-1"), feed_row("SED-2")])

    run = run_import(path, provider, days[0])

    assert (run.status, run.created, run.updated, run.rejected) == ("succeeded", 2, 0, 0)
    listing = Listing.objects.get(provider=provider, provider_listing_id="SED-1")
    assert listing.prefecture == "miyagi"
    assert listing.price_yen == 58_000_000
    assert listing.gross_yield == Decimal("6.20")
    assert listing.photos == ["https://photos.example/a.jpg", "https://photos.example/b.jpg"]
    assert listing.first_seen == listing.last_seen == listing.last_changed == days[0]
    assert not ListingChange.objects.exists()  # creation is not a change


def test_a_changed_row_updates_and_records_what_changed(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("SED-1")]), provider, days[0])
    changed = feed_row("SED-1", price_yen="55,000,000", gross_yield="6.5%", status="under_offer")

    run = run_import(write_csv(tmp_path / "2.csv", [changed]), provider, days[1])

    assert (run.created, run.updated, run.unchanged) == (0, 1, 0)
    listing = Listing.objects.get(provider_listing_id="SED-1")
    assert listing.price_yen == 55_000_000
    assert listing.status == Listing.Status.UNDER_OFFER
    assert (listing.first_seen, listing.last_seen, listing.last_changed) == (
        days[0],
        days[1],
        days[1],
    )
    change = ListingChange.objects.get(listing=listing)
    assert change.import_run == run
    assert change.changes == {
        "price_yen": [58_000_000, 55_000_000],
        "gross_yield": ["6.20", "6.50"],
        "status": ["active", "under_offer"],
    }
    assert change.lines == [
        "Price: ¥58,000,000 → ¥55,000,000",
        "Gross yield: 6.2% → 6.5%",
        "Status: For sale → Under offer",
    ]


def test_an_unchanged_row_touches_only_last_seen(tmp_path, provider, days):
    path = write_csv(tmp_path / "feed.csv", [feed_row("SED-1")])
    run_import(path, provider, days[0])

    run = run_import(path, provider, days[1])

    assert (run.created, run.updated, run.unchanged) == (0, 0, 1)
    listing = Listing.objects.get(provider_listing_id="SED-1")
    assert (listing.first_seen, listing.last_changed, listing.last_seen) == (
        days[0],
        days[0],
        days[1],
    )
    assert not ListingChange.objects.exists()


def test_rerunning_the_same_file_changes_nothing_but_last_seen(tmp_path, provider, days):
    rows = [feed_row(f"SED-{n}", price_yen=10_000_000 + n) for n in range(25)]
    path = write_jsonl(tmp_path / "feed.jsonl", rows)
    run_import(path, provider, days[0])
    before = list(Listing.objects.order_by("pk").values(*Listing.FEED_FIELDS, "last_changed"))

    run = run_import(path, provider, days[1])

    after = list(Listing.objects.order_by("pk").values(*Listing.FEED_FIELDS, "last_changed"))
    assert after == before
    assert (run.created, run.updated, run.unchanged, run.withdrawn) == (0, 0, 25, 0)
    assert Listing.objects.count() == 25 and not ListingChange.objects.exists()


def test_a_full_feed_withdraws_active_listings_it_no_longer_carries(tmp_path, provider, days):
    first = [feed_row("KEEP"), feed_row("GONE"), feed_row("OFFER", status="under_offer")]
    first.append(feed_row("SOLD", status="sold"))
    run_import(write_csv(tmp_path / "1.csv", first), provider, days[0])
    other = ProviderFactory(slug="other-provider")
    run_import(write_csv(tmp_path / "o.csv", [feed_row("GONE")]), other, days[0])

    run = run_import(write_csv(tmp_path / "2.csv", [feed_row("KEEP")]), provider, days[1])

    assert run.withdrawn == 2
    statuses = dict(
        Listing.objects.filter(provider=provider).values_list("provider_listing_id", "status")
    )
    assert statuses == {
        "KEEP": "active",
        "GONE": "withdrawn",
        "OFFER": "withdrawn",
        "SOLD": "sold",  # sold stays sold: it left the market, it was not withdrawn
    }
    assert Listing.objects.get(provider=other).status == "active"  # another provider's feed
    assert Listing.objects.count() == 5  # never deleted
    gone = ListingChange.objects.get(listing__provider_listing_id="GONE")
    assert gone.changes == {"status": ["active", "withdrawn"]} and gone.import_run == run


def test_a_partial_feed_withdraws_nothing(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("A"), feed_row("B")]), provider, days[0])

    run = run_import(write_csv(tmp_path / "2.csv", [feed_row("A")]), provider, days[1], full=False)

    assert run.withdrawn == 0
    assert set(Listing.objects.values_list("status", flat=True)) == {"active"}


def test_a_withdrawn_listing_that_returns_is_for_sale_again(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("A"), feed_row("B")]), provider, days[0])
    run_import(write_csv(tmp_path / "2.csv", [feed_row("A")]), provider, days[1])

    run = run_import(
        write_csv(tmp_path / "3.csv", [feed_row("A"), feed_row("B")]), provider, days[2]
    )

    assert run.updated == 1
    assert Listing.objects.get(provider_listing_id="B").status == "active"


def test_bad_rows_are_reported_with_line_and_reason_and_good_rows_land(tmp_path, provider, days):
    rows = [
        feed_row("GOOD-1"),
        feed_row("", title="No id"),
        feed_row("BAD-PRICE", price_yen="call us"),
        feed_row("GOOD-2"),
        feed_row("BAD-PREF", prefecture="Atlantis"),
        feed_row("BAD-AREA", land_area_m2=-40),
        feed_row("GOOD-3"),
    ]
    reported = []

    run = run_import(
        write_csv(tmp_path / "feed.csv", rows), provider, days[0], on_reject=reported.append
    )

    assert run.status == "succeeded"
    assert (run.created, run.rejected) == (3, 4)
    assert set(Listing.objects.values_list("provider_listing_id", flat=True)) == {
        "GOOD-1",
        "GOOD-2",
        "GOOD-3",
    }
    assert run.errors == [
        {"line": 3, "id": "", "reason": "missing id"},
        {"line": 4, "id": "BAD-PRICE", "reason": "unparseable price 'call us'"},
        {"line": 6, "id": "BAD-PREF", "reason": "unknown prefecture 'Atlantis'"},
        {"line": 7, "id": "BAD-AREA", "reason": "negative land area (-40)"},
    ]
    assert [str(r) for r in reported][1] == "line 4 (id BAD-PRICE): unparseable price 'call us'"


def test_a_run_keeps_only_the_first_rejections_but_counts_them_all(
    tmp_path, provider, days, settings
):
    settings.LISTINGS_MAX_REPORTED_ERRORS = 2
    rows = [
        feed_row("BAD-1", price_yen="call us"),
        feed_row("GOOD-1"),
        feed_row("BAD-2", prefecture="Atlantis"),
        feed_row("BAD-3", land_area_m2=-40),
    ]
    reported = []

    run = run_import(
        write_csv(tmp_path / "feed.csv", rows), provider, days[0], on_reject=reported.append
    )

    assert (run.created, run.rejected) == (1, 3)
    assert run.errors == [
        {"line": 2, "id": "BAD-1", "reason": "unparseable price 'call us'"},
        {"line": 4, "id": "BAD-2", "reason": "unknown prefecture 'Atlantis'"},
    ]
    assert len(reported) == 3  # the callback still hears of every one


def test_a_listing_whose_row_turns_bad_is_kept_as_it_was_not_withdrawn(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("A"), feed_row("B")]), provider, days[0])
    rows = [feed_row("A"), feed_row("B", price_yen="oops")]

    run = run_import(write_csv(tmp_path / "2.csv", rows), provider, days[1])

    b = Listing.objects.get(provider_listing_id="B")
    assert (run.rejected, run.withdrawn) == (1, 0)
    assert (b.status, b.price_yen, b.last_seen) == ("active", 58_000_000, days[1])


def test_a_duplicate_id_in_one_file_is_rejected_not_applied_twice(
    tmp_path, provider, days, settings
):
    settings.LISTINGS_IMPORT_CHUNK_SIZE = 2  # one duplicate within a chunk, one across chunks
    rows = [feed_row("A"), feed_row("A", price_yen=1), feed_row("B"), feed_row("A", price_yen=2)]

    run = run_import(write_csv(tmp_path / "feed.csv", rows), provider, days[0])

    assert (run.created, run.rejected) == (2, 2)
    assert [e["reason"] for e in run.errors] == [
        "duplicate id (first on line 2)",
        "duplicate id (an earlier row of this file has it)",
    ]
    assert Listing.objects.get(provider_listing_id="A").price_yen == 58_000_000


def test_rows_land_across_chunks(tmp_path, provider, days, settings):
    settings.LISTINGS_IMPORT_CHUNK_SIZE = 3
    rows = [feed_row(f"SED-{n}") for n in range(10)]

    run = run_import(write_jsonl(tmp_path / "feed.jsonl", rows), provider, days[0])

    assert run.created == Listing.objects.count() == 10


def test_a_row_the_database_refuses_costs_only_itself(tmp_path, provider, days, monkeypatch):
    # Another writer inserts "TAKEN" between our SELECT and our INSERT: the chunk's insert
    # breaks the unique constraint, and the chunk is retried row by row.
    ListingFactory(provider=provider, provider_listing_id="TAKEN")
    monkeypatch.setattr(_ChunkImporter, "existing", lambda self, listing_ids: {})
    rows = [feed_row("A"), feed_row("TAKEN"), feed_row("C")]

    run = run_import(write_csv(tmp_path / "feed.csv", rows), provider, days[0])

    assert (run.created, run.rejected) == (2, 1)
    assert (run.errors[0]["line"], run.errors[0]["id"]) == (3, "TAKEN")
    assert "the database refused it" in run.errors[0]["reason"]
    assert set(Listing.objects.values_list("provider_listing_id", flat=True)) == {
        "A",
        "TAKEN",
        "C",
    }


def test_an_unreadable_file_fails_the_run_and_withdraws_nothing(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("A")]), provider, days[0])
    broken = tmp_path / "2.csv"
    broken.write_text("this,is,not\na,feed,file\n")

    run = run_import(broken, provider, days[1])

    assert run.status == ImportRun.Status.FAILED
    assert "the header has no id" in run.failure
    assert Listing.objects.get().status == "active"


def test_a_full_feed_whose_rows_are_all_bad_withdraws_nothing(tmp_path, provider, days):
    run_import(write_csv(tmp_path / "1.csv", [feed_row("A")]), provider, days[0])

    run = run_import(
        write_csv(tmp_path / "2.csv", [feed_row("", price_yen="x")]), provider, days[1]
    )

    assert (run.status, run.rejected, run.withdrawn) == ("succeeded", 1, 0)
    assert Listing.objects.get().status == "active"


def test_a_file_with_no_rows_fails(tmp_path, provider, days):
    run = run_import(write_csv(tmp_path / "empty.csv", []), provider, days[0])

    assert run.status == "failed" and "holds no listings" in run.failure


def test_every_run_is_recorded_with_its_file_and_counts(tmp_path, provider, days):
    path = write_csv(tmp_path / "feed.csv", [feed_row("A"), feed_row("", title="x")])

    run = run_import(path, provider, days[0])

    run.refresh_from_db()
    assert run.file_name == str(path) and run.file_size == path.stat().st_size
    assert len(run.sha256) == 64 and run.full
    assert run.started_at == days[0] and run.finished_at >= days[0]
    assert run.summary == "created 1, updated 0, unchanged 0, withdrawn 0, rejected 1"


def test_runs_must_move_forward_in_time(tmp_path, provider, days):
    path = write_csv(tmp_path / "feed.csv", [feed_row("A")])
    run_import(path, provider, days[1])

    with pytest.raises(ValueError, match=f"must follow its last, {re.escape(str(days[1]))}$"):
        run_import(path, provider, days[0])


def test_a_progress_bar_shows_on_request(tmp_path, provider, days, capsys):
    path = write_csv(tmp_path / "feed.csv", [feed_row(f"A{n}") for n in range(5)])

    run_import(path, provider, days[0], progress=True)

    assert "feed.csv: 100%" in capsys.readouterr().err


def test_the_newest_file_of_the_drop_folder_is_imported_once(tmp_path, provider, settings):
    drop = settings.LISTINGS_DROP_DIR
    drop.mkdir()
    old = write_csv(drop / "old.csv", [feed_row("OLD")])
    new = write_jsonl(drop / "new.jsonl", [feed_row("NEW")])
    (drop / "notes.txt").write_text("not a feed")
    os.utime(old, (1_000_000, 1_000_000))
    os.utime(new, (2_000_000, 2_000_000))
    assert newest_feed_file(drop) == new

    run = listing_feed_import_latest(drop_dir=drop, provider=provider, full=True)
    again = listing_feed_import_latest(drop_dir=drop, provider=provider, full=True)

    assert run.file_name == str(new) and run.created == 1
    assert again is None  # same bytes already imported: "updated" stays truthful
    assert ImportRun.objects.count() == 1


def test_an_empty_drop_folder_imports_nothing(provider, settings):
    assert (
        listing_feed_import_latest(
            drop_dir=settings.LISTINGS_DROP_DIR, provider=provider, full=True
        )
        is None
    )
