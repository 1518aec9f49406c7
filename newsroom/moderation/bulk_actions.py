"""Approve and reject a selection of queue items: Wagtail bulk actions on Comment.

Wagtail lists the selection on a confirmation page; comments the decision does not
apply to (``available_actions``) are listed apart and left alone.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef
from django.http import HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import redirect
from wagtail.admin.views.bulk_action import BulkAction

from newsroom.discussion.models import Comment
from newsroom.moderation import services
from newsroom.moderation.actions import available_actions
from newsroom.moderation.models import ModerationAction, Report
from newsroom.moderation.queues import comment_label
from newsroom.moderation.selectors import is_moderator

Action = ModerationAction.Action


class CommentBulkAction(BulkAction):
    models = [Comment]
    template_name = "moderation/bulk_confirm.html"
    action_priority = 10

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_moderator(request.user):
            return HttpResponseForbidden("Only comment moderators can moderate comments.")
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        ids = [pk for pk in object_ids if str(pk).isdecimal() and len(str(pk)) < 19]
        return (
            Comment.objects.filter(pk__in=ids)
            .select_related("author")
            .annotate(reported=Exists(Report.objects.open().filter(comment=OuterRef("pk"))))
            .order_by("pk")
        )

    def get_all_objects_in_listing_query(self, parent_id):
        return []  # never "everything": a moderator decides on what they have seen

    def check_perm(self, obj: Comment) -> bool:
        reported = obj.reported  # type: ignore[attr-defined]  # annotated by get_queryset
        return self.action_type in available_actions(obj, reported=reported)

    def object_context(self, obj: Comment) -> dict:
        return {"item": obj, "label": comment_label(obj)}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["items_with_no_access"] = [
            self.object_context(comment) for comment in context["items_with_no_access"]
        ]
        return context

    def get_execution_context(self) -> dict:
        return {"moderator": self.request.user, **self.cleaned_form.cleaned_data}

    @classmethod
    def execute_action(cls, objects, moderator=None, reason: str = "", **kwargs):
        done = services.comments_bulk_moderate(
            comments=list(objects), moderator=moderator, action=cls.action_type, reason=reason
        )
        return done, 0

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except (ValidationError, PermissionDenied) as error:  # the whole selection is undone
            text = " ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            messages.error(self.request, f"Nothing was changed: {text}")
            return redirect(self.next_url)

    def get_success_message(self, num_parent_objects, num_child_objects):
        noun = "comment" if num_parent_objects == 1 else "comments"
        return f"{num_parent_objects} {noun} {self.done}."


class ApproveBulkAction(CommentBulkAction):
    display_name = "Approve"
    action_type = Action.APPROVE
    aria_label = "Approve the selected comments"
    done = "approved"


class RejectForm(forms.Form):
    reason = forms.ChoiceField(
        label="Reason, shown to each author", choices=Comment.RejectionReason.choices
    )


class RejectBulkAction(CommentBulkAction):
    display_name = "Reject"
    action_type = Action.REJECT
    aria_label = "Reject the selected comments"
    form_class = RejectForm
    classes = {"serious"}
    action_priority = 20
    done = "rejected"
