from django.apps import AppConfig


class WireConfig(AppConfig):
    name = "newsroom.wire"
    label = "wire"
    verbose_name = "Wire desk"

    def ready(self) -> None:
        from newsroom.core.read_only import editors_view_grant_after_migrate

        # Editors read import runs and wire stories in the admin (see wagtail_hooks).
        editors_view_grant_after_migrate(self, ("view_wireimportrun", "view_wirestory"))
