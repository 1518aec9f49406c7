"""IPTC ninjs (News in JSON), generations 1.x and 2.x, into a WireItem. Pure: no I/O.

1.x carries flat fields (``headline``, ``body_html``, ``description_text``, ``byline``) and
objects keyed by name (``associations``, ``renditions``); 2.x carries lists with roles
(``headlines``, ``bodies``, ``descriptions``), ``by``, and lists of named associations and
renditions. A document says which it is in ``$schema`` or ``standard.version``; without
either, the presence of 2.x's lists decides.
"""

from datetime import UTC, datetime
from typing import Any

from django.utils.html import escape

from newsroom.wire.items import ItemRejected, PubStatus, WireItem, WirePicture

# Rendition names tried in order for the lead picture: the largest first.
RENDITION_PREFERENCE = ("original", "highres", "hires", "baseimage", "viewimage", "preview")


def ninjs_generation(data: dict[str, Any]) -> int:
    standard = data.get("standard")
    version = standard.get("version", "") if isinstance(standard, dict) else ""
    declared = str(data.get("$schema") or version)
    if "_2." in declared or declared.startswith("2"):
        return 2
    if "_1." in declared or declared.startswith("1"):
        return 1
    return 2 if any(key in data for key in ("headlines", "bodies", "descriptions")) else 1


def parse_ninjs(data: Any) -> WireItem:
    """One ninjs document as a WireItem; ItemRejected says what is missing or malformed."""
    if not isinstance(data, dict):
        raise ItemRejected("not a ninjs object")
    uri = _text(data, "uri")
    if not uri:
        raise ItemRejected("no uri: a story cannot be identified without one")
    if ninjs_generation(data) == 2:
        headline = _by_role(data.get("headlines"), ("main", "headline", None))
        body_html = _body_2(data.get("bodies"))
        standfirst = _by_role(data.get("descriptions"), ("summary", "abstract", "text", None))
        byline = _text(data, "by")
    else:
        headline = _text(data, "headline")
        body_html = _text(data, "body_html") or _plain_to_html(_text(data, "body_text"))
        standfirst = _text(data, "description_text")
        byline = _text(data, "byline")
    if not headline:
        raise ItemRejected(f"no headline (uri {uri})")
    return WireItem(
        uri=uri,
        headline=headline,
        body_html=body_html,
        standfirst=standfirst,
        byline=byline,
        version=_version(data.get("version")),
        version_created=_datetime(data, "versioncreated"),
        pubstatus=_pubstatus(data.get("pubstatus")),
        embargoed=_datetime(data, "embargoed"),
        copyright_notice=_text(data, "copyrightnotice"),
        usage_terms=_text(data, "usageterms"),
        ednote=_text(data, "ednote"),
        picture=_picture(data.get("associations")),
    )


def _text(data: dict, key: str) -> str:
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ItemRejected(f"{key} is not text")
    return value.strip()


def _plain_to_html(text: str) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())


def _by_role(entries: Any, roles: tuple[str | None, ...]) -> str:
    """The value of the first entry whose role comes first in ``roles`` (None: any role)."""
    if not entries:
        return ""
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ItemRejected("headlines, bodies and descriptions must be lists of objects")
    for role in roles:
        for entry in entries:
            if role is None or entry.get("role") == role:
                value = entry.get("value")
                if isinstance(value, str) and value.strip():
                    return value.strip()
    return ""


def _body_2(bodies: Any) -> str:
    """The HTML body if there is one, else the plain-text body as paragraphs."""
    if not bodies:
        return ""
    if not isinstance(bodies, list) or not all(isinstance(b, dict) for b in bodies):
        raise ItemRejected("bodies must be a list of objects")
    html = [b for b in bodies if b.get("contenttype", "text/html") == "text/html"]
    if html:
        return _by_role(html, ("main", "html5", None))
    return _plain_to_html(_by_role(bodies, (None,)))


def _version(value: Any) -> int | None:
    if value is None or value == "":
        return None
    try:
        version = int(str(value).strip())
    except ValueError:
        raise ItemRejected(f"version {value!r} is not a whole number") from None
    if version < 0:
        raise ItemRejected(f"version {value!r} is negative")
    return version


def _datetime(data: dict, key: str) -> datetime | None:
    value = _text(data, key)
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ItemRejected(f"{key} {value!r} is not an ISO 8601 date and time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _pubstatus(value: Any) -> PubStatus:
    if value in (None, ""):
        return PubStatus.USABLE
    try:
        return PubStatus(str(value).strip().lower())
    except ValueError:
        raise ItemRejected(
            f"pubstatus {value!r} is not one of usable, withheld, canceled"
        ) from None


def _named(collection: Any) -> list[tuple[str, dict]]:
    """1.x keys objects by name; 2.x lists them with a ``name`` field. Both as (name, object)."""
    if isinstance(collection, dict):
        return [(name, obj) for name, obj in collection.items() if isinstance(obj, dict)]
    if isinstance(collection, list):
        return [(str(obj.get("name", "")), obj) for obj in collection if isinstance(obj, dict)]
    return []


def _picture(associations: Any) -> WirePicture | None:
    """The first associated picture that has a rendition with an address."""
    for _, association in _named(associations):
        if association.get("type") != "picture":
            continue
        renditions = dict(_named(association.get("renditions")))
        ordered = [renditions[n] for n in RENDITION_PREFERENCE if n in renditions]
        ordered += [r for r in renditions.values() if r not in ordered]
        href = next((r["href"] for r in ordered if isinstance(r.get("href"), str)), "")
        if not href:
            continue
        caption = (
            _by_role(association.get("descriptions"), ("caption", None))
            if "descriptions" in association
            else _text(association, "description_text") or _text(association, "headline")
        )
        credit = (
            _text(association, "creditline")
            or _text(association, "copyrightholder")
            or _text(association, "by")
            or _text(association, "byline")
        )
        return WirePicture(href=href.strip(), caption=caption, credit=credit)
    return None
