"""The comment orderings as plain functions: the reference the SQL in CommentQuerySet follows."""

import math


def wilson_lower_bound(ups: int, downs: int, z: float = 1.96) -> float:
    """Lower bound of the Wilson score interval for the share of up votes.

    Ranks by how sure we are that readers like a comment, not by its raw
    score: 3 up and 0 down ranks below 60 up and 10 down.
    """
    total = ups + downs
    if total == 0:
        return 0.0
    share = ups / total
    z2 = z * z
    centre = share + z2 / (2 * total)
    spread = z * math.sqrt((share * (1 - share) + z2 / (4 * total)) / total)
    return (centre - spread) / (1 + z2 / total)


def controversy(ups: int, downs: int) -> float:
    """reddit's controversial sort (2014): many votes, evenly split, rank highest."""
    if ups <= 0 or downs <= 0:
        return 0.0
    return (ups + downs) ** (min(ups, downs) / max(ups, downs))
