from hashlib import sha256
from typing import Self, cast
from uuid import uuid4

from django import forms
from django.core import signing
from django.http import QueryDict

from newsroom.core.params import MAX_ID
from newsroom.discussion.services import MAX_BODY_LENGTH
from newsroom.moderation.models import Report

NUDGE_SALT = "newsroom.discussion.nudge"


def _text_digest(body: str) -> str:
    return sha256(body.strip().encode()).hexdigest()


class NudgeForm(forms.Form):
    """A form the writer may be asked once about: "this may come across as hostile".

    Asking leaves a signed token of the very text asked about in the form, so posting
    that text again goes through, and a token sent by hand, or kept for another text,
    does not.
    """

    confirmed_nudge = forms.CharField(required=False, widget=forms.HiddenInput, max_length=200)

    nudged = False

    def ask_once(self) -> None:
        """The writer has been nudged: the next post of this text goes through."""
        data = cast(QueryDict, self.data).copy()
        token = signing.dumps(_text_digest(data.get("body", "")), salt=NUDGE_SALT)
        data["confirmed_nudge"] = token
        self.data = data
        self.nudged = True

    def nudge_confirmed(self) -> bool:
        """Whether the writer has already been asked about exactly this text."""
        token = self.cleaned_data.get("confirmed_nudge") or ""
        try:
            asked_about = signing.loads(token, salt=NUDGE_SALT)
        except signing.BadSignature:
            return False
        return bool(asked_about == _text_digest(self.cleaned_data.get("body") or ""))


class CommentForm(NudgeForm):
    body = forms.CharField(
        label="Your comment",
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": MAX_BODY_LENGTH}),
        # Length is checked by the service, so an over-long text comes back intact with a message.
        strip=False,
        required=False,
        help_text="Plain text with *emphasis*, **bold**, [links](https://example.com), > quotes.",
    )
    parent = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_ID
    )
    quoted = forms.IntegerField(
        required=False, widget=forms.HiddenInput, min_value=1, max_value=MAX_ID
    )
    quoted_text = forms.CharField(
        required=False, widget=forms.HiddenInput, max_length=MAX_BODY_LENGTH
    )
    # Names this form: posting it twice (a retry, a double click) stores one comment.
    submission_key = forms.CharField(required=False, widget=forms.HiddenInput, max_length=64)

    @classmethod
    def fresh(cls, **initial: object) -> Self:
        """An empty form with a key of its own."""
        return cls(initial={"submission_key": new_submission_key(), **initial})


def new_submission_key() -> str:
    return uuid4().hex


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
