"""The filters of the queues and the audit log (django-filter, in Wagtail's filter drawer).

Filters live in the URL, so Wagtail's pagination keeps them from page to page. The
reader filter has no field of its own in the drawer: a moderator sets it by clicking
a reader's name, and clears it from the active-filter pill.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from wagtail.admin.filters import WagtailFilterSet

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.core.params import parse_int
from newsroom.discussion.models import Comment
from newsroom.moderation.models import ModerationAction


class IdChoiceField(django_filters.fields.ModelChoiceField):
    """A choice by id from the URL: only an id the database can hold reaches the query."""

    def to_python(self, value: object) -> object:
        if value not in self.empty_values and parse_int(str(value)) is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class IdChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = IdChoiceField


class ReaderChoiceField(IdChoiceField):
    def label_from_instance(self, obj: User) -> str:
        return obj.public_name or f"deleted account {obj.pk}"


class ReaderFilter(IdChoiceFilter):
    field_class = ReaderChoiceField


class QueueFilterSet(WagtailFilterSet):
    article = IdChoiceFilter(
        label="Article",
        queryset=ArticlePage.objects.filter(comments__isnull=False).distinct().order_by("title"),
        empty_label="All articles",
    )
    reader = ReaderFilter(
        field_name="author", label="Reader", queryset=User.objects.all(), widget=forms.HiddenInput
    )

    class Meta:
        model = Comment
        fields = ["article", "reader"]


class LogFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label="Action",
        choices=ModerationAction.Action.choices,
        empty_label="All actions",
        widget=forms.RadioSelect,
    )
    actor = IdChoiceFilter(
        label="Moderator",
        queryset=User.objects.filter(moderation_actions__isnull=False)
        .distinct()
        .order_by("username"),
        empty_label="All moderators",
    )
    reader = ReaderFilter(label="Reader", queryset=User.objects.all(), widget=forms.HiddenInput)

    class Meta:
        model = ModerationAction
        fields = ["action", "actor", "reader"]
