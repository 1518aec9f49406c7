"""Word-list matching that sees through simple obfuscation.

Both the text and the term go through the same character swaps (0→o, 1→i,
3→e, 4→a, 5→s, 7→t, @→a, $→s), and each letter of a term matches a run of
that letter ("stuuupid"), on word boundaries and ignoring case. A doubled letter
in the term must stay at least doubled, so "ass" does not match "as".
"""

import re
from collections.abc import Iterable
from itertools import groupby

SWAPS = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t",
                       "@": "a", "$": "s"})  # fmt: skip


def normalise(text: str) -> str:
    return text.casefold().translate(SWAPS)


def term_pattern(term: str) -> str:
    parts = []
    for char, run in groupby(normalise(term.strip())):
        count = len(list(run))
        if char.isspace():
            parts.append(r"[\W_]+")
        elif char.isalnum():
            parts.append(f"{re.escape(char)}{{{count},}}")
        else:
            parts.append(re.escape(char * count))
    return "".join(parts)


def compile_terms(terms: Iterable[str]) -> re.Pattern | None:
    patterns = sorted({term_pattern(term) for term in terms if term.strip()})
    if not patterns:
        return None
    return re.compile(rf"(?<!\w)(?:{'|'.join(patterns)})(?!\w)")


def find_terms(pattern: re.Pattern | None, text: str) -> list[str]:
    if pattern is None:
        return []
    return [match.group(0) for match in pattern.finditer(normalise(text))]
