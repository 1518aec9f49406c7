"""Mentions: "@Display Name" anywhere, or a reader's name and a comma at the very start.

Names may contain spaces, so each "@" is matched against the longest display
name that exists, with one query for the whole comment. The mention becomes a
Markdown link to the member's page before the text is rendered. When an account
is deleted, the links to its member pages in stored comments become plain text
(``unlink_member_pages``): the name stays where a reader wrote it, the link goes.
"""

import re

import nh3
from django.db.models.functions import Lower
from django.urls import reverse

from newsroom.accounts.models import User
from newsroom.core.html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, LINK_REL, URL_SCHEMES

NAME_CHARS = r"[\w .\-]"
MAX_NAME = 30
_AT = re.compile(rf"(?<![\w@])@({NAME_CHARS}{{1,{MAX_NAME}}})")
_OPENING = re.compile(rf"^(\w{NAME_CHARS}{{2,{MAX_NAME - 1}}}),")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!<>|~])")


def _prefixes(text: str) -> list[str]:
    """Every word-boundary prefix of text, longest first: candidate names."""
    text = text.rstrip()
    cut_points = [m.start() for m in re.finditer(r"[ .\-]", text)] + [len(text)]
    return sorted(
        {text[:cut].strip() for cut in cut_points if text[:cut].strip()}, key=len, reverse=True
    )


def link_mentions(body: str) -> str:
    at_matches = list(_AT.finditer(body))
    opening = _OPENING.match(body)
    candidates = {p.lower() for m in at_matches for p in _prefixes(m.group(1))}
    if opening:
        candidates.add(opening.group(1).strip().lower())
    if not candidates:
        return body
    members = {
        name.lower(): (name, slug)
        for name, slug in User.objects.annotate(lower_name=Lower("display_name"))
        .filter(lower_name__in=candidates, anonymised_at__isnull=True, slug__isnull=False)
        .values_list("display_name", "slug")
        if name and slug
    }
    if not members:
        return body

    def link(name: str, slug: str, prefix: str = "") -> str:
        url = reverse("members:member-detail", args=[slug])
        return f"[{prefix}{_MARKDOWN_SPECIAL.sub(r'\\\1', name)}]({url})"

    pieces, last = [], 0
    if opening and opening.group(1).strip().lower() in members:
        name, slug = members[opening.group(1).strip().lower()]
        pieces.append(link(name, slug))
        last = len(opening.group(1).rstrip())
    for match in at_matches:
        if match.start() < last:
            continue
        found = next((p for p in _prefixes(match.group(1)) if p.lower() in members), None)
        if found is None:
            continue
        name, slug = members[found.lower()]
        pieces.append(body[last : match.start()])
        pieces.append(link(name, slug, prefix="@"))
        last = match.start() + 1 + len(found)
    pieces.append(body[last:])
    return "".join(pieces)


_BARE_LINK = re.compile(rf'<a rel="{LINK_REL}">(.*?)</a>', re.DOTALL)


def member_page_urls(slugs: list[str]) -> set[str]:
    return {reverse("members:member-detail", args=[slug]) for slug in slugs}


def unlink_member_pages(html: str, *, urls: set[str]) -> str:
    """Sanitised comment HTML with its links to these member pages turned into plain text.

    nh3 drops those hrefs (it parses the HTML, so no attribute order or escaping can
    hide one); the anchors left without an address are then unwrapped.
    """

    def keep(tag: str, attribute: str, value: str) -> str | None:
        return None if tag == "a" and attribute == "href" and value in urls else value

    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        link_rel=LINK_REL,
        url_schemes=URL_SCHEMES,
        strip_comments=True,
        attribute_filter=keep,
    )
    return _BARE_LINK.sub(r"\1", cleaned).strip()
