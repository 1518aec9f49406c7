"""How the text rules would have treated a newsroom's own labelled comments.

    newsroom moderation-report FILE.csv      (a header naming text and label; label
                                              abusive or civil; other columns ignored)

Scores each comment with every toxicity model and the word lists (a listed term counts
as certain), in batches so a large file streams, and prints for a range of hold
thresholds the share of abusive and of civil comments that the rules would hold, then
for each model, their combination and the rules: the ROC AUC and the share of abusive
comments held when 2% and when 5% of civil ones are. Unusable rows are reported with
their line number; reading always goes on to the end of the file.
"""

from itertools import batched

from django.core.management.base import BaseCommand, CommandError

from newsroom.moderation.evaluation import recall_at, roc_auc
from newsroom.moderation.labelled import LabelledFileError, RowError, labelled_rows
from newsroom.moderation.rules import word_patterns
from newsroom.moderation.toxicity import score_many
from newsroom.moderation.words import find_terms

DEFAULT_THRESHOLDS = "0.3,0.4,0.5,0.6,0.7,0.8,0.9,0.95"
BATCH = 1000
COMBINED, RULES = "combined", "rules (combined + word lists)"


class Command(BaseCommand):
    help = "Print, per hold threshold, the share of abusive and civil comments the rules hold."

    def add_arguments(self, parser):
        parser.add_argument("file", help="a CSV file with a header naming text and label")
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
        scores: dict[str, list[float]] = {}
        labels: list[int] = []
        rejected = 0
        try:
            with open(options["file"], newline="", encoding="utf-8") as handle:
                rows = labelled_rows(handle)
                for batch in batched(self._usable(rows), BATCH):
                    texts = [row.text for row in batch]
                    for text, scored in zip(texts, score_many(texts), strict=True):
                        for name, value in scored.by_model.items():
                            scores.setdefault(name, []).append(value)
                        scores.setdefault(COMBINED, []).append(scored.combined)
                        listed = any(find_terms(pattern, text) for pattern in patterns)
                        scores.setdefault(RULES, []).append(1.0 if listed else scored.combined)
                    labels.extend(row.label for row in batch)
                rejected = self._rejected
        except LabelledFileError as error:
            raise CommandError(str(error)) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {options['file']}: {error}") from error
        if not labels:
            raise CommandError("No usable rows.")
        self._print(scores, labels, rejected, thresholds)

    def _usable(self, rows):
        """The usable rows; each unusable one goes to stderr and is counted."""
        self._rejected = 0
        for row in rows:
            if isinstance(row, RowError):
                self._rejected += 1
                self.stderr.write(str(row))
            else:
                yield row

    def _print(self, scores, labels, rejected, thresholds):
        abusive, civil = labels.count(1), labels.count(0)
        write = self.stdout.write
        write(f"{len(labels)} comments ({abusive} abusive, {civil} civil), ", ending="")
        write(f"{rejected} rows rejected")
        write(f"{'hold at':>8}  {'abusive held':>13}  {'civil held':>11}")
        rules = scores[RULES]
        for threshold in thresholds:
            held = [y for s, y in zip(rules, labels, strict=True) if s >= threshold]
            write(
                f"{threshold:>8.2f}  {_share(held.count(1), abusive):>13}  "
                f"{_share(held.count(0), civil):>11}"
            )
        auc = roc_auc(rules, labels)
        if auc is None:
            write("ROC AUC: needs both abusive and civil comments")
            return
        write(f"ROC AUC: {auc:.3f}")
        write("")
        write(f"{'scores':<30}  {'ROC AUC':>7}  {'held at 2% civil':>16}  {'at 5% civil':>11}")
        for name, values in scores.items():
            at2 = recall_at(values, labels, false_positive_rate=0.02)
            at5 = recall_at(values, labels, false_positive_rate=0.05)
            write(f"{name:<30}  {roc_auc(values, labels):>7.3f}  {at2:>16.1%}  {at5:>11.1%}")


def _share(part: int, whole: int) -> str:
    return f"{part / whole:.1%}" if whole else "n/a"
