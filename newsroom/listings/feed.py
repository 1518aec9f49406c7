"""A provider's feed, read row by row: CSV or JSON Lines, optionally gzipped.

Pure Python, no database. :class:`FeedReader` streams the file (it never holds more than a
record, and a record never more than ``MAX_RECORD_BYTES``), counts and hashes the bytes as
they go by, decodes it a line at a time, and yields each row with its line number;
:func:`parse_row` turns a row into a :class:`FeedRow` or raises :class:`RowError` with a
reason a person can act on. The format is documented in docs/operations.md.

What a message shows of the file is escaped (:func:`shown`): a hostile feed cannot write
terminal escapes or raw bytes into a log, the admin or a terminal.
"""

import csv
import gzip
import hashlib
import io
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping
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
# A listing is a few kilobytes. A record longer than this is a broken export, and capping it
# before it is read whole keeps memory flat even for input without newlines (/dev/zero).
MAX_RECORD_BYTES = 1 << 20
MAX_NUMBER_DIGITS = 30  # longer digit strings are refused before Python converts them
# C0 and C1 control characters and DEL; tab, line feed and carriage return are text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


class FeedFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


class FeedUnreadable(Exception):
    """The file itself cannot be read (missing, not UTF-8, not CSV, no header): the run fails
    and applies nothing. ``line`` says where, when the problem is at a line."""

    def __init__(self, message: str, *, line: int | None = None):
        super().__init__(f"line {line:,}: {message}" if line else message)
        self.line = line


class RowError(ValueError):
    """One row is unusable; the reason names the field and the offending value."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def shown(text: object, *, limit: int = 40) -> str:
    """Text from a file as a message may show it: as it is when it is short and printable,
    else quoted with its control characters and undecodable bytes escaped."""
    value = str(text)
    if len(value) <= limit and value.isprintable():
        return value
    return _quote(value, limit=limit)


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
        f"{shown(path.name)}: cannot tell the format from the name; expected .csv or .jsonl "
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
        self.name = shown(self.path.name, limit=80)  # as messages show it
        self.format = file_format or detect_format(self.path)
        self._on_bytes = on_bytes
        self._metered: _MeteredReader | None = None
        self._binary: io.BufferedIOBase | None = None
        self.size: int | None = None
        self.line = 0  # the last line read
        self._record_bytes = 0  # bytes of the record being read, up to MAX_RECORD_BYTES

    def __enter__(self) -> "FeedReader":
        try:
            raw = open(self.path, "rb", buffering=0)
            self.size = self.path.stat().st_size
        except OSError as error:
            raise FeedUnreadable(
                f"{shown(self.path)}: {error.strerror or type(error).__name__}"
            ) from error
        self._metered = _MeteredReader(raw, self._on_bytes)
        self._binary = io.BufferedReader(self._metered, buffer_size=1 << 16)
        if self.path.suffix.lower() == ".gz":
            self._binary = gzip.GzipFile(fileobj=self._binary, mode="rb")
        return self

    def __exit__(self, *exc_info) -> None:
        if self._binary is not None:
            self._binary.close()

    @property
    def sha256(self) -> str:
        """The file's SHA-256, complete once :meth:`rows` has run to the end."""
        return self._metered.sha256.hexdigest() if self._metered else ""

    def rows(self) -> Iterator[RawRow]:
        """Every row with its line number. Raises FeedUnreadable, with the line, when the
        file stops being readable; the messages never quote the file's bytes."""
        try:
            if self.format is FeedFormat.CSV:
                yield from self._csv_rows()
            else:
                yield from self._jsonl_rows()
        except csv.Error as error:  # its messages name the rule broken, never the data
            raise FeedUnreadable(
                f"{self.name} is not valid CSV ({error})", line=self.line
            ) from error
        except EOFError as error:
            raise FeedUnreadable(
                f"{self.name} cannot be read: it ends in the middle of its compressed data "
                "(truncated?)",
                line=self.line + 1,
            ) from error
        except gzip.BadGzipFile as error:
            raise FeedUnreadable(
                f"{self.name} cannot be read: not a gzip file", line=self.line + 1
            ) from error
        except zlib.error as error:
            raise FeedUnreadable(
                f"{self.name} cannot be read: its compressed data is corrupt", line=self.line + 1
            ) from error
        except OSError as error:
            reason = error.strerror or type(error).__name__
            raise FeedUnreadable(
                f"{self.name} cannot be read ({reason})", line=self.line + 1
            ) from error

    def _lines(self) -> Iterator[str]:
        """The file's lines, decoded one at a time; a record may not grow past the limit."""
        if self._binary is None:
            raise RuntimeError("read a FeedReader inside its with block")
        readline, limit = self._binary.readline, MAX_RECORD_BYTES
        while data := readline(limit + 1):
            self.line += 1
            self._record_bytes += len(data)
            if self._record_bytes > limit:
                raise FeedUnreadable(
                    f"{self.name} has a record longer than {limit // 2**20} MiB; a listing is "
                    "a few kilobytes, so this is not a listings feed or the export is broken",
                    line=self.line,
                )
            try:
                text = data.decode()
            except UnicodeDecodeError as error:
                raise FeedUnreadable(
                    f"{self.name} is not UTF-8 text (byte 0x{data[error.start]:02X} "
                    f"at byte {error.start + 1} of the line)",
                    line=self.line,
                ) from None
            # Spreadsheet programs start their CSV exports with a byte-order mark.
            yield text.removeprefix("\ufeff") if self.line == 1 else text

    def _csv_rows(self) -> Iterator[RawRow]:
        reader = csv.reader(self._lines(), strict=True)
        header = next(reader, None)
        if header is None:
            raise FeedUnreadable(f"{self.name} is empty: a CSV feed starts with a header row")
        columns = [name.strip().lower() for name in header]
        missing = [name for name in REQUIRED_COLUMNS if name not in columns]
        if missing:
            has = ", ".join(shown(name) for name in columns[:30])
            raise FeedUnreadable(
                f"{self.name}: the header has no {', '.join(missing)} "
                f"column{'s' if len(missing) > 1 else ''} (it has: {has or 'nothing'})",
                line=1,
            )
        width = len(columns)
        line = self.line
        for fields in reader:
            start, line, self._record_bytes = line + 1, self.line, 0
            if not fields:  # a blank line
                continue
            if len(fields) > width:
                yield RawRow(start, None, f"has {len(fields)} fields, the header has {width}")
            elif _CONTROL.search("".join(fields)):  # one search a row; then find the field
                reason = _control_reason(zip(columns, fields, strict=False))
                yield RawRow(start, None, reason or "a control character")
            else:
                yield RawRow(start, dict(zip(columns, fields, strict=False)))

    def _jsonl_rows(self) -> Iterator[RawRow]:
        for text in self._lines():
            self._record_bytes = 0
            if not text.strip():
                continue
            try:
                data = json.loads(text, parse_int=_json_integer)
            except json.JSONDecodeError as error:
                yield RawRow(self.line, None, f"not valid JSON ({error.msg})")
                continue
            except _NumberTooLong as error:
                yield RawRow(self.line, None, str(error))
                continue
            except RecursionError:
                yield RawRow(self.line, None, "not valid JSON (nested too deeply)")
                continue
            if not isinstance(data, dict):
                yield RawRow(self.line, None, "not a JSON object")
                continue
            if reason := _control_reason(data.items()):
                yield RawRow(self.line, None, reason)
                continue
            yield RawRow(self.line, data)


class _NumberTooLong(ValueError):
    pass


def _json_integer(digits: str) -> int:
    """Parses a JSON integer, refusing the absurdly long before converting them."""
    if len(digits.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _NumberTooLong(f"a number with {len(digits):,} digits (at most {MAX_NUMBER_DIGITS})")
    return int(digits)


def _control_reason(items: Iterable[tuple[str, object]]) -> str | None:
    """Which field holds a control character (NUL, escape...), if one does."""
    for name, value in items:
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str) and (found := _CONTROL.search(item)):
                return f"a control character (U+{ord(found.group()):04X}) in {shown(name)}"
    return None


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


def _quote(value: object, *, limit: int = 40) -> str:
    text = str(value)
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")


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
    if value.__class__ is str and value.isascii() and value.isdigit() and len(value) <= 19:
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
        if len(cleaned.lstrip("-")) > MAX_NUMBER_DIGITS:  # before int(), which is quadratic
            raise RowError(f"{label} {_quote(text)} is out of range (at most {maximum:,})")
        number = int(cleaned)
    if number < 0:
        raise RowError(f"negative {label} ({shown(number)})")
    if number > maximum:
        raise RowError(f"{label} {shown(number)} is out of range (at most {maximum:,})")
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
        raise RowError(f"negative {label} ({shown(text)})")
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
    price_yen = _integer(data, "price_yen", "price", maximum=MAX_PRICE_YEN)
    if price_yen is None:  # only blanks, e.g. " , "
        raise RowError("missing price_yen")
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
        price_yen=price_yen,
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
