"""How old a comment is, as the stream prints it."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.timesince import timesince

# Below four weeks every unit has a fixed length, and the count is worked out here: the
# stream prints one for each comment it shows, on every render and every fragment key.
# From 28 days (the shortest calendar month) Django's timesince counts months and years
# by the calendar.
_FIXED_UNITS = (("week", 7 * 24 * 3600), ("day", 24 * 3600), ("hour", 3600), ("minute", 60))
_CALENDAR_FROM = timedelta(days=28)


def ago(moment: datetime) -> str:
    """Relative time for a comment: "just now", "5 minutes ago", "2 days ago", as Django's
    timesince words it (its non-breaking space between number and unit)."""
    elapsed = timezone.now() - moment
    if elapsed < timedelta(minutes=1):
        return "just now"
    if elapsed >= _CALENDAR_FROM:
        return f"{timesince(moment, depth=1)} ago"
    seconds = int(elapsed.total_seconds())
    unit, length = next((unit, length) for unit, length in _FIXED_UNITS if seconds >= length)
    count = seconds // length
    return f"{count}\xa0{unit}{'' if count == 1 else 's'} ago"
