from django.apps import AppConfig
from django.apps import apps as global_apps
from django.db.models.signals import post_migrate

EDITOR_PERMISSIONS = ("view_wireimportrun", "view_wirestory")


def editors_view_permissions_grant() -> None:
    """Let Wagtail's Editors group see import runs and wire stories (read-only) in the admin."""
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wire", codename__in=EDITOR_PERMISSIONS
            )
        )


def _grant_after_migrate(app_config, using, apps=global_apps, **kwargs) -> None:
    # This handler may run before django.contrib.auth's, which creates the permissions.
    # `flush` (after each transactional test) sends the signal without `apps`.
    from django.contrib.auth.management import create_permissions

    create_permissions(app_config, verbosity=0, using=using, apps=apps)
    editors_view_permissions_grant()


class WireConfig(AppConfig):
    name = "newsroom.wire"
    label = "wire"
    verbose_name = "Wire desk"

    def ready(self) -> None:
        post_migrate.connect(_grant_after_migrate, sender=self)
