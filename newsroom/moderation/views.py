"""The moderation workspace in the Wagtail admin, for comment moderators.

The queues and the audit log are Wagtail index views (filters in the URL, Wagtail's
pagination); approve and reject of a selection are Wagtail bulk actions
(``bulk_actions.py``). Registered through the viewset in ``wagtail_hooks``, so
Wagtail's admin access check runs first (anonymous visitors go to the admin login);
every view here then requires a moderator and answers anyone else with 403. Views
parse the request, call one service or selector, and render or redirect; an htmx
request gets the fragment it replaces.
"""

from collections.abc import Callable
from datetime import timedelta
from functools import cached_property, wraps
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    HttpResponseForbidden,
    QueryDict,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.views import View
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView

from newsroom.accounts.http import SignedInRequest
from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment
from newsroom.moderation import services
from newsroom.moderation.actions import available_reader_actions
from newsroom.moderation.filters import LogFilterSet, QueueFilterSet
from newsroom.moderation.models import ModerationAction, ModeratorNote
from newsroom.moderation.queues import (
    QUEUES,
    comment_label,
    moderation_log,
    queue_counts,
    queue_item_for,
    queue_items,
    queue_queryset,
)
from newsroom.moderation.selectors import active_sanction, is_moderator

Action = ModerationAction.Action
SUSPENSION_CHOICES = [("1", "1 day"), ("3", "3 days"), ("7", "7 days"), ("30", "30 days")]
REFUSED = "Only comment moderators can use the moderation workspace."


def moderator_required(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_moderator(request.user):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden(REFUSED)
        return view(request, *args, **kwargs)

    return wrapped


class ModeratorRequiredMixin(View):
    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponseBase:
        if not is_moderator(request.user):
            return HttpResponseForbidden(REFUSED)
        return super().dispatch(request, *args, **kwargs)


def _next(request: HttpRequest) -> str:
    """The queue page the moderator acted from: only ever a page of the workspace."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    queue = reverse("moderation:queue")
    return target if target.startswith(queue) else queue


def _back(request: HttpRequest) -> HttpResponse:
    return redirect(_next(request))


def _errors(error: Exception) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


class QueueView(ModeratorRequiredMixin, IndexView):
    """A queue (Pending, Reported, Recent, Rejected) as cards, filtered and paginated."""

    model = Comment
    template_name = "moderation/queue.html"
    results_template_name = "moderation/partials/_queue_results.html"
    index_url_name = "moderation:queue"
    index_results_url_name = "moderation:queue-results"
    filterset_class = QueueFilterSet
    page_title = "Moderation"
    header_icon = "comment"
    list_display: list = []
    any_permission_required = None  # moderators are checked by ModeratorRequiredMixin
    verbose_name_plural = "comments"

    @cached_property
    def queue(self) -> str:
        name = self.request.GET.get("queue", "pending")
        return name if name in QUEUES else "pending"

    def get_paginate_by(self, queryset: QuerySet) -> int:
        return settings.NEWSROOM_MODERATION_PAGE_SIZE

    def get_base_queryset(self) -> QuerySet[Comment]:
        return queue_queryset(self.queue)

    def _filters_query(self) -> dict[str, str]:
        return {
            key: self.request.GET[key] for key in ("article", "reader") if self.request.GET.get(key)
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        counts = queue_counts(self.filter_queryset(Comment.objects.all()))
        filters = self._filters_query()
        context["queue"] = self.queue
        context["tabs"] = [
            (key, label, counts[key], "?" + urlencode({"queue": key, **filters}))
            for key, label in QUEUES.items()
        ]
        context["items"] = queue_items(context["object_list"])
        context["filtered_article"] = (
            self.filters.form.cleaned_data.get("article") if self.is_filtering else None
        )
        context["rejection_reasons"] = Comment.RejectionReason.choices
        context["here"] = self.request.get_full_path()
        return context


class LogColumn(Column):
    """A log cell that links to the log filtered by this row's person."""

    cell_template_name = "moderation/partials/_log_filter_cell.html"

    def __init__(self, name: str, *, parameter: str, id_field: str, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.parameter, self.id_field = parameter, id_field

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        pk = getattr(instance, self.id_field)
        context["filter_url"] = "?" + urlencode({self.parameter: pk}) if pk else ""
        return context


class SubjectColumn(Column):
    """The comment (its words, linked to it in context) or the article an entry is about."""

    cell_template_name = "moderation/partials/_log_subject_cell.html"


class LogView(ModeratorRequiredMixin, IndexView):
    """The audit log: every decision, newest first, filtered by action, moderator or reader."""

    model = ModerationAction
    template_name = "moderation/log.html"
    index_url_name = "moderation:log"
    index_results_url_name = "moderation:log-results"
    filterset_class = LogFilterSet
    page_title = "Moderation log"
    header_icon = "history"
    any_permission_required = None
    paginate_by = 50
    verbose_name_plural = "log entries"
    columns = [
        DateColumn("created_at", label="When"),
        LogColumn("by", label="By", parameter="actor", id_field="actor_id"),
        Column("action", accessor="get_action_display", label="Action"),
        SubjectColumn("subject", label="Comment or article", accessor=lambda entry: entry),
        LogColumn(
            "reader",
            label="Reader",
            parameter="reader",
            id_field="reader_id",
            accessor=lambda entry: entry.reader and (entry.reader.public_name or "deleted account"),
        ),
        Column("reason", label="Reason"),
    ]

    def get_base_queryset(self) -> QuerySet[ModerationAction]:
        return moderation_log()


def _decided(request: SignedInRequest, comment: Comment, message: str, *, error: bool = False):
    """The fragment that replaces a queue item after a decision, and the new tab counts.

    The counts honour the filters of the page the moderator acted from (``next``).
    """
    here = request.POST.get("next", "")
    filters = QueueFilterSet(QueryDict(urlsplit(here).query), queryset=Comment.objects.all())
    counts = queue_counts(filters.qs if filters.is_valid() else Comment.objects.all())
    return render(
        request,
        "moderation/partials/_decided.html",
        {
            "item": queue_item_for(comment),
            "message": message,
            "error": error,
            "counts": list(counts.items()),
            "rejection_reasons": Comment.RejectionReason.choices,
            "here": here,
        },
        status=409 if error else 200,
    )


DECISIONS: dict[str, Callable[[Comment, User, HttpRequest], Comment]] = {
    Action.APPROVE: lambda comment, moderator, request: services.comment_approve(
        comment=comment, moderator=moderator
    ),
    Action.REJECT: lambda comment, moderator, request: services.comment_reject(
        comment=comment, moderator=moderator, reason=request.POST.get("reason", "")
    ),
    Action.REMOVE: lambda comment, moderator, request: services.comment_remove(
        comment=comment, moderator=moderator, reason=request.POST.get("note", "")
    ),
    Action.FEATURE: lambda comment, moderator, request: services.comment_feature(
        comment=comment, moderator=moderator, featured=True
    ),
    Action.UNFEATURE: lambda comment, moderator, request: services.comment_feature(
        comment=comment, moderator=moderator, featured=False
    ),
}


@require_POST
@moderator_required
def comment_action(request: SignedInRequest, pk: int, action: str) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("author"), pk=pk)
    if action not in DECISIONS:
        return HttpResponse("Unknown action.", status=404)
    label = comment_label(comment)
    try:
        DECISIONS[action](comment, request.user, request)
    except (ValidationError, PermissionDenied) as error:
        message = f"{label}: {_errors(error)}"
        if request.htmx:
            return _decided(request, comment, message, error=True)
        messages.error(request, message)
    else:
        message = f"{Action(action).label} {label}."
        if request.htmx:
            return _decided(request, comment, message)
        messages.success(request, message)
    return _back(request)


SANCTION_LABELS = {Action.SUSPEND: "Suspend", Action.BAN: "Ban", Action.LIFT: "Lift"}


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(choices=list(SANCTION_LABELS.items()))
    days = forms.TypedChoiceField(choices=SUSPENSION_CHOICES, coerce=int, required=False)
    reason = forms.CharField(
        label="Reason, shown to the reader",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Give a reason: the reader is told it."},
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == Action.SUSPEND and not data.get("days"):
            self.add_error("days", "Choose how long.")
        return data


@moderator_required
def reader_sanction(request: SignedInRequest, pk: int) -> HttpResponse:
    """Suspend, ban or lift, always through a confirmation that asks for the reason."""
    reader = get_object_or_404(User, pk=pk)
    sanction = active_sanction(reader)
    allowed = available_reader_actions(reader, sanction=sanction)
    data = request.POST if request.method == "POST" else None
    form = SanctionForm(data, initial={"kind": request.GET.get("kind"), "days": "1"})
    if data is not None and form.is_valid():
        kind, reason = form.cleaned_data["kind"], form.cleaned_data["reason"]
        try:
            if kind not in allowed:
                raise ValidationError(f"{reader.public_name or 'This account'} cannot be {kind}ed.")
            if kind == Action.SUSPEND:
                until = timezone.now() + timedelta(days=form.cleaned_data["days"])
                services.reader_suspend(
                    reader=reader, moderator=request.user, until=until, reason=reason
                )
            elif kind == Action.BAN:
                services.reader_ban(reader=reader, moderator=request.user, reason=reason)
            else:
                services.reader_sanctions_lift(reader=reader, moderator=request.user, reason=reason)
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, _errors(error))
        else:
            messages.success(
                request, f"{Action(kind).label}: {reader.public_name}. Reason: {reason}"
            )
        return _back(request)
    kind = form["kind"].value()
    template = (
        "moderation/partials/_sanction_form.html" if request.htmx else "moderation/sanction.html"
    )
    return render(
        request,
        template,
        {
            "form": form,
            "reader": reader,
            "kind": kind,
            "kind_label": SANCTION_LABELS.get(kind, ""),
            "allowed": allowed,
            "sanction": sanction,
            "next": _next(request),
        },
        status=400 if data is not None else 200,
    )


class DiscussionForm(forms.Form):
    open = forms.TypedChoiceField(
        choices=[("1", "Open"), ("0", "Close")], coerce=lambda v: v == "1"
    )
    reason = forms.CharField(max_length=500, required=False)


@require_POST
@moderator_required
def discussion_set(request: SignedInRequest, pk: int) -> HttpResponse:
    """Open or close an article's discussion without publishing the article again."""
    article = get_object_or_404(ArticlePage, pk=pk)
    form = DiscussionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose open or close.")
        return _back(request)
    opened = form.cleaned_data["open"]
    services.article_discussion_set(
        article=article, moderator=request.user, open=opened, reason=form.cleaned_data["reason"]
    )
    state = "open" if opened else "closed"
    messages.success(request, f"The discussion of “{article.title}” is {state}.")
    return _back(request)


class NoteForm(forms.Form):
    article = forms.ModelChoiceField(queryset=ArticlePage.objects.live().order_by("title"))
    body = forms.CharField(
        label="Note to readers", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


@moderator_required
def notes(request: SignedInRequest) -> HttpResponse:
    article_id = request.GET.get("article", "")
    form = NoteForm(
        request.POST or None, initial={"article": article_id if article_id.isdecimal() else None}
    )
    if request.method == "POST" and form.is_valid():
        services.moderator_note_create(
            article=form.cleaned_data["article"],
            moderator=request.user,
            body=form.cleaned_data["body"],
        )
        messages.success(request, "Note posted above the article's discussion.")
        return redirect("moderation:notes")
    shown = ModeratorNote.objects.shown().select_related("article", "author")[:50]
    return render(request, "moderation/notes.html", {"form": form, "notes": shown})


@require_POST
@moderator_required
def note_withdraw(request: SignedInRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(ModeratorNote, pk=pk)
    services.moderator_note_withdraw(note=note, moderator=request.user)
    messages.success(request, f"Note withdrawn: “{note.body[:60]}”.")
    return redirect("moderation:notes")
