"""The moderation workspace in the Wagtail admin, for the Moderators group.

Registered through wagtail_hooks.register_admin_urls, so Wagtail's admin
access check runs first (anonymous visitors go to the admin login); every view
here then requires a moderator and answers anyone else with 403. Views parse
the request, call one service or selector, and render or redirect.
"""

from datetime import timedelta
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from newsroom.accounts.models import User
from newsroom.articles.models import ArticlePage
from newsroom.discussion.models import Comment
from newsroom.moderation import services
from newsroom.moderation.models import ModerationAction, ModeratorNote
from newsroom.moderation.queues import moderation_log, moderation_queue
from newsroom.moderation.selectors import is_moderator

SUSPENSION_CHOICES = [("1", "1 day"), ("3", "3 days"), ("7", "7 days"), ("30", "30 days")]


def moderator_required(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not is_moderator(request.user):
            # A plain 403: Wagtail would turn PermissionDenied into a redirect to the dashboard.
            return HttpResponseForbidden("Only moderators can use the moderation workspace.")
        return view(request, *args, **kwargs)

    return wrapped


def _int(value) -> int | None:
    return int(value) if value and str(value).isdigit() else None


def _back(request: HttpRequest) -> HttpResponse:
    """Back to the queue page the moderator acted from (only ever a page of the workspace)."""
    target = request.POST.get("next") or ""
    queue = reverse("moderation:queue")
    return redirect(target if target.startswith(queue) else queue)


def _errors(error: Exception) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    name = request.GET.get("queue", "pending")
    article_id, reader_id = _int(request.GET.get("article")), _int(request.GET.get("reader"))
    current = moderation_queue(
        name=name, article_id=article_id, reader_id=reader_id, page=request.GET.get("page") or 1
    )
    filters = {"article": article_id or "", "reader": reader_id or ""}
    return render(
        request,
        "moderation/queue.html",
        {
            "queue": current,
            "filters": filters,
            "filter_article": ArticlePage.objects.filter(pk=article_id).first()
            if article_id
            else None,
            "filter_reader": User.objects.filter(pk=reader_id).first() if reader_id else None,
            "rejection_reasons": Comment.RejectionReason.choices,
            "suspension_choices": SUSPENSION_CHOICES,
            "here": request.get_full_path(),
        },
    )


ACTIONS = {
    "approve": lambda comment, moderator, request: services.comment_approve(
        comment=comment, moderator=moderator
    ),
    "reject": lambda comment, moderator, request: services.comment_reject(
        comment=comment, moderator=moderator, reason=request.POST.get("reason", "")
    ),
    "remove": lambda comment, moderator, request: services.comment_remove(
        comment=comment, moderator=moderator, reason=request.POST.get("note", "")
    ),
    "feature": lambda comment, moderator, request: services.comment_feature(
        comment=comment, moderator=moderator, featured=True
    ),
    "unfeature": lambda comment, moderator, request: services.comment_feature(
        comment=comment, moderator=moderator, featured=False
    ),
}


@require_POST
@moderator_required
def comment_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    comment = get_object_or_404(Comment, pk=pk)
    if action not in ACTIONS:
        return HttpResponse("Unknown action.", status=404)
    try:
        ACTIONS[action](comment, request.user, request)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, f"Comment {pk}: {_errors(error)}")
    else:
        verb = dict(ModerationAction.Action.choices).get(action, action).lower()
        messages.success(request, f"Comment {pk} {verb}.")
    return _back(request)


@require_POST
@moderator_required
def bulk_action(request: HttpRequest) -> HttpResponse:
    ids = [int(pk) for pk in request.POST.getlist("comments") if pk.isdigit()]
    action = request.POST.get("action", "")
    comments = list(Comment.objects.filter(pk__in=ids))
    if not comments:
        messages.warning(request, "Select at least one comment.")
        return _back(request)
    try:
        done = services.comments_bulk_moderate(
            comments=comments,
            moderator=request.user,
            action=action,
            reason=request.POST.get("reason", ""),
        )
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        verb = "approved" if action == "approve" else "rejected"
        messages.success(request, f"{done} comments {verb}.")
    return _back(request)


class SanctionForm(forms.Form):
    kind = forms.ChoiceField(choices=[("suspend", "Suspend"), ("ban", "Ban"), ("lift", "Lift")])
    days = forms.ChoiceField(choices=SUSPENSION_CHOICES, required=False)
    reason = forms.CharField(max_length=500, required=False)


@require_POST
@moderator_required
def reader_sanction(request: HttpRequest, pk: int) -> HttpResponse:
    reader = get_object_or_404(User, pk=pk)
    form = SanctionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose suspend, ban or lift.")
        return _back(request)
    data = form.cleaned_data
    reason = data["reason"] or "Breaking the discussion guidelines"
    try:
        if data["kind"] == "suspend":
            until = timezone.now() + timedelta(days=int(data["days"] or 1))
            services.reader_suspend(
                reader=reader, moderator=request.user, until=until, reason=reason
            )
        elif data["kind"] == "ban":
            services.reader_ban(reader=reader, moderator=request.user, reason=reason)
        else:
            services.reader_sanctions_lift(reader=reader, moderator=request.user, reason=reason)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, _errors(error))
    else:
        messages.success(request, f"{reader}: {data['kind']} done.")
    return _back(request)


class NoteForm(forms.Form):
    article = forms.ModelChoiceField(queryset=ArticlePage.objects.live().order_by("title"))
    body = forms.CharField(
        label="Note to readers", max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


@moderator_required
def notes(request: HttpRequest) -> HttpResponse:
    form = NoteForm(request.POST or None, initial={"article": _int(request.GET.get("article"))})
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
def note_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    note = get_object_or_404(ModeratorNote, pk=pk)
    services.moderator_note_withdraw(note=note, moderator=request.user)
    messages.success(request, "Note withdrawn.")
    return redirect("moderation:notes")


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "")
    actions = moderation_log(
        action=action if action in ModerationAction.Action.values else "",
        actor_id=_int(request.GET.get("actor")),
        reader_id=_int(request.GET.get("reader")),
    )
    page = Paginator(actions, 50).get_page(request.GET.get("page") or 1)
    return render(
        request,
        "moderation/log.html",
        {
            "page": page,
            "action": action,
            "actions": ModerationAction.Action.choices,
        },
    )
