from django import forms
from django.core.exceptions import ValidationError

from newsroom.accounts.models import User
from newsroom.accounts.names import MAX_LENGTH
from newsroom.accounts.services import user_request_display_name
from newsroom.accounts.validators import display_name_validate

DISPLAY_NAME_HELP = (
    "Shown beside your comments. 3 to 30 characters: letters in any alphabet, digits, "
    "spaces and the signs _ - . (not first or last)."
)


class SignupForm(forms.Form):
    """The extra field allauth's sign-up asks for: the name shown beside comments.

    The name is checked now but only claimed when the email address is verified,
    so a sign-up that never verifies holds no name.
    """

    display_name = forms.CharField(max_length=MAX_LENGTH * 2, help_text=DISPLAY_NAME_HELP)

    def clean_display_name(self) -> str:
        return display_name_validate(name=self.cleaned_data["display_name"])

    def signup(self, request, user: User) -> None:
        user_request_display_name(user=user, display_name=self.cleaned_data["display_name"])


class DisplayNameForm(forms.Form):
    display_name = forms.CharField(
        max_length=MAX_LENGTH * 2,
        help_text=f"{DISPLAY_NAME_HELP} You can change it once in 30 days.",
    )

    def __init__(self, *args, reader: User, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.reader = reader

    def clean_display_name(self) -> str:
        return display_name_validate(name=self.cleaned_data["display_name"], reader=self.reader)


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
        label="Email me when someone replies to or quotes one of my comments, and when a moderator "
        "approves or rejects one held for review",
        required=False,
    )
