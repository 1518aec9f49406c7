"""Records only an import writes (listings, wire stories, import runs): editors may read them in
the Wagtail admin, and nobody may add, change or delete them there."""

from django.apps import AppConfig
from django.apps import apps as global_apps
from django.contrib.auth import get_user_model
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy


class ViewOnlyPermissionPolicy(ModelPermissionPolicy):
    """Only "view": a hand edit would be overwritten by the next import."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        if "view" not in actions:
            return get_user_model().objects.none()
        return super().users_with_any_permission(["view"])


class ReadOnlyViewSet(ModelViewSet):
    """The admin's pages for such records: a list and an inspect view, never a form (the
    model's ViewOnlyPermissionPolicy refuses add, change and delete)."""

    inspect_view_enabled = True
    copy_view_enabled = False
    search_backend_name = None  # plain database lookups: these records are not indexed
    exclude_form_fields: list[str] = []


def editors_view_grant(*, app_label: str, codenames: tuple[str, ...]) -> None:
    """Give Wagtail's Editors group these view permissions of an app, if the group exists."""
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def editors_view_grant_after_migrate(app_config: AppConfig, codenames: tuple[str, ...]) -> None:
    """Grant the permissions after every migrate (and flush) of the app."""
    from django.db.models.signals import post_migrate

    def grant(app_config, using, apps=global_apps, **kwargs) -> None:
        # This handler may run before django.contrib.auth's, which creates the permissions:
        # create them first (it is idempotent). `flush` sends the signal without `apps`.
        from django.contrib.auth.management import create_permissions

        create_permissions(app_config, verbosity=0, using=using, apps=apps)
        editors_view_grant(app_label=app_config.label, codenames=codenames)

    post_migrate.connect(grant, sender=app_config, weak=False)
