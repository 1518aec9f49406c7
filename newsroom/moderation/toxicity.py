"""Toxicity: every model the newsroom has, run locally, combined into one score.

The models:
- ``profanity_check``: alt-profanity-check's calibrated SVM (profanity.py);
- ``tox_block``: the "toxic" output of tox-block's bidirectional LSTM (lstm.py);
- ``newsroom``: the newsroom's own model, once ``newsroom moderation-train`` has made one
  (newsroom_model.py, in the file NEWSROOM_MODERATION_MODEL_FILE).

The combined score is the mean of the models' logits mapped back to a probability, so
one confident model moves it more than a hesitant one. Each model is scored through its
weights (no scikit-learn or TensorFlow call per comment): one comment costs about half
a millisecond, see benchmarks/moderation.py and docs/moderation.md.

Loading takes seconds (scikit-learn's import, the LSTM's weights, compiling its
recurrence or reading it from numba's cache), so ``warm_up()`` loads and runs
everything when a worker process starts (newsroom/wsgi.py calls it) rather than on
the first reader's post; anything not warmed up loads on first use. A retrained model
file is picked up by every process at its next score (one ``stat`` per call).
"""

import logging
import threading
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from django.conf import settings

from newsroom.moderation.lstm import ToxBlockLSTM
from newsroom.moderation.newsroom_model import TrainedModel
from newsroom.moderation.profanity import ProfanityCheck

logger = logging.getLogger(__name__)

PROFANITY_CHECK, TOX_BLOCK, NEWSROOM = "profanity_check", "tox_block", "newsroom"
_EPSILON = 1e-7  # probabilities are clipped to [e, 1 - e] before taking their logit


@dataclass(frozen=True)
class Scores:
    """One comment's scores: the combination, and each model's probability by name."""

    combined: float
    by_model: dict[str, float]


def _logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, _EPSILON, 1.0 - _EPSILON)
    return np.log(p / (1.0 - p))


def _probabilities(logits: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-logits))


@cache
def _shipped_models() -> tuple[ProfanityCheck, ToxBlockLSTM]:
    from threadpoolctl import threadpool_limits

    # One comment's matrices are small: BLAS threads only add hand-offs, and on a busy
    # machine their spinning costs more than the arithmetic (a 64-comment LSTM step took
    # 4.5 ms with two threads against 0.15 ms with one). Workers are processes anyway.
    threadpool_limits(limits=1, user_api="blas")
    return ProfanityCheck(), ToxBlockLSTM()


class _OwnModel:
    """The newsroom's model file, reloaded when a training run replaces it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._model: TrainedModel | None = None

    def current(self) -> TrainedModel | None:
        path = Path(settings.NEWSROOM_MODERATION_MODEL_FILE)
        try:
            stat = path.stat()
            stamp = (str(path), stat.st_ino, stat.st_mtime_ns, stat.st_size)
        except FileNotFoundError:
            stamp = None
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._model = self._load(path) if stamp else None
                    self._stamp = stamp
        return self._model

    @staticmethod
    def _load(path: Path) -> TrainedModel | None:
        try:
            return TrainedModel.load(path)
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
            # A broken file must not stop readers from posting: score without it, loudly.
            logger.error("Cannot load the newsroom's moderation model %s: %s", path, error)
            return None


own_model = _OwnModel()


def warm_up() -> None:
    """Load every model and score a text now (a worker process calls this as it starts)."""
    score("A first comment, scored as the worker starts.")


def score_many(texts: Iterable[str]) -> list[Scores]:
    """Each text's Scores, computed in one pass per model."""
    texts = list(texts)
    if not texts:
        return []
    profanity, lstm = _shipped_models()
    probabilities = np.array(profanity.probabilities(texts))
    logits = {
        PROFANITY_CHECK: _logit(probabilities),
        TOX_BLOCK: lstm.logits(texts)[:, 0].astype(np.float64),
    }
    model = own_model.current()
    if model is not None:
        logits[NEWSROOM] = model.logits(texts)
    combined = _probabilities(np.mean(np.stack(list(logits.values())), axis=0))
    by_model = {name: _probabilities(values) for name, values in logits.items()}
    # The clip before the logit is for combining; each model's own number is shown as it is.
    by_model[PROFANITY_CHECK] = probabilities
    return [
        Scores(
            combined=float(combined[row]),
            by_model={name: float(values[row]) for name, values in by_model.items()},
        )
        for row in range(len(texts))
    ]


def score(text: str) -> Scores:
    return score_many([text])[0]


def toxicity_score(text: str) -> float:
    """The combined probability (0 to 1) that ``text`` is abusive."""
    return score(text).combined


def toxicity_scores(texts: list[str]) -> list[float]:
    return [scores.combined for scores in score_many(texts)]
