"""Display names: what a reader may call themselves, and when two names look the same.

Pure functions, no database. A name is normalised (NFKC, runs of spaces folded)
and checked for its shape here; its *key* is what two names share when a reader
could take one for the other: case, look-alike characters (Unicode's confusables
data, from the confusable-homoglyphs package: a Cyrillic "a" for a Latin one, "0" for "o",
"I" for "l", fullwidth and mathematical letters) and the separators between words
are folded away. Keys, not names, are unique (see ``NameClaim``), so "Hana
Kur0sawa" cannot sit beside "Hana Kurosawa".
"""

import re
import unicodedata
from functools import cache

from confusable_homoglyphs import confusables

MIN_LENGTH = 3
MAX_LENGTH = 30
# A name is what a mention can match (discussion/mentions.py): word characters
# in any script, spaces, "_", "-" and "."; it starts and ends with a letter or
# digit, so the full stop or hyphen after "@Name." is never part of the name.
_SHAPE = re.compile(r"^[^\W_](?:[\w .\-]*[^\W_])?$")
_SEPARATORS = re.compile(r"[\s_.\-]+")
# ASCII look-alikes the confusables data maps across case: "0" is "O", and "1", "I" and
# "l" are one stroke. Keys ignore case, so "i" joins them ("AIice" is "Alice", and so,
# erring on the side of refusing, is "Aiice").
_ASCII_FOLDS = str.maketrans({"0": "o", "1": "l", "I": "l", "i": "l"})
# A name that is, or has as a word, one of these would pass for the site's own voice.
RESERVED_WORDS = frozenset(
    {
        "admin",
        "administrator",
        "editor",
        "editors",
        "mod",
        "mods",
        "moderator",
        "moderators",
        "moderation",
        "newsroom",
        "official",
        "staff",
        "support",
        "system",
        "team",
        "deleted",
        "anonymous",
        "removed",
    }
)
# ...and these anywhere inside it, spaces or not ("TheModeratorTeam").
RESERVED_INSIDE = ("moderator", "administrator", "newsroom")


class NameProblem(ValueError):
    """Why a display name cannot be used, in words the reader can act on."""


def normalise(name: str) -> str:
    """The form a name is stored and shown in: NFKC, one space between words."""
    return " ".join(unicodedata.normalize("NFKC", name).split())


def check_shape(name: str) -> None:
    """Raise NameProblem unless the (normalised) name has an acceptable shape."""
    if any(unicodedata.category(char).startswith("C") for char in name):
        raise NameProblem("A display name cannot contain invisible or control characters.")
    if not MIN_LENGTH <= len(name) <= MAX_LENGTH:
        raise NameProblem(f"A display name has {MIN_LENGTH} to {MAX_LENGTH} characters.")
    if not _SHAPE.match(name):
        raise NameProblem(
            "Use letters, digits, spaces and _ - . only in a display name, "
            "starting and ending with a letter or digit."
        )
    if confusables.is_dangerous(name, preferred_aliases=["latin"]):
        raise NameProblem(
            "A display name cannot mix alphabets with letters that look alike "
            "(such as a Cyrillic letter among Latin ones)."
        )


@cache
def _prototype(char: str) -> str:
    """One character standing for everything that looks like ``char``."""
    if char.isascii():
        return char.translate(_ASCII_FOLDS)
    glyphs = [
        entry["c"].strip("\u200e")
        for entry in confusables.confusables_data.get(char, [])
        if len(entry["c"].strip("\u200e")) == 1
    ]
    ascii_glyphs = [glyph for glyph in glyphs if glyph.isascii() and glyph.isalnum()]
    if ascii_glyphs:
        return ascii_glyphs[0].translate(_ASCII_FOLDS)
    return min([char, *glyphs])


def name_key(name: str) -> str:
    """What two names share when a reader could take one for the other."""
    words = _SEPARATORS.sub("", normalise(name))
    return "".join(_prototype(char) for char in words).casefold()


def check_not_reserved(name: str, *, site_name: str) -> None:
    """Raise NameProblem if the name would pass for the site or its staff."""
    words = {name_key(word) for word in _SEPARATORS.split(normalise(name)) if word}
    whole = name_key(name)
    reserved = {name_key(word) for word in RESERVED_WORDS}
    inside = [name_key(word) for word in (*RESERVED_INSIDE, site_name)]
    if whole in reserved or words & reserved or any(part in whole for part in inside):
        raise NameProblem(
            "That display name is reserved: it could be taken for the site or its staff."
        )
