"""How the text rules would have treated a newsroom's own labelled comments.

    newsroom moderation-report FILE.csv      (columns text,label; label abusive or civil)

Scores each comment with the toxicity model and the word lists (a listed term
counts as certain), in batches so a large file streams, and prints for a range
of hold thresholds the share of abusive and of civil comments that would be
held, plus the ROC AUC. Malformed rows are reported with their line number.
"""

import csv
from itertools import islice

from django.core.management.base import BaseCommand, CommandError

from newsroom.moderation.rules import word_patterns
from newsroom.moderation.toxicity import toxicity_scores
from newsroom.moderation.words import find_terms

LABELS = {"abusive": 1, "civil": 0}
DEFAULT_THRESHOLDS = "0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95"
BATCH = 1000


def roc_auc(scores: list[float], labels: list[int]) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores))


class Command(BaseCommand):
    help = "Print, per hold threshold, the share of abusive and civil comments the rules hold."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a CSV file with columns text,label")
        parser.add_argument(
            "--thresholds", default=DEFAULT_THRESHOLDS, help="comma-separated hold thresholds"
        )

    def handle(self, *args, **options):
        try:
            thresholds = sorted({float(t) for t in options["thresholds"].split(",") if t.strip()})
        except ValueError as error:
            raise CommandError(
                "Thresholds are numbers between 0 and 1, separated by commas."
            ) from error
        patterns = [p for p in word_patterns().values() if p is not None]
        scores, labels, rejected = [], [], 0
        try:
            with open(options["file"], newline="", encoding="utf-8") as handle:
                reader = csv.reader(handle)
                header = [column.strip().lower() for column in next(reader, [])]
                if header[:2] != ["text", "label"]:
                    raise CommandError("The first line must be the header: text,label")
                while True:
                    batch = []
                    for row in islice(reader, BATCH):
                        problem = self._problem(row)
                        if problem:
                            rejected += 1
                            self.stderr.write(f"line {reader.line_num}: {problem}")
                            continue
                        batch.append((row[0], LABELS[row[1].strip().lower()]))
                    if not batch:
                        break
                    texts = [text for text, _ in batch]
                    for text, model in zip(texts, toxicity_scores(texts), strict=True):
                        listed = any(find_terms(pattern, text) for pattern in patterns)
                        scores.append(1.0 if listed else model)
                    labels.extend(label for _, label in batch)
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        abusive, civil = labels.count(1), labels.count(0)
        if not labels:
            raise CommandError("No usable rows.")
        self.stdout.write(
            f"{len(labels)} comments ({abusive} abusive, {civil} civil), {rejected} rows rejected"
        )
        self.stdout.write(f"{'hold at':>8}  {'abusive held':>13}  {'civil held':>11}")
        for threshold in thresholds:
            held_abusive = sum(
                1 for s, y in zip(scores, labels, strict=True) if y and s >= threshold
            )
            held_civil = sum(
                1 for s, y in zip(scores, labels, strict=True) if not y and s >= threshold
            )
            self.stdout.write(
                f"{threshold:>8.2f}  {_share(held_abusive, abusive):>13}  "
                f"{_share(held_civil, civil):>11}"
            )
        if abusive and civil:
            self.stdout.write(f"ROC AUC: {roc_auc(scores, labels):.3f}")
        else:
            self.stdout.write("ROC AUC: needs both abusive and civil comments")

    @staticmethod
    def _problem(row: list[str]) -> str:
        if len(row) != 2:
            return f"expected 2 columns (text,label), found {len(row)}"
        if not row[0].strip():
            return "the text is empty"
        if row[1].strip().lower() not in LABELS:
            return f"the label must be abusive or civil, not {row[1]!r}"
        return ""


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"
