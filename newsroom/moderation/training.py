"""Training the newsroom's own model on its moderators' decisions (or on a labelled file).

The site's decisions, by default:
- abusive: comments rejected as abusive, and comments removed after a reader reported
  them as abusive;
- civil: comments published for at least SETTLE_DAYS with no open abusive report (a
  report a moderator resolved by approving the comment counts as civil).
Everything else (pending, spam, off topic, deleted by the author, reported and not yet
decided) is left out: it says nothing about abuse.

A new model replaces the live one only if its cross-validated AUC is at least the live
model's AUC on the same rows (the live model may have trained on some of them, which
only favours it), unless forced. The live file is replaced in one rename, and every
process picks it up at its next score (toxicity.py).
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from newsroom.discussion.models import Comment
from newsroom.moderation.models import Report
from newsroom.moderation.newsroom_model import (
    FOLDS,
    TrainedModel,
    check_labels,
    cross_validated_auc,
    fit,
)

SETTLE_DAYS = 3
RETRAIN_EVERY = timedelta(days=7)
RETRAIN_MIN_NEW_DECISIONS = 200


class TrainingRefused(Exception):
    """The data cannot make a model, or the new model is worse than the live one."""


@dataclass(frozen=True)
class TrainingResult:
    model: TrainedModel
    replaced: TrainedModel | None
    live_auc: float | None  # the live model's AUC on the new rows, when there was one


def _abusive_reports():
    return Report.objects.filter(comment=OuterRef("pk"), reason=Report.Reason.REPORTED_ABUSIVE)


def _decided(*, since: datetime | None = None) -> QuerySet[Comment]:
    settled = timezone.now() - timedelta(days=SETTLE_DAYS)
    status = Comment.Status
    abusive = Q(status=status.REJECTED, rejection_reason=Comment.RejectionReason.ABUSIVE) | Q(
        status=status.REMOVED, reported_abusive=True
    )
    civil = Q(status=status.PUBLISHED, created_at__lte=settled, open_abusive_report=False)
    comments = Comment.objects.annotate(
        reported_abusive=Exists(_abusive_reports()),
        open_abusive_report=Exists(_abusive_reports().filter(resolved_at__isnull=True)),
    ).filter(abusive | civil)
    return comments if since is None else comments.filter(updated_at__gt=since)


def site_decisions() -> tuple[list[str], list[int]]:
    """The texts and labels (1 abusive, 0 civil) of the comments moderators decided."""
    texts, labels = [], []
    rows = _decided().order_by("pk").values_list("body", "status")
    for body, status in rows.iterator(chunk_size=2000):
        texts.append(body)
        labels.append(0 if status == Comment.Status.PUBLISHED else 1)
    return texts, labels


def live_model() -> TrainedModel | None:
    path = settings.NEWSROOM_MODERATION_MODEL_FILE
    return TrainedModel.load(path) if path.exists() else None


def moderation_model_train(
    *, texts: list[str], labels: list[int], source: str, force: bool = False
) -> TrainingResult:
    """Fit, measure and (unless it is worse than the live model) install a new model."""
    from sklearn.metrics import roc_auc_score

    try:
        check_labels(labels)
    except ValueError as error:
        raise TrainingRefused(str(error)) from error
    cv_auc = cross_validated_auc(texts, labels)
    model = fit(texts, labels, info={"source": source})
    live = live_model()
    live_auc = float(roc_auc_score(labels, live.logits(texts))) if live else None
    model.info["cv_auc"] = cv_auc
    model.info["folds"] = FOLDS
    model.info["replaced_auc"] = live_auc
    if live_auc is not None and cv_auc < live_auc and not force:
        raise TrainingRefused(
            f"The new model's cross-validated AUC {cv_auc:.3f} is below the live model's "
            f"{live_auc:.3f} on the same rows; the live model stays (--force replaces it)."
        )
    model.save(settings.NEWSROOM_MODERATION_MODEL_FILE)
    return TrainingResult(model=model, replaced=live, live_auc=live_auc)


def retrain_due(*, now=None) -> str | None:
    """Why a weekly retraining should run now, or None when it should not."""
    now = now or timezone.now()
    live = live_model()
    since = None
    if live is not None:
        since = datetime.fromisoformat(live.info["trained_at"])
        if now - since < RETRAIN_EVERY:
            return None
    new = _decided(since=since).count()
    if new < RETRAIN_MIN_NEW_DECISIONS:
        return None
    return f"{new} new decisions since {since:%Y-%m-%d}" if since else f"{new} decisions"
