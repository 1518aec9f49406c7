"""The toxicity scorer: alt-profanity-check's model, shipped in the package, run locally.

The model (a scikit-learn pipeline) loads on first use, not at import, so that
commands and pages that never score a comment do not pay for it.
"""

from functools import cache


@cache
def _predict_prob():
    from profanity_check import predict_prob

    return predict_prob


def toxicity_score(text: str) -> float:
    """The model's probability (0 to 1) that ``text`` is abusive."""
    return toxicity_scores([text])[0]


def toxicity_scores(texts: list[str]) -> list[float]:
    if not texts:
        return []
    return [float(p) for p in _predict_prob()(list(texts))]
