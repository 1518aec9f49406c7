"""Reading a file of labelled comments (CSV with a header naming ``text`` and ``label``).

Columns are found by their header name, in any order; other columns (an id, a source)
are ignored. A label is ``abusive`` or ``civil`` (or 1 or 0). The file streams: each row
comes out as a LabelledRow or, when it cannot be used, as a RowError with its line
number and the reason, and reading always goes on to the end of the file.
"""

import csv
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TextIO

LABELS = {"abusive": 1, "civil": 0, "1": 1, "0": 0}


class LabelledFileError(ValueError):
    """The file as a whole cannot be read as labelled comments (its header)."""


@dataclass(frozen=True)
class LabelledRow:
    text: str
    label: int  # 1 abusive, 0 civil


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


def labelled_rows(handle: TextIO) -> Iterator[LabelledRow | RowError]:
    reader = csv.reader(handle)
    header = [column.strip().lower() for column in next(reader, [])]
    if "text" not in header or "label" not in header:
        raise LabelledFileError(
            "The first line must be a header naming the columns text,label (in any order; "
            f"other columns are ignored), not: {','.join(header) or 'nothing'}"
        )
    text_at, label_at = header.index("text"), header.index("label")
    expected = f"expected {len(header)} columns ({','.join(header)})"
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:  # an over-long field: this row only
            yield RowError(reader.line_num, f"unreadable row ({error})")
            continue
        if len(row) != len(header):
            yield RowError(reader.line_num, f"{expected}, found {len(row)}")
        elif not row[text_at].strip():
            yield RowError(reader.line_num, "the text is empty")
        elif (label := row[label_at].strip().lower()) not in LABELS:
            yield RowError(
                reader.line_num, f"the label must be abusive or civil, not {row[label_at]!r}"
            )
        else:
            yield LabelledRow(row[text_at], LABELS[label])
