"""The one check every display name passes, at sign-up and on a rename."""

from django.conf import settings
from django.core.exceptions import ValidationError

from newsroom.accounts.models import User
from newsroom.accounts.names import NameProblem, check_not_reserved, check_shape, normalise
from newsroom.accounts.selectors import display_name_holder


def display_name_validate(*, name: str, reader: User | None = None) -> str:
    """The normalised name, or a ValidationError saying what to change."""
    name = normalise(name)
    try:
        check_shape(name)
        check_not_reserved(name, site_name=settings.WAGTAIL_SITE_NAME)
    except NameProblem as problem:
        raise ValidationError(str(problem)) from problem
    if display_name_holder(name=name, reader=reader) is not None:
        raise ValidationError(
            "That display name is taken, or looks too much like one that is; please choose another."
        )
    return name
