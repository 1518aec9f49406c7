"""Reading feed files and judging rows: pure Python, no database."""

import gzip
from decimal import Decimal

import pytest

from newsroom.listings.feed import (
    COLUMNS,
    FeedFormat,
    FeedReader,
    FeedUnreadable,
    RowError,
    parse_row,
)
from newsroom.listings.prefectures import Prefecture, prefecture_from_text
from tests.listings.feeds import feed_row, write_csv, write_jsonl


def test_a_valid_row_becomes_listing_values():
    row = parse_row(feed_row("SED-7"))

    assert row.provider_listing_id == "SED-7"
    assert row.prefecture == "miyagi"
    assert row.structure == "rc"
    assert row.price_yen == 58_000_000
    assert row.gross_yield == Decimal("6.20")
    assert row.building_area == Decimal("240.50")
    assert row.photos == ["https://photos.example/a.jpg", "https://photos.example/b.jpg"]
    assert row.status == "active"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("58000000", 58_000_000),
        ("58,000,000", 58_000_000),
        ("¥58,000,000", 58_000_000),
        (58_000_000, 58_000_000),
        (58_000_000.0, 58_000_000),
    ],
)
def test_prices_are_read_as_whole_yen(text, expected):
    assert parse_row(feed_row(price_yen=text)).price_yen == expected


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"id": ""}, "missing id"),
        ({"id": None}, "missing id"),
        ({"id": "has space"}, "is not a listing id"),
        ({"price_yen": "ask us"}, "unparseable price 'ask us'"),
        ({"price_yen": "58.5"}, "unparseable price '58.5'"),
        ({"price_yen": True}, "unparseable price"),
        ({"price_yen": "-1"}, "negative price"),
        ({"price_yen": "²"}, "unparseable price '²'"),
        ({"price_yen": ""}, "missing price_yen"),
        ({"prefecture": "Atlantis"}, "unknown prefecture 'Atlantis'"),
        ({"building_area_m2": -12}, "negative building area"),
        ({"land_area_m2": "-0.5"}, "negative land area"),
        ({"gross_yield": "six"}, "unparseable gross yield 'six'"),
        ({"gross_yield": 140}, "gross yield '140' is out of range"),
        ({"property_type": "castle"}, "unknown property type 'castle'"),
        ({"structure": "straw"}, "unknown structure 'straw'"),
        ({"status": "maybe"}, "unknown status 'maybe'"),
        ({"year_built": 1492}, "year built 1492 is out of range"),
        ({"title": ""}, "missing title"),
        ({"title": "x" * 201}, "title is longer than 200 characters"),
        ({"url": "javascript:alert(1)"}, "url 'javascript:alert(1)' is not an http(s) address"),
        ({"photos": ["javascript:alert(1)"]}, "is not an http(s) address"),
        ({"photos": [1, 2]}, "photos must be a list"),
        ({"title": ["a", "list"]}, "title must be text, not list"),
    ],
)
def test_a_bad_row_is_refused_with_a_reason(fields, reason):
    with pytest.raises(RowError) as error:
        parse_row(feed_row(**fields))

    assert reason in error.value.reason


@pytest.mark.parametrize(
    "text", ["Tokyo", "tokyo", "Tokyo-to", "TOKYO PREFECTURE", "東京都", "東京", "13"]
)
def test_prefectures_are_recognised_however_the_feed_writes_them(text):
    assert prefecture_from_text(text) is Prefecture.TOKYO


def test_prefectures_with_macrons_and_kyoto_in_kanji_are_recognised():
    assert prefecture_from_text("Hyōgo") is Prefecture.HYOGO
    assert prefecture_from_text("Kōchi-ken") is Prefecture.KOCHI
    assert prefecture_from_text("京都府") is Prefecture.KYOTO
    assert prefecture_from_text("京都") is Prefecture.KYOTO
    assert prefecture_from_text("Atlantis") is None
    assert len(Prefecture) == 47


def test_optional_fields_may_be_empty():
    row = parse_row(
        feed_row(
            property_type="land",
            gross_yield="",
            year_built=None,
            structure="",
            building_area_m2="",
            units="",
            station="",
            walk_minutes="",
            photos="",
            url="",
            status="",
        )
    )

    assert row.gross_yield is None and row.year_built is None and row.units is None
    assert row.structure == "" and row.photos == [] and row.status == "active"


def test_csv_rows_carry_their_line_numbers_even_across_quoted_line_breaks(tmp_path):
    path = write_csv(
        tmp_path / "feed.csv",
        [feed_row("A", description="Two\nlines"), feed_row("B")],
    )

    with FeedReader(path) as reader:
        rows = list(reader.rows())

    assert [(row.line, row.data["id"]) for row in rows] == [(2, "A"), (4, "B")]
    assert reader.size == path.stat().st_size
    assert len(reader.sha256) == 64


def test_a_csv_row_with_too_many_fields_is_reported_not_guessed(tmp_path):
    path = write_csv(tmp_path / "feed.csv", [feed_row("A")])
    with path.open("a") as file:
        file.write("B,too,many" + ",x" * 30 + "\n")

    with FeedReader(path) as reader:
        rows = list(reader.rows())

    assert rows[1].line == 3 and rows[1].data is None
    assert "fields, the header has 18" in rows[1].error


def test_jsonl_reports_broken_lines_and_skips_blank_ones(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text('{"id": "A"}\n\n{not json}\n[1, 2]\n', encoding="utf-8")

    with FeedReader(path) as reader:
        rows = list(reader.rows())

    assert [(row.line, bool(row.data), row.error[:14]) for row in rows] == [
        (1, True, ""),
        (3, False, "not valid JSON"),
        (4, False, "not a JSON obj"),
    ]


def test_gzipped_feeds_are_read_as_they_stream(tmp_path):
    plain = write_jsonl(tmp_path / "feed.jsonl", [feed_row("A"), feed_row("B")])
    packed = tmp_path / "feed.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))

    with FeedReader(packed) as reader:
        assert reader.format is FeedFormat.JSONL
        assert [row.data["id"] for row in reader.rows()] == ["A", "B"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("feed.csv", b"", "is empty"),
        ("feed.csv", b"id,title\nA,B\n", "the header has no property_type, prefecture"),
        ("feed.csv", f"{','.join(COLUMNS)}\nÄ\n".encode("latin-1"), "is not UTF-8"),
        ("feed.jsonl.gz", b"not gzip at all", "cannot be read"),
        ("feed.xml", b"<feed/>", "cannot tell the format"),
    ],
)
def test_an_unreadable_file_says_why(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(FeedUnreadable) as error, FeedReader(path) as reader:
        list(reader.rows())

    assert message in str(error.value)


def test_a_missing_file_is_unreadable(tmp_path):
    with pytest.raises(FeedUnreadable, match="No such file"), FeedReader(tmp_path / "x.csv"):
        pass
