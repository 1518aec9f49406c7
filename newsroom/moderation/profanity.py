"""alt-profanity-check's model, scored through its weights.

The package's ``predict_prob`` runs a scikit-learn TF-IDF vectorizer and a calibrated
linear SVM (five folds, each a LinearSVC with its own sigmoid calibration, averaged).
For one comment scikit-learn's input checks cost milliseconds; the arithmetic is a
vocabulary lookup and a dot product. This module loads the package's two files once and
does that arithmetic:

    x = l2-normalised (count of each known word x its idf)
    p = mean over folds k of 1 / (1 + exp(a_k (x . w_k + c_k) + b_k))

Words are what the vectorizer's ``(?u)\\b\\w\\w+\\b`` finds in the lower-cased text; its
vocabulary already leaves out the English stop words it was told to drop.
"""

import math
import re
from collections import Counter
from importlib.metadata import distribution
from pathlib import Path

import numpy as np


class ProfanityCheck:
    """The package's vectorizer and calibrated SVM reduced to arrays."""

    def __init__(self) -> None:
        import joblib

        # The package's own __init__ loads both files at import: find them without it.
        data = Path(str(distribution("alt-profanity-check").locate_file("profanity_check/data")))
        vectorizer = joblib.load(data / "vectorizer.joblib")
        model = joblib.load(data / "model.joblib")
        params = vectorizer.get_params()
        expected = {"analyzer": "word", "lowercase": True, "ngram_range": (1, 1), "norm": "l2",
                    "use_idf": True, "sublinear_tf": False, "binary": False,
                    "strip_accents": None, "preprocessor": None, "tokenizer": None}  # fmt: skip
        if any(params[key] != value for key, value in expected.items()):
            raise ValueError("alt-profanity-check's vectorizer is not configured as expected")
        folds = model.calibrated_classifiers_
        if any(fold.method != "sigmoid" for fold in folds) or list(model.classes_) != [0, 1]:
            raise ValueError("alt-profanity-check's model is not a sigmoid-calibrated binary SVM")
        self.token = re.compile(vectorizer.token_pattern)
        self.index: dict[str, int] = {word: int(i) for word, i in vectorizer.vocabulary_.items()}
        self.idf = vectorizer.idf_.astype(np.float64)
        # Column k: fold k's weights times each word's idf, so a text is counts @ weights.
        self.weights = np.stack(
            [fold.estimator.coef_[0] * self.idf for fold in folds], axis=1
        )  # (vocabulary, folds)
        self.intercepts = np.array([fold.estimator.intercept_[0] for fold in folds])
        self.a = np.array([fold.calibrators[0].a_ for fold in folds])
        self.b = np.array([fold.calibrators[0].b_ for fold in folds])

    def probabilities(self, texts: list[str]) -> list[float]:
        """The same numbers as ``profanity_check.predict_prob(texts)``."""
        return [self._probability(text) for text in texts]

    def _probability(self, text: str) -> float:
        counts = Counter(
            i for i in map(self.index.get, self.token.findall(text.lower())) if i is not None
        )
        if counts:
            rows = list(counts)
            tf = np.fromiter(counts.values(), dtype=np.float64, count=len(rows))
            norm = math.sqrt(float(np.dot(tf * tf, self.idf[rows] ** 2)))
            decision = tf @ self.weights[rows] / norm + self.intercepts
        else:
            decision = self.intercepts
        return float(np.mean(1.0 / (1.0 + np.exp(self.a * decision + self.b))))
