"""How old a comment is, as the stream prints it."""

from datetime import datetime, timedelta

from django.utils import timezone
from django.utils.timesince import timesince


def ago(moment: datetime) -> str:
    """Relative time for a comment: "just now", "5 minutes ago", "2 days ago"."""
    if timezone.now() - moment < timedelta(minutes=1):
        return "just now"
    return f"{timesince(moment, depth=1)} ago"
