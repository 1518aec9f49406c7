from django.apps import AppConfig


class ListingsConfig(AppConfig):
    name = "newsroom.listings"
    label = "listings"
    verbose_name = "Listings"

    def ready(self) -> None:
        from newsroom.core.read_only import editors_view_grant_after_migrate

        # Editors read listings and import runs in the admin (see wagtail_hooks).
        editors_view_grant_after_migrate(self, ("view_listing", "view_importrun"))
