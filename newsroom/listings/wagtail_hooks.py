"""Listings and import runs in the Wagtail admin, read-only: the feed is their only author."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from newsroom.core.read_only import ViewOnlyPermissionPolicy
from newsroom.listings.models import ImportRun, Listing

register_permission_policy(Listing, ViewOnlyPermissionPolicy(Listing))
register_permission_policy(ImportRun, ViewOnlyPermissionPolicy(ImportRun))


class ListingViewSet(ModelViewSet):
    model = Listing
    url_prefix = "listings"
    url_namespace = "listings_admin"  # "listings" is the public pages' namespace
    icon = "home"
    menu_label = "Listings"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["title", "provider", "prefecture", "price_yen", "status", "last_seen"]
    list_filter = ["status", "property_type", "prefecture", "provider"]
    search_fields = ["title", "city", "provider_listing_id"]
    search_backend_name = None  # plain database lookups: listings are not search-indexed
    inspect_view_fields_exclude = ["shuffle_key"]
    exclude_form_fields: list[
        str
    ] = []  # never shown: nobody may add or edit (see the policy above)


class ImportRunViewSet(ModelViewSet):
    model = ImportRun
    url_prefix = "listings/import-runs"
    url_namespace = "listings_import_runs"
    icon = "download"
    menu_label = "Import runs"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "started_at",
        "file_name",
        "status",
        "created",
        "updated",
        "unchanged",
        "withdrawn",
        "rejected",
    ]
    list_filter = ["status", "provider"]
    search_backend_name = None
    exclude_form_fields: list[str] = []


class ListingsViewSetGroup(ModelViewSetGroup):
    menu_label = "Listings"
    menu_icon = "home"
    menu_order = 310
    items = (ListingViewSet(), ImportRunViewSet())


@hooks.register("register_admin_viewset")
def register_listings_viewsets():
    return ListingsViewSetGroup()
