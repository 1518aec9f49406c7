"""What every wire format is parsed into: one typed story version, independent of the format."""

import hashlib
import json
from dataclasses import asdict, dataclass
from datetime import datetime
from enum import StrEnum


class PubStatus(StrEnum):
    """IPTC's publishing status: usable, or withdrawn for now (withheld) or for good (canceled)."""

    USABLE = "usable"
    WITHHELD = "withheld"
    CANCELED = "canceled"

    @property
    def withdraws(self) -> bool:
        return self is not PubStatus.USABLE


class ItemRejected(Exception):
    """An item that cannot be taken in, with a reason an editor can act on."""


@dataclass(frozen=True, slots=True)
class WirePicture:
    href: str  # a path relative to the item's file, a file: URL, or a URL whose file name is used
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True, slots=True)
class WireItem:
    uri: str
    headline: str
    body_html: str = ""
    standfirst: str = ""
    byline: str = ""
    version: int | None = None
    version_created: datetime | None = None
    pubstatus: PubStatus = PubStatus.USABLE
    embargoed: datetime | None = None
    copyright_notice: str = ""
    usage_terms: str = ""
    ednote: str = ""  # for editors only: never published
    picture: WirePicture | None = None

    @property
    def content_hash(self) -> str:
        """Identifies what this version says, to tell a repeat from a conflicting version."""
        data = asdict(self)
        data.pop("ednote")
        return hashlib.sha256(
            json.dumps(data, sort_keys=True, default=str, ensure_ascii=False).encode()
        ).hexdigest()


@dataclass(frozen=True, slots=True)
class ParsedItem:
    """One item of a file as parsed: where it is in the file, and the item or why it was refused."""

    where: str  # "item 3", "line 12", "entry 2"
    item: WireItem | None = None
    error: str = ""
