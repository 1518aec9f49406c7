"""The moderation workspace in the Wagtail admin: queues, notes, the audit log, word lists."""

from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from newsroom.moderation import urls
from newsroom.moderation.models import Term
from newsroom.moderation.selectors import is_moderator


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return is_moderator(request.user)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("moderation/", include((urls.urlpatterns, "moderation"), namespace="moderation"))]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModeratorMenuItem(
        "Moderation", reverse("moderation:queue"), icon_name="comment", order=250
    )


@hooks.register("register_admin_menu_item")
def register_moderation_log_menu_item():
    return ModeratorMenuItem(
        "Moderation log", reverse("moderation:log"), icon_name="history", order=251
    )


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
