"""The moderation workspace in the Wagtail admin: queues, notes, the audit log, word lists."""

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.sidebar import LinkMenuItem
from wagtail.admin.viewsets.base import ViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsroom.accounts.export import EXPORT_HOOK
from newsroom.accounts.models import User
from newsroom.moderation import (
    model_panel,  # noqa: F401 (registers the dashboard panel)
    views,
)
from newsroom.moderation.bulk_actions import ApproveBulkAction, RejectBulkAction
from newsroom.moderation.models import Report, Sanction, Term
from newsroom.moderation.queues import pending_count
from newsroom.moderation.selectors import is_moderator


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_moderator(request.user)


class QueueMenuItem(ModeratorMenuItem):
    """The "Moderation (3)" item: the number of comments waiting, counted on every admin page."""

    def render_component(self, request) -> LinkMenuItem:
        waiting = pending_count()
        label = f"{self.label} ({waiting})" if waiting else self.label
        return LinkMenuItem(self.name, label, self.url, icon_name=self.icon_name, attrs=self.attrs)


class ModerationViewSet(ViewSet):
    name = "moderation"
    icon = "comment"
    menu_label = "Moderation"
    menu_order = 250
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", views.QueueView.as_view(), name="queue"),
            path("results/", views.QueueView.as_view(results_only=True), name="queue-results"),
            path("comments/<int:pk>/<slug:action>/", views.comment_action, name="comment-action"),
            path("readers/<int:pk>/sanction/", views.reader_sanction, name="reader-sanction"),
            path("articles/<int:pk>/discussion/", views.discussion_set, name="discussion-set"),
            path("notes/", views.notes, name="notes"),
            path("notes/<int:pk>/withdraw/", views.note_withdraw, name="note-withdraw"),
            path("log/", views.LogView.as_view(), name="log"),
            path("log/results/", views.LogView.as_view(results_only=True), name="log-results"),
        ]

    def get_menu_item(self, order=None):
        return QueueMenuItem(
            self.menu_label, self.menu_url, name=self.menu_name, icon_name=self.menu_icon,
            order=order or self.menu_order,
        )  # fmt: skip


@hooks.register("register_admin_viewset")
def register_moderation_viewset():
    return ModerationViewSet()


@hooks.register("register_admin_menu_item")
def register_moderation_log_menu_item():
    return ModeratorMenuItem(
        "Moderation log", reverse("moderation:log"), icon_name="history", order=251
    )


hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)


class TermViewSet(SnippetViewSet):
    """Word lists: banned terms reject a comment, suspect terms hold it for review."""

    model = Term
    icon = "warning"
    menu_label = "Word lists"
    menu_order = 252
    add_to_admin_menu = True
    list_display = ["text", "kind", "created_at"]
    list_filter = ["kind"]


register_snippet(TermViewSet)


@hooks.register(EXPORT_HOOK)
def export_moderation(*, user: User) -> dict[str, Any]:
    """The reports a reader made and the sanctions on them (not which moderator decided)."""
    return {
        "reports": [
            {
                "comment": report.comment_id,
                "reason": report.reason,
                "note": report.note,
                "at": report.created_at.isoformat(),
                "resolved_at": report.resolved_at.isoformat() if report.resolved_at else None,
            }
            for report in Report.objects.filter(reporter=user).order_by("pk")
        ],
        "sanctions": [
            {
                "kind": sanction.kind,
                "reason": sanction.reason,
                "from": sanction.created_at.isoformat(),
                "until": sanction.ends_at.isoformat() if sanction.ends_at else None,
                "lifted_at": sanction.lifted_at.isoformat() if sanction.lifted_at else None,
            }
            for sanction in Sanction.objects.filter(user=user).order_by("pk")
        ],
    }
