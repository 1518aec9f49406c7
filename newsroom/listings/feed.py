"""A provider's feed, read row by row: CSV or JSON Lines, optionally gzipped.

Pure Python, no database. :class:`FeedReader` streams the file (it never holds more than a
row), counts and hashes the bytes as they go by, and yields each row with its line number;
:func:`parse_row` turns a row into a :class:`FeedRow` or raises :class:`RowError` with a
reason a person can act on. The format is documented in docs/operations.md.
"""

import csv
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path

from newsroom.listings.models import Listing, PropertyType, Structure
from newsroom.listings.prefectures import prefecture_from_text

# The feed names the two areas by their unit; every other column is the Listing field itself.
COLUMN_FOR_FIELD = {"building_area": "building_area_m2", "land_area": "land_area_m2"}
COLUMNS = ("id", *(COLUMN_FOR_FIELD.get(field, field) for field in Listing.FEED_FIELDS))
REQUIRED_COLUMNS = ("id", "title", "property_type", "prefecture", "city", "price_yen")
MAX_PHOTOS = 20
MAX_PRICE_YEN = 10**15  # a thousand trillion yen: anything above is a typo


class FeedFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


class FeedUnreadable(Exception):
    """The file itself cannot be read (missing, not UTF-8, not CSV, no header): the run fails."""


class RowError(ValueError):
    """One row is unusable; the reason names the field and the offending value."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class RawRow:
    """A row as the file holds it, or why it could not even be split into fields."""

    line: int
    data: Mapping[str, object] | None
    error: str = ""


@dataclass(frozen=True, slots=True)
class FeedRow:
    """A valid row, in the Listing's own terms (its fields are Listing.FEED_FIELDS)."""

    provider_listing_id: str
    title: str
    property_type: str
    prefecture: str
    city: str
    station: str
    walk_minutes: int | None
    price_yen: int
    gross_yield: Decimal | None
    year_built: int | None
    structure: str
    building_area: Decimal | None
    land_area: Decimal | None
    units: int | None
    description: str
    photos: list[str]
    url: str
    status: str

    def field_values(self) -> dict[str, object]:
        return {name: getattr(self, name) for name in Listing.FEED_FIELDS}


def detect_format(path: Path) -> FeedFormat:
    suffixes = [suffix.lower() for suffix in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    if suffixes and suffixes[-1] == ".csv":
        return FeedFormat.CSV
    if suffixes and suffixes[-1] in {".jsonl", ".ndjson"}:
        return FeedFormat.JSONL
    raise FeedUnreadable(
        f"{path.name}: cannot tell the format from the name; expected .csv or .jsonl "
        "(optionally .gz), or give the format explicitly"
    )


class _MeteredReader(io.RawIOBase):
    """Passes bytes through, hashing and counting them (for the progress bar)."""

    def __init__(self, raw: io.RawIOBase, on_bytes: Callable[[int], None] | None):
        self._raw = raw
        self._on_bytes = on_bytes
        self.sha256 = hashlib.sha256()
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        count = self._raw.readinto(buffer)
        if count:
            self.sha256.update(memoryview(buffer)[:count])
            self.bytes_read += count
            if self._on_bytes:
                self._on_bytes(count)
        return count

    def close(self) -> None:
        self._raw.close()
        super().close()


class FeedReader:
    """Streams a feed file. Use as a context manager; iterate :meth:`rows`."""

    def __init__(
        self,
        path: Path,
        *,
        file_format: FeedFormat | None = None,
        on_bytes: Callable[[int], None] | None = None,
    ):
        self.path = Path(path)
        self.format = file_format or detect_format(self.path)
        self._on_bytes = on_bytes
        self._metered: _MeteredReader | None = None
        self._text: io.TextIOWrapper | None = None
        self.size: int | None = None

    def __enter__(self) -> "FeedReader":
        try:
            raw = open(self.path, "rb", buffering=0)
            self.size = self.path.stat().st_size
        except OSError as error:
            raise FeedUnreadable(f"{self.path}: {error.strerror or error}") from error
        self._metered = _MeteredReader(raw, self._on_bytes)
        binary: io.BufferedIOBase = io.BufferedReader(self._metered, buffer_size=1 << 16)
        if self.path.suffix.lower() == ".gz":
            binary = gzip.GzipFile(fileobj=binary, mode="rb")
        # utf-8-sig: spreadsheet programs start their CSV exports with a byte-order mark.
        self._text = io.TextIOWrapper(binary, encoding="utf-8-sig", newline="")
        return self

    def __exit__(self, *exc_info) -> None:
        if self._text is not None:
            self._text.close()

    @property
    def sha256(self) -> str:
        """The file's SHA-256, complete once :meth:`rows` has run to the end."""
        return self._metered.sha256.hexdigest() if self._metered else ""

    def rows(self) -> Iterator[RawRow]:
        try:
            if self.format is FeedFormat.CSV:
                yield from self._csv_rows()
            else:
                yield from self._jsonl_rows()
        except UnicodeDecodeError as error:
            raise FeedUnreadable(f"{self.path.name} is not UTF-8 text ({error.reason})") from error
        except (OSError, EOFError, zlib.error, csv.Error) as error:
            raise FeedUnreadable(f"{self.path.name} cannot be read: {error}") from error

    def _csv_rows(self) -> Iterator[RawRow]:
        reader = csv.reader(self._text, strict=True)
        header = next(reader, None)
        if header is None:
            raise FeedUnreadable(f"{self.path.name} is empty: a CSV feed starts with a header row")
        columns = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            raise FeedUnreadable(
                f"{self.path.name}: the header has no {', '.join(missing)} column"
                f"{'s' if len(missing) > 1 else ''} (it has: {', '.join(columns) or 'nothing'})"
            )
        width = len(columns)
        line = reader.line_num
        for fields in reader:
            start, line = line + 1, reader.line_num
            if not fields:  # a blank line
                continue
            if len(fields) > width:
                yield RawRow(start, None, f"has {len(fields)} fields, the header has {width}")
                continue
            yield RawRow(start, dict(zip(columns, fields, strict=False)))

    def _jsonl_rows(self) -> Iterator[RawRow]:
        for line, text in enumerate(self._text, start=1):
            if not text.strip():
                continue
            try:
                data = json.loads(text)
            except ValueError as error:
                yield RawRow(line, None, f"not valid JSON ({error.msg})")
                continue
            if not isinstance(data, dict):
                yield RawRow(line, None, "not a JSON object")
                continue
            yield RawRow(line, data)


# --------------------------------------------------------------------------- one row

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_INTEGER = re.compile(r"-?\d+")
_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_PHOTO = re.compile(r"(?:https?://|/)[^\s<>\"'|]+", re.IGNORECASE)

_PROPERTY_TYPES = {choice.value: choice.value for choice in PropertyType} | {
    choice.label.lower().replace(" ", "_"): choice.value for choice in PropertyType
}
_PROPERTY_TYPES |= {
    "apartment": PropertyType.APARTMENT_BUILDING.value,
    "condo": PropertyType.CONDOMINIUM.value,
    "condominium_unit": PropertyType.CONDOMINIUM.value,
    "detached_house": PropertyType.HOUSE.value,
    "commercial_building": PropertyType.COMMERCIAL.value,
}
_STRUCTURES = {choice.value: choice.value for choice in Structure} | {
    "s": Structure.STEEL.value,
    "w": Structure.WOOD.value,
    "wooden": Structure.WOOD.value,
    "reinforced_concrete": Structure.RC.value,
    "steel_reinforced_concrete": Structure.SRC.value,
}
_STATUSES = {choice.value: choice.value for choice in Listing.Status} | {
    "for_sale": Listing.Status.ACTIVE.value,
    "available": Listing.Status.ACTIVE.value,
}


def _quote(value: object) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def _text(data: Mapping[str, object], name: str, *, max_length: int | None = None) -> str:
    value = data.get(name)
    if value.__class__ is str:  # the common case first: this runs ~15 times a row
        text = value.strip()
    elif value is None:
        return ""
    elif isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RowError(f"{name} must be text, not {type(value).__name__}")
    else:
        text = value.strip() if isinstance(value, str) else str(value)
    if max_length is not None and len(text) > max_length:
        raise RowError(f"{name} is longer than {max_length} characters")
    return text


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().lower())


def _integer(data: Mapping[str, object], name: str, label: str, *, maximum: int) -> int | None:
    value = data.get(name)
    if value.__class__ is str and value.isascii() and value.isdigit():
        number = int(value)
    elif isinstance(value, bool):
        raise RowError(f"unparseable {label} {_quote(value)}")
    elif isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = _text(data, name)
        if not text:
            return None
        cleaned = text.replace(",", "").replace("¥", "").replace("円", "").replace(" ", "")
        if not _INTEGER.fullmatch(cleaned):
            raise RowError(f"unparseable {label} {_quote(text)}")
        number = int(cleaned)
    if number < 0:
        raise RowError(f"negative {label} ({number})")
    if number > maximum:
        raise RowError(f"{label} {number} is out of range (at most {maximum:,})")
    return number


def _decimal(
    data: Mapping[str, object], name: str, label: str, *, maximum: Decimal, suffix: str = ""
) -> Decimal | None:
    value = data.get(name)
    if isinstance(value, bool):
        raise RowError(f"unparseable {label} {_quote(value)}")
    text = _text(data, name)
    if not text:
        return None
    cleaned = text.replace(",", "").removesuffix(suffix).strip()
    try:
        number = Decimal(cleaned)
    except InvalidOperation:
        raise RowError(f"unparseable {label} {_quote(text)}") from None
    if not number.is_finite():
        raise RowError(f"unparseable {label} {_quote(text)}")
    if number < 0:
        raise RowError(f"negative {label} ({text})")
    if number > maximum:
        raise RowError(f"{label} {_quote(text)} is out of range (at most {maximum})")
    return number.quantize(Decimal("0.01"))


def _choice(data: Mapping[str, object], name: str, label: str, table: dict[str, str]) -> str:
    text = _text(data, name)
    if not text:
        return ""
    if text in table:
        return table[text]
    try:
        return table[_key(text)]
    except KeyError:
        known = ", ".join(sorted(set(table.values())))
        raise RowError(f"unknown {label} {_quote(text)} (expected one of: {known})") from None


def _photos(data: Mapping[str, object]) -> list[str]:
    value = data.get("photos")
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items = [item.strip() for item in value.split("|")]
    elif isinstance(value, list) and all(isinstance(item, str) for item in value):
        items = [item.strip() for item in value]
    else:
        raise RowError("photos must be a list of addresses or text separated by '|'")
    items = [item for item in items if item]
    for item in items:
        if len(item) > 500 or not _PHOTO.fullmatch(item):
            raise RowError(f"photo {_quote(item)} is not an http(s) address")
    if len(items) > MAX_PHOTOS:
        raise RowError(f"more than {MAX_PHOTOS} photos ({len(items)})")
    return items


def row_id(data: Mapping[str, object] | None) -> str | None:
    """The row's listing id when it is a valid one, even if the rest of the row is not."""
    if not data:
        return None
    value = data.get("id")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str) and _ID.fullmatch(value.strip()):
        return value.strip()
    return None


def parse_row(data: Mapping[str, object], *, this_year: int | None = None) -> FeedRow:
    """The row as a FeedRow; raises RowError naming the first thing wrong with it."""
    if not _text(data, "id"):
        raise RowError("missing id")
    provider_listing_id = row_id(data)
    if provider_listing_id is None:
        raise RowError(
            f"id {_quote(data.get('id'))} is not a listing id "
            "(letters, digits, '.', '_' and '-', at most 64)"
        )
    for name in REQUIRED_COLUMNS[1:]:
        value = data.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            raise RowError(f"missing {name}")
    prefecture_text = _text(data, "prefecture")
    prefecture = prefecture_from_text(prefecture_text)
    if prefecture is None:
        raise RowError(f"unknown prefecture {_quote(prefecture_text)}")
    year_built = _integer(data, "year_built", "year built", maximum=9999)
    latest_year = (this_year or date.today().year) + 5  # planned buildings are sold off-plan
    if year_built is not None and not 1800 <= year_built <= latest_year:
        raise RowError(f"year built {year_built} is out of range (1800 to {latest_year})")
    walk_minutes = _integer(data, "walk_minutes", "minutes on foot", maximum=600)
    url = _text(data, "url", max_length=500)
    if url and not _URL.fullmatch(url):
        raise RowError(f"url {_quote(url)} is not an http(s) address")
    area_max = Decimal("99999999.99")
    return FeedRow(
        provider_listing_id=provider_listing_id,
        title=_text(data, "title", max_length=200),
        property_type=_choice(data, "property_type", "property type", _PROPERTY_TYPES),
        prefecture=prefecture.value,
        city=_text(data, "city", max_length=100),
        station=_text(data, "station", max_length=100).removesuffix(" Station"),
        walk_minutes=walk_minutes,
        price_yen=_integer(data, "price_yen", "price", maximum=MAX_PRICE_YEN),
        gross_yield=_decimal(data, "gross_yield", "gross yield", maximum=Decimal(100), suffix="%"),
        year_built=year_built,
        structure=_choice(data, "structure", "structure", _STRUCTURES),
        building_area=_decimal(data, "building_area_m2", "building area", maximum=area_max),
        land_area=_decimal(data, "land_area_m2", "land area", maximum=area_max),
        units=_integer(data, "units", "number of units", maximum=100_000),
        description=_text(data, "description", max_length=10_000),
        photos=_photos(data),
        url=url,
        status=_choice(data, "status", "status", _STATUSES) or Listing.Status.ACTIVE.value,
    )
