from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.timesince import timesince

from newsroom.discussion.relative_time import ago

# Every minute of the first day, then every hour up to two months: past four weeks ago()
# hands over to timesince, and the hand-over must not change a word.
AGES = [timedelta(minutes=m) for m in range(1, 24 * 60)] + [
    timedelta(hours=h, minutes=7) for h in range(24, 60 * 24)
]


def test_a_comment_under_a_minute_old_was_posted_just_now():
    assert ago(timezone.now() - timedelta(seconds=59)) == "just now"
    assert ago(timezone.now() + timedelta(seconds=30)) == "just now"  # a clock a little ahead


@pytest.mark.parametrize("unit", ["minute", "hour", "day", "week"])
def test_one_of_a_unit_is_singular(unit):
    length = {"minute": 1, "hour": 60, "day": 24 * 60, "week": 7 * 24 * 60}[unit]
    assert ago(timezone.now() - timedelta(minutes=length, seconds=5)) == f"1\xa0{unit} ago"


def test_every_age_reads_as_django_timesince_words_it():
    now = timezone.now()
    for age in AGES:
        moment = now - age
        expected = f"{timesince(moment, depth=1)} ago"
        assert ago(moment) == expected, age
