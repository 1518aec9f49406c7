"""Word-list matching that sees through obfuscation.

Both the text and each term go through the same normalisation before the lists apply:

1. Unicode NFKC (fullwidth and mathematical letters become plain ones), case folded;
2. every character that the Unicode confusables data (UTS #39, as shipped by the pinned
   ``confusable-homoglyphs`` package) lists as a look-alike of one ASCII character
   replaced by it (Cyrillic dze, es and a become s, c and a), and the common swaps 0→o, 1→i,
   3→e, 4→a, 5→s, 7→t, 8→b, @→a, $→s, v→u ("scvmbag");
3. format characters (category Cf: zero-width spaces and joiners, soft hyphens, bidi
   controls) removed, and accents on Latin letters dropped ("scümbag").

A term then matches on word boundaries where each of its letters may repeat
("stuuupid"), up to three separators may stand between two letters ("s.c.u.m",
"s-c-u-m"), and an English ending may follow: plural -s, -es, -'s, y→-ies, and -ed,
-ing. A doubled letter in the term must stay at least doubled, so "ass" does not
match "as"; other words are not matched ("idiotic" is not "idiot").
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from itertools import groupby

SWAPS = {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "@": "a",
         "$": "s", "v": "u"}  # fmt: skip
SEPARATOR = r"[\W_]{0,3}"
ENDING = r"(?:'?s|es|ed|ing)?"  # the confusables fold makes a curly apostrophe straight


@cache
def _fold_table() -> dict[int, str]:
    """Each non-ASCII character with one ASCII look-alike, mapped to it (then swapped)."""
    from confusable_homoglyphs.confusables import confusables_data

    table = {}
    for char, homoglyphs in confusables_data.items():
        if len(char) != 1 or char.isascii():
            continue
        ascii_ = {h["c"].casefold() for h in homoglyphs if len(h["c"]) == 1 and h["c"].isascii()}
        if len(ascii_) == 1:
            table[ord(char)] = ascii_.pop()
    for char, replacement in SWAPS.items():
        table[ord(char)] = replacement
    for code, folded in table.items():
        table[code] = SWAPS.get(folded, folded)
    return table


def normalise(text: str) -> str:
    table = _fold_table()
    # Folded before and after case folding: a capital may have a look-alike its small
    # letter lacks (Cyrillic capital em looks like M, its small letter like nothing ASCII).
    folded = unicodedata.normalize("NFKC", text).translate(table).casefold().translate(table)
    if folded.isascii():  # no format characters, no marks: the steps below change nothing
        return folded
    kept: list[str] = []
    for char in unicodedata.normalize("NFKD", folded):
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        # Accents on Latin letters go ("scümbag"); a mark on any other script stays.
        if category in {"Mn", "Me"} and kept and kept[-1].isascii():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _letters(word: str) -> list[str]:
    """One pattern per run of a character: a letter's run may grow, anything else is exact."""
    parts = []
    for char, run in groupby(word):
        count = len(list(run))
        letter = char.isalnum()
        parts.append(f"{re.escape(char)}{{{count},}}" if letter else re.escape(char * count))
    return parts


def term_pattern(term: str) -> str:
    *first, last = [_letters(word) for word in normalise(term.strip()).split()]
    head = "".join(SEPARATOR.join(parts) + r"[\W_]+" for parts in first)
    pattern = head + SEPARATOR.join(last) + ENDING
    if len(last) > 2 and last[-1] == "y{1,}":
        # "bully" also matches "bullies" and "bullied".
        pattern += "|" + head + SEPARATOR.join([*last[:-1], "i"]) + "(?:es|ed)"
    return f"(?:{pattern})"


def compile_terms(terms: Iterable[str]) -> re.Pattern | None:
    patterns = sorted({term_pattern(term) for term in terms if term.strip()})
    if not patterns:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)")


def find_terms(pattern: re.Pattern | None, text: str) -> list[str]:
    """What the lists' ``pattern`` (compile_terms) finds in ``text``."""
    return find_normalised(pattern, normalise(text))


def find_normalised(pattern: re.Pattern | None, normalised: str) -> list[str]:
    """find_terms() of a text already normalise()d: one text read by several lists."""
    if pattern is None:
        return []
    return [match.group(0) for match in pattern.finditer(normalised)]
