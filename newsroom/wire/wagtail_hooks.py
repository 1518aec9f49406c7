"""The wire desk in the Wagtail admin: runs and stories (read-only), and the editor's guards.

Editors see every import run (counts and rejected items) and every wire story (version,
embargo, withdrawal, expiry). On an imported article's edit page they are told about an
embargo, a withdrawal or a newer version waiting, and the admin refuses to publish a story
before its embargo ends or after its source withdrew it.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from newsroom.articles.models import ArticlePage
from newsroom.core.read_only import ReadOnlyViewSet, ViewOnlyPermissionPolicy
from newsroom.wire.models import WireImportRun, WireStory

register_permission_policy(WireImportRun, ViewOnlyPermissionPolicy(WireImportRun))
register_permission_policy(WireStory, ViewOnlyPermissionPolicy(WireStory))


class WireImportRunViewSet(ReadOnlyViewSet):
    model = WireImportRun
    url_prefix = "wire/import-runs"
    url_namespace = "wire_import_runs"
    icon = "download"
    menu_label = "Import runs"
    list_display = [
        "started_at",
        "source",
        "trigger",
        "status",
        "created",
        "updated",
        "unchanged",
        "killed",
        "rejected",
    ]
    list_filter = ["status", "source"]
    inspect_view_fields = [
        "source",
        "trigger",
        "status",
        "started_at",
        "finished_at",
        "wire_files",
        "created",
        "updated",
        "unchanged",
        "killed",
        "rejected",
        "errors",
        "failure",
    ]


class WireStoryViewSet(ReadOnlyViewSet):
    model = WireStory
    url_prefix = "wire/stories"
    url_namespace = "wire_stories"
    icon = "doc-full"
    menu_label = "Stories"
    list_display = [
        "article",
        "source",
        "version",
        "status",
        "embargoed_until",
        "expired_at",
        "last_imported_at",
    ]
    list_filter = ["status", "source"]
    search_fields = ["uri"]


class WireViewSetGroup(ModelViewSetGroup):
    menu_label = "Wire desk"
    menu_icon = "download"
    menu_order = 305
    items = (WireImportRunViewSet(), WireStoryViewSet())


@hooks.register("register_admin_viewset")
def register_wire_viewsets():
    return WireViewSetGroup()


@hooks.register("register_log_actions")
def register_wire_log_actions(actions):
    actions.register_action("wire.withheld", "Withheld by its source", "Withheld by its source")
    actions.register_action("wire.canceled", "Killed by its source", "Killed by its source")
    actions.register_action("wire.expired", "Expired", "Expired: its usage period is over")


def publish_refusal(story: WireStory, *, go_live_at=None) -> str:
    """Why this story may not be published (now, or at ``go_live_at``), or ""."""
    if story.status != WireStory.Status.USABLE:
        return (
            f"{story.source} withdrew this story ({story.get_status_display().lower()}) "
            f"on {timezone.localtime(story.withdrawn_at):%Y-%m-%d %H:%M}: it cannot be published."
        )
    embargo = story.embargoed_until
    if embargo and embargo > timezone.now() and (go_live_at is None or go_live_at < embargo):
        return (
            f"Embargoed by {story.source} until {timezone.localtime(embargo):%Y-%m-%d %H:%M %Z}: "
            "it cannot be published before then. Set “Go live date/time” to that time or later "
            "to schedule it."
        )
    return ""


def _story(page) -> WireStory | None:
    return WireStory.objects.select_related("source").filter(article_id=page.pk).first()


def _submitted_go_live_at(request):
    value = request.POST.get("go_live_at", "")
    try:
        return forms.DateTimeField(required=False).clean(value) if value else None
    except forms.ValidationError:
        return None


@hooks.register("before_edit_page")
def wire_guard_edit(request, page):
    if not isinstance(page.specific_deferred, ArticlePage):
        return None
    story = _story(page)
    if story is None:
        return None
    if request.method == "POST" and "action-publish" in request.POST:
        refusal = publish_refusal(story, go_live_at=_submitted_go_live_at(request))
        if refusal:
            messages.error(request, refusal)
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    if request.method == "GET":
        _tell_editor(request, page, story)
    return None


def _tell_editor(request, page, story: WireStory) -> None:
    refusal = publish_refusal(story)
    if refusal:
        messages.warning(request, refusal)
    if story.expired_at:
        messages.info(request, f"Expired on {timezone.localtime(story.expired_at):%Y-%m-%d}.")
    if story.ednote:
        messages.info(request, f"Note from {story.source} (never published): {story.ednote}")
    if page.live and page.has_unpublished_changes and story.status == WireStory.Status.USABLE:
        compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, "live", "latest"])
        messages.info(
            request,
            format_html(
                'A newer version from {} waits for an editor: <a href="{}">compare it</a>.',
                story.source,
                compare,
            ),
        )


@hooks.register("before_bulk_action")
def wire_guard_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish":
        return None
    stories = WireStory.objects.select_related("source").filter(
        article_id__in=[obj.pk for obj in objects]
    )
    for story in stories:
        refusal = publish_refusal(story)
        if refusal:
            messages.error(request, f"{story.article.title}: {refusal}")
            return redirect(request.META.get("HTTP_REFERER") or "wagtailadmin_home")
    return None
