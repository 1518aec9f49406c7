"""Wire files into ParsedItems: which format a file holds, and where each item sits in it.

Pure: bytes in, items out. A file that cannot be read to its end (not UTF-8, not valid
JSON, not a well-formed feed) raises FileUnreadable and nothing of it is applied; an item
that is readable but wrong is returned with its reason, and the others still land.
"""

import json

from newsroom.wire.items import ItemRejected, ParsedItem
from newsroom.wire.ninjs import parse_ninjs
from newsroom.wire.syndication import FeedUnreadable, parse_feed

ITEM_SUFFIXES = (".json", ".jsonl", ".ndjson", ".xml", ".rss", ".atom")


class FileUnreadable(Exception):
    """Why a whole file was refused."""


def parse_wire_bytes(content: bytes, *, lines: bool = False) -> list[ParsedItem]:
    start = content.lstrip()[:1]
    if start == b"<":
        try:
            return parse_feed(content)
        except FeedUnreadable as error:
            raise FileUnreadable(str(error)) from error
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileUnreadable(f"not UTF-8 (byte {error.start})") from error
    if lines:
        return [
            _parse_json(line, where=f"line {number}")
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FileUnreadable(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    if isinstance(data, list):
        return [_item(entry, where=f"item {n}") for n, entry in enumerate(data, start=1)]
    return [_item(data, where="item 1")]


def _parse_json(line: str, *, where: str) -> ParsedItem:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        return ParsedItem(where=where, error=f"not valid JSON: {error.msg}")
    return _item(data, where=where)


def _item(data, *, where: str) -> ParsedItem:
    try:
        return ParsedItem(where=where, item=parse_ninjs(data))
    except ItemRejected as error:
        return ParsedItem(where=where, error=str(error))
