from typing import cast

from django import forms
from django.http import QueryDict

from newsroom.discussion.services import MAX_BODY_LENGTH
from newsroom.moderation.models import Report


class NudgeForm(forms.Form):
    """A form the writer may be asked once about: "this may come across as hostile"."""

    # Set once the writer has been asked whether to revise a hostile-sounding comment.
    confirmed_nudge = forms.BooleanField(required=False, widget=forms.HiddenInput)

    nudged = False

    def ask_once(self) -> None:
        """The writer has been nudged: the next post of this form goes through."""
        data = cast(QueryDict, self.data).copy()
        data["confirmed_nudge"] = "True"
        self.data = data
        self.nudged = True


class CommentForm(NudgeForm):
    body = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_BODY_LENGTH}),
        # Length is checked by the service, so an over-long text comes back intact with a message.
        strip=False,
        required=False,
        help_text="Plain text with *emphasis*, **bold**, [links](https://example.com), > quotes.",
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quoted = forms.IntegerField(required=False, widget=forms.HiddenInput)
    quoted_text = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=MAX_BODY_LENGTH
    )


class EditForm(NudgeForm):
    body = CommentForm.base_fields["body"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label="What is wrong with this comment?",
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label="Anything we should know? (required for “Something else”)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": 500}),
    )


class VoteForm(forms.Form):
    VALUES = {"up": 1, "down": -1, "clear": 0}
    value = forms.ChoiceField(choices=[(key, key) for key in VALUES])

    def vote_value(self) -> int:
        return self.VALUES[self.cleaned_data["value"]]
