import re

from django import forms
from django.core.exceptions import ValidationError

from newsroom.accounts.models import User
from newsroom.accounts.services import user_set_display_name

DISPLAY_NAME_PATTERN = re.compile(r"^[A-Za-z0-9 _.\-]+$")


def validate_display_name(name: str, *, exclude: User | None = None) -> str:
    name = " ".join(name.split())
    if not 3 <= len(name) <= 30:
        raise ValidationError("A display name has 3 to 30 characters.")
    if not DISPLAY_NAME_PATTERN.match(name):
        raise ValidationError("Use letters, digits, spaces and _ - . only in a display name.")
    taken = User.objects.filter(display_name__iexact=name)
    if exclude is not None:
        taken = taken.exclude(pk=exclude.pk)
    if taken.exists():
        raise ValidationError("That display name is taken; please choose another.")
    return name


class SignupForm(forms.Form):
    """The extra field allauth's signup asks for: the name shown beside comments."""

    display_name = forms.CharField(
        max_length=30,
        help_text="Shown beside your comments. 3 to 30 letters, digits, spaces, _ - or .",
    )

    def clean_display_name(self) -> str:
        return validate_display_name(self.cleaned_data["display_name"])

    def signup(self, request, user: User) -> None:
        user_set_display_name(user=user, display_name=self.cleaned_data["display_name"])


class AccountDeleteForm(forms.Form):
    confirm = forms.CharField(
        label='Type "delete my account" to confirm',
        max_length=40,
    )

    def clean_confirm(self) -> str:
        if self.cleaned_data["confirm"].strip().lower() != "delete my account":
            raise ValidationError('Type "delete my account" to confirm.')
        return self.cleaned_data["confirm"]


class EmailSettingsForm(forms.Form):
    notify_replies = forms.BooleanField(
        label="Email me when someone replies to or quotes one of my comments",
        required=False,
    )
