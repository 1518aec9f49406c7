"""Train the newsroom's own moderation model.

    newsroom moderation-train              on the site's own moderation decisions
    newsroom moderation-train FILE.csv     on a labelled file (header naming text and label)
    newsroom moderation-train --if-due     only when a week has passed and enough new
                                           decisions exist (for a daily cron job)
    newsroom moderation-train --enqueue    queue that check for the task worker instead
    --force                                install the new model even if it is worse

Prints the rows used and the cross-validated ROC AUC before anything is saved; refuses
to replace a better live model with a worse one unless forced. See training.py.
"""

from django.core.management.base import BaseCommand, CommandError

from newsroom.moderation.labelled import LabelledFileError, RowError, labelled_rows
from newsroom.moderation.training import (
    TrainingRefused,
    moderation_model_train,
    retrain_due,
    site_decisions,
)


class Command(BaseCommand):
    help = "Train the newsroom's own moderation model on its decisions or a labelled CSV file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="a CSV file with columns text and label")
        parser.add_argument("--force", action="store_true", help="replace even a better model")
        parser.add_argument(
            "--if-due", action="store_true", help="train only when a weekly retraining is due"
        )
        parser.add_argument(
            "--enqueue", action="store_true", help="queue the --if-due check as a task"
        )

    def handle(self, *args, file=None, force=False, if_due=False, enqueue=False, **options):
        if file and (if_due or enqueue):
            raise CommandError("--if-due and --enqueue train on the site's decisions, not a file.")
        if enqueue:
            from newsroom.moderation.tasks import moderation_model_retrain

            result = moderation_model_retrain.enqueue()
            self.stdout.write(f"Enqueued the weekly retraining check as task {result.id}.")
            return
        if if_due:
            reason = retrain_due()
            if reason is None:
                self.stdout.write("No retraining due.")
                return
            self.stdout.write(f"Retraining: {reason}.")
        texts, labels = self._read(file) if file else site_decisions()
        source = f"file {file}" if file else "site decisions"
        self.stdout.write(
            f"Training on {len(labels)} comments from {source} "
            f"({sum(labels)} abusive, {len(labels) - sum(labels)} civil)."
        )
        try:
            result = moderation_model_train(texts=texts, labels=labels, source=source, force=force)
        except TrainingRefused as error:
            raise CommandError(str(error)) from error
        info = result.model.info
        self.stdout.write(f"Cross-validated ROC AUC ({info['folds']} folds): {info['cv_auc']:.3f}")
        if result.live_auc is not None:
            self.stdout.write(f"The replaced model's ROC AUC on these rows: {result.live_auc:.3f}")
        self.stdout.write(
            f"Saved the model trained at {info['trained_at']} ({info['features']} features)."
        )

    def _read(self, path: str) -> tuple[list[str], list[int]]:
        texts, labels = [], []
        try:
            with open(path, newline="", encoding="utf-8") as handle:
                for row in labelled_rows(handle):
                    if isinstance(row, RowError):
                        self.stderr.write(str(row))
                        continue
                    texts.append(row.text)
                    labels.append(row.label)
        except LabelledFileError as error:
            raise CommandError(str(error)) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {path}: {error}") from error
        return texts, labels
