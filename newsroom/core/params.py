"""Whole numbers from a query string, read strictly.

Python's ``int()`` accepts what a URL should not ("²" passes ``str.isdigit()`` and then
fails; "①", Arabic-Indic digits and " 7 " parse or half-parse), and a number beyond
what the database holds fails deep in a query. Every id, page and offset a view reads
from the URL goes through here: ASCII digits only, within the database's bigint range.
"""

import re

from django.core.exceptions import BadRequest
from django.http import QueryDict

MAX_ID = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def parse_int(value: str | None, *, maximum: int = MAX_ID) -> int | None:
    """The number ``value`` spells in ASCII digits, or None if it spells none in range."""
    if value is None or not _DIGITS.fullmatch(value):
        return None
    number = int(value)
    return number if number <= maximum else None


def int_param(
    query: QueryDict, name: str, *, default: int | None = None, maximum: int = MAX_ID
) -> int | None:
    """An optional whole-number parameter: absent gives the default, malformed a 400."""
    raw = query.get(name)
    if raw is None or raw == "":
        return default
    number = parse_int(raw, maximum=maximum)
    if number is None:
        raise BadRequest(f"The parameter {name!r} must be a whole number from 0 to {maximum}.")
    return number
