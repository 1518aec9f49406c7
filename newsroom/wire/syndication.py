"""RSS 2.0 and Atom feeds into WireItems, through feedparser. Pure: bytes in, items out.

A feed is the simpler kind of source: one entry is one story, its ``guid`` (RSS) or ``id``
(Atom) the identity, its update time the version. feedparser's own sanitiser is off so
that the body meets the same rules as every other wire body (see ``body.py``).
"""

import calendar
import time
from datetime import UTC, datetime

import feedparser
from django.utils.html import strip_tags

from newsroom.wire.items import ItemRejected, ParsedItem, WireItem, WirePicture


class FeedUnreadable(Exception):
    """The file is not a feed that can be read to its end: nothing of it is applied."""


def parse_feed(content: bytes) -> list[ParsedItem]:
    parsed = feedparser.parse(content, sanitize_html=False, resolve_relative_uris=False)
    if parsed.bozo and not isinstance(parsed.bozo_exception, feedparser.CharacterEncodingOverride):
        raise FeedUnreadable(f"not a well-formed feed: {parsed.bozo_exception}")
    if not parsed.version:
        raise FeedUnreadable("not an RSS or Atom feed")
    rights = parsed.feed.get("rights", "")
    results = []
    for number, entry in enumerate(parsed.entries, start=1):
        where = f"entry {number}"
        try:
            results.append(ParsedItem(where=where, item=_entry_item(entry, rights)))
        except ItemRejected as error:
            results.append(ParsedItem(where=where, error=str(error)))
    return results


def _entry_item(entry, feed_rights: str) -> WireItem:
    uri = (entry.get("id") or entry.get("link") or "").strip()
    if not uri:
        raise ItemRejected("no guid, id or link: the story cannot be identified")
    headline = (entry.get("title") or "").strip()
    if not headline:
        raise ItemRejected(f"no title (id {uri})")
    content = entry.get("content") or []
    body = content[0].get("value", "") if content else entry.get("summary", "")
    standfirst = entry.get("summary", "") if content else ""
    # Atom's <updated>, else RSS's <pubDate> (asking an RSS entry for "updated" warns).
    updated = entry.get("updated_parsed") if "updated" in entry else entry.get("published_parsed")
    return WireItem(
        uri=uri,
        headline=headline,
        body_html=body.strip(),
        standfirst=_plain(standfirst),
        byline=(entry.get("author") or "").strip(),
        version_created=_utc(updated) if updated else None,
        copyright_notice=(entry.get("rights") or feed_rights or "").strip(),
        picture=_picture(entry),
    )


def _plain(html: str) -> str:
    return strip_tags(html).strip()


def _utc(moment: time.struct_time) -> datetime:
    return datetime.fromtimestamp(calendar.timegm(moment), tz=UTC)


def _picture(entry) -> WirePicture | None:
    """The first image enclosure or Media RSS content, with its Media RSS credit.

    No caption: feedparser reads ``media:description`` as the entry's summary."""
    candidates = [
        media.get("url", "")
        for media in entry.get("media_content", [])
        if media.get("medium") == "image" or media.get("type", "").startswith("image/")
    ]
    candidates += [
        link.get("href", "")
        for link in entry.get("links", [])
        if link.get("rel") == "enclosure" and link.get("type", "").startswith("image/")
    ]
    href = next((c for c in candidates if c), "")
    if not href:
        return None
    credit = entry.get("media_credit", [{}])
    return WirePicture(href=href, credit=(credit[0].get("content", "") if credit else "").strip())
