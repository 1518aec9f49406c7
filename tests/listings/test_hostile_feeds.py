"""Hostile and broken feed files (issue 14): bounded, line-numbered, all-or-nothing."""

import gzip
import json

import pytest

from newsroom.listings import importer
from newsroom.listings.feed import MAX_RECORD_BYTES, FeedReader, FeedUnreadable
from newsroom.listings.importer import listing_feed_import
from newsroom.listings.models import ImportRun, Listing
from tests.listings.feeds import feed_row, write_csv, write_jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _small_chunks(settings):
    settings.LISTINGS_IMPORT_CHUNK_SIZE = 100  # so a failure comes after committed chunks


def run_import(path, provider, when, **kwargs) -> ImportRun:
    return listing_feed_import(path=path, provider=provider, full=True, now=when, **kwargs)


def rows(count: int, **fields) -> list[dict]:
    return [feed_row(f"SED-{n}", **fields) for n in range(count)]


def assert_failed_and_applied_nothing(run: ImportRun, before: list) -> None:
    assert run.status == ImportRun.Status.FAILED
    assert (run.created, run.updated, run.unchanged, run.withdrawn) == (0, 0, 0, 0)
    after = list(Listing.objects.order_by("pk").values("provider_listing_id", "status", "title"))
    assert after == before


def catalogue() -> list:
    return list(Listing.objects.order_by("pk").values("provider_listing_id", "status", "title"))


def test_a_latin_1_byte_after_many_rows_fails_the_file_at_its_line_and_applies_nothing(
    tmp_path, provider, days
):
    run_import(write_csv(tmp_path / "1.csv", rows(5)), provider, days[0])
    path = write_csv(tmp_path / "2.csv", rows(250, title="Renovated"))
    path.write_bytes(path.read_bytes() + "SED-X,Caf\xe9,house\n".encode("latin-1"))
    before = catalogue()

    run = run_import(path, provider, days[1])

    assert_failed_and_applied_nothing(run, before)
    assert run.failure == "line 252: 2.csv is not UTF-8 text (byte 0xE9 at byte 10 of the line)"


def test_a_truncated_gzip_fails_with_its_line_and_applies_nothing(tmp_path, provider, days):
    plain = write_jsonl(tmp_path / "feed.jsonl", rows(400))
    packed = tmp_path / "feed.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes())[:-200])

    run = run_import(packed, provider, days[0])

    assert_failed_and_applied_nothing(run, [])
    assert run.failure.startswith("line ")
    assert "ends in the middle of its compressed data" in run.failure


def test_a_file_that_is_not_gzip_says_so_without_echoing_its_bytes(tmp_path, provider, days):
    path = tmp_path / "feed.csv.gz"
    path.write_bytes(b"\x1b[2J\x00\xff not gzip")

    run = run_import(path, provider, days[0])

    assert run.status == ImportRun.Status.FAILED
    assert run.failure == "line 1: feed.csv.gz cannot be read: not a gzip file"


@pytest.mark.parametrize("writer", [write_csv, write_jsonl])
def test_a_10_mb_field_fails_the_file_at_its_line_and_applies_nothing(
    tmp_path, provider, days, writer
):
    path = writer(tmp_path / f"feed.{'csv' if writer is write_csv else 'jsonl'}", rows(150))
    with path.open("a", encoding="utf-8") as file:
        huge = feed_row("HUGE", description="x" * 10_000_000)
        if writer is write_csv:
            file.write(",".join(str(huge.get(c, "")) for c in ("id", "description")) + "\n")
        else:
            file.write(json.dumps(huge) + "\n")

    run = run_import(path, provider, days[0])

    assert_failed_and_applied_nothing(run, [])
    line = 152 if writer is write_csv else 151
    assert run.failure.startswith(f"line {line}: feed.")
    assert "has a record longer than 1 MiB" in run.failure


def test_input_without_newlines_is_capped_before_it_is_read_whole(tmp_path):
    path = tmp_path / "zeros.csv"
    with path.open("wb") as file:
        file.truncate(64 * 2**20)  # 64 MiB of NUL bytes, like /dev/zero
    read = []

    with pytest.raises(FeedUnreadable) as error, FeedReader(path, on_bytes=read.append) as reader:
        list(reader.rows())

    assert str(error.value).startswith("line 1: zeros.csv has a record longer than 1 MiB")
    assert sum(read) <= MAX_RECORD_BYTES + 2**17  # the cap plus one read-ahead buffer


def test_a_5000_digit_integer_is_a_row_error_in_csv(tmp_path, provider, days):
    path = write_csv(tmp_path / "feed.csv", [feed_row("BIG", price_yen="9" * 5000), feed_row("OK")])

    run = run_import(path, provider, days[0])

    assert (run.status, run.created, run.rejected) == ("succeeded", 1, 1)
    assert run.errors[0]["line"] == 2
    assert run.errors[0]["reason"].startswith("price '99999")
    assert run.errors[0]["reason"].endswith("is out of range (at most 1,000,000,000,000,000)")


def test_a_5000_digit_integer_is_a_row_error_in_json_lines(tmp_path, provider, days):
    path = tmp_path / "feed.jsonl"
    big = json.dumps(feed_row("BIG")).replace("58000000", "9" * 5000)
    path.write_text(big + "\n" + json.dumps(feed_row("OK")) + "\n")

    run = run_import(path, provider, days[0])

    assert (run.status, run.created, run.rejected) == ("succeeded", 1, 1)
    assert run.errors == [
        {"line": 1, "id": "", "reason": "a number with 5,000 digits (at most 30)"}
    ]


def test_deeply_nested_json_is_a_row_error(tmp_path, provider, days):
    path = tmp_path / "feed.jsonl"
    path.write_text("[" * 100_000 + "\n" + json.dumps(feed_row("OK")) + "\n")

    run = run_import(path, provider, days[0])

    assert (run.status, run.created) == ("succeeded", 1)
    assert run.errors == [{"line": 1, "id": "", "reason": "not valid JSON (nested too deeply)"}]


@pytest.mark.parametrize("writer", [write_csv, write_jsonl])
def test_nul_and_control_characters_are_rejected_with_their_line(tmp_path, provider, days, writer):
    feed = [
        feed_row("A"),
        feed_row("NUL", title="Ten units\x00 near the station"),
        feed_row("ESC", description="Fully let \x1b[31mnow\x1b[0m"),
        feed_row("C1", photos=["https://photos.example/\x85.jpg"]),
    ]
    path = writer(tmp_path / f"feed.{'csv' if writer is write_csv else 'jsonl'}", feed)

    run = run_import(path, provider, days[0])

    first = 2 if writer is write_csv else 1
    assert (run.created, run.rejected) == (1, 3)
    assert [(e["line"], e["reason"]) for e in run.errors] == [
        (first + 1, "a control character (U+0000) in title"),
        (first + 2, "a control character (U+001B) in description"),
        (first + 3, "a control character (U+0085) in photos"),
    ]


def test_file_level_messages_escape_what_the_file_holds(tmp_path, provider, days):
    path = tmp_path / "feed.csv"
    path.write_text("id,\x1b]0;owned\x07title,\u202eprice\n1,2,3\n")

    run = run_import(path, provider, days[0])

    assert run.status == ImportRun.Status.FAILED
    assert "\x1b" not in run.failure and "\x07" not in run.failure
    assert "\u202e" not in run.failure
    assert r"'\x1b]0;owned\x07title'" in run.failure


def test_an_unexpected_error_fails_the_run_instead_of_leaving_it_running(
    tmp_path, provider, days, monkeypatch
):
    def broken(data, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(importer, "parse_row", broken)

    with pytest.raises(RuntimeError):
        run_import(write_csv(tmp_path / "feed.csv", rows(3)), provider, days[0])

    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED
    assert run.failure == "The import stopped on an unexpected RuntimeError; nothing was applied."
    assert not Listing.objects.exists()
