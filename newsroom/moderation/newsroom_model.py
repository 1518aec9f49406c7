"""The newsroom's own moderation model: word and character n-grams, TF-IDF, logistic regression.

Trained with scikit-learn on comments the newsroom's moderators decided (see
``training.py`` and ``newsroom moderation-train``); stored as plain arrays in one ``.npz``
file (no pickle: loading a model file runs no code) with its training date, row counts
and metrics; scored through those arrays directly, as ``profanity.py`` does for
alt-profanity-check, so scoring a comment never goes through scikit-learn.

Features are one vocabulary: lower-cased words and word pairs (``w:``), and the 3 to 5
character n-grams of each distinct word padded with spaces (``c:``, like scikit-learn's
``char_wb``); sub-linear term frequency, idf, one l2 norm over them all.
"""

import json
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cached_property, lru_cache
from itertools import pairwise
from pathlib import Path

import numpy as np

WORD = re.compile(r"\w+")
CHAR_NGRAMS = (3, 5)
FOLDS = 5
MIN_ROWS_PER_LABEL = 10


@lru_cache(maxsize=65_536)
def _character_grams(word: str) -> tuple[str, ...]:
    """A word's character n-grams, padded with spaces (words recur: computed once each)."""
    padded = f" {word} "
    low, high = CHAR_NGRAMS
    return tuple(
        f"c:{padded[i : i + n]}" for n in range(low, high + 1) for i in range(len(padded) - n + 1)
    )


def features(text: str) -> list[str]:
    """The n-grams of ``text`` the model knows about (also the vectorizer's analyzer)."""
    words = _words(text)
    grams = _word_grams(words)
    for word in set(words):
        grams += _character_grams(word)
    return grams


def _words(text: str) -> list[str]:
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def _word_grams(words: list[str]) -> list[str]:
    """Each word, and each pair of neighbours."""
    return [f"w:{word}" for word in words] + [f"w:{a} {b}" for a, b in pairwise(words)]


@dataclass(frozen=True)
class TrainedModel:
    """A fitted model as arrays, and what is known about how it was made."""

    index: dict[str, int]
    idf: np.ndarray
    coef: np.ndarray
    intercept: float
    info: dict = field(default_factory=dict)  # trained_at, rows, abusive, civil, cv_auc, ...

    def logits(self, texts: list[str]) -> np.ndarray:
        """The model's log-odds that each text is abusive."""
        return np.array([self._logit(text) for text in texts], dtype=np.float64)

    def probabilities(self, texts: list[str]) -> list[float]:
        return [float(p) for p in 1.0 / (1.0 + np.exp(-self.logits(texts)))]

    def _logit(self, text: str) -> float:
        rows = self._known_rows(text)
        if not rows:
            return self.intercept
        # The counts of features(text) the model knows, by their rows.
        known, counts = np.unique(np.array(rows, dtype=np.intp), return_counts=True)
        weights = (1.0 + np.log(counts)) * self.idf[known]
        norm = math.sqrt(float(weights @ weights))
        if norm == 0.0:
            return self.intercept
        return float(weights @ self.coef[known]) / norm + self.intercept

    def _known_rows(self, text: str) -> list[int]:
        """The row of each n-gram of features(text) the model knows, as often as it occurs.

        Read without building every n-gram as a string: a word's character n-grams are
        looked up once per word (words recur), for the few thousand most recent words.
        """
        words = _words(text)
        rows = [row for row in map(self.index.get, _word_grams(words)) if row is not None]
        for word in set(words):
            rows += self._character_rows(word)
        return rows

    @cached_property
    def _character_rows(self) -> Callable[[str], tuple[int, ...]]:
        index = self.index

        @lru_cache(maxsize=16_384)
        def rows(word: str) -> tuple[int, ...]:
            return tuple(r for r in map(index.get, _character_grams(word)) if r is not None)

        return rows

    def save(self, path: Path) -> None:
        """Write the model next to ``path`` and move it into place in one step."""
        path.parent.mkdir(parents=True, exist_ok=True)
        terms = sorted(self.index, key=self.index.__getitem__)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".npz")
        with os.fdopen(handle, "wb") as out:
            np.savez_compressed(
                out,
                terms=np.frombuffer("\n".join(terms).encode(), dtype=np.uint8),
                idf=self.idf,
                coef=self.coef,
                intercept=np.array([self.intercept]),
                info=np.frombuffer(json.dumps(self.info).encode(), dtype=np.uint8),
            )
        os.replace(temporary, path)

    @classmethod
    def load(cls, path: Path) -> "TrainedModel":
        with np.load(path, allow_pickle=False) as data:
            terms = data["terms"].tobytes().decode().split("\n")
            return cls(
                index={term: i for i, term in enumerate(terms)},
                idf=data["idf"],
                coef=data["coef"],
                intercept=float(data["intercept"][0]),
                info=json.loads(data["info"].tobytes().decode()),
            )


def _pipeline():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    return make_pipeline(
        TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=2, dtype=np.float64),
        LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000),
    )


def cross_validated_auc(texts: list[str], labels: list[int]) -> float:
    """ROC AUC of out-of-fold scores: each row scored by a model that never saw it."""
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=0)
    scores = cross_val_predict(_pipeline(), texts, labels, cv=folds, method="decision_function")
    return float(roc_auc_score(labels, scores))


def check_labels(labels: list[int]) -> None:
    abusive = sum(labels)
    civil = len(labels) - abusive
    if min(abusive, civil) < MIN_ROWS_PER_LABEL:
        raise ValueError(
            f"Training needs at least {MIN_ROWS_PER_LABEL} abusive and {MIN_ROWS_PER_LABEL} "
            f"civil comments; there are {abusive} abusive and {civil} civil."
        )


def fit(texts: list[str], labels: list[int], *, info: dict) -> TrainedModel:
    """Fit on every row; ``info`` (source, metrics) is stored with the model."""
    check_labels(labels)
    abusive = sum(labels)
    civil = len(labels) - abusive
    pipeline = _pipeline().fit(texts, labels)
    vectorizer, regression = pipeline[0], pipeline[1]
    return TrainedModel(
        index={term: int(i) for term, i in vectorizer.vocabulary_.items()},
        idf=vectorizer.idf_.astype(np.float64),
        coef=regression.coef_[0].astype(np.float64),
        intercept=float(regression.intercept_[0]),
        info={
            "trained_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "rows": len(labels),
            "abusive": abusive,
            "civil": civil,
            "features": len(vectorizer.vocabulary_),
            **info,
        },
    )
