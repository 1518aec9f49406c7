from django import forms

from newsroom.discussion.services import MAX_BODY_LENGTH


class CommentForm(forms.Form):
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


class EditForm(forms.Form):
    body = CommentForm.base_fields["body"]


class VoteForm(forms.Form):
    VALUES = {"up": 1, "down": -1, "clear": 0}
    value = forms.ChoiceField(choices=[(key, key) for key in VALUES])

    def vote_value(self) -> int:
        return self.VALUES[self.cleaned_data["value"]]
