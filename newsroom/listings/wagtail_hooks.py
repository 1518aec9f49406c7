"""Listings and import runs in the Wagtail admin, read-only: the feed is their only author."""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from newsroom.core.read_only import ReadOnlyViewSet, ViewOnlyPermissionPolicy
from newsroom.listings.models import ImportRun, Listing

register_permission_policy(Listing, ViewOnlyPermissionPolicy(Listing))
register_permission_policy(ImportRun, ViewOnlyPermissionPolicy(ImportRun))


class ListingViewSet(ReadOnlyViewSet):
    model = Listing
    url_prefix = "listings"
    url_namespace = "listings_admin"  # "listings" is the public pages' namespace
    icon = "home"
    menu_label = "Listings"
    list_display = ["title", "provider", "prefecture", "price_yen", "status", "last_seen"]
    list_filter = ["status", "property_type", "prefecture", "provider"]
    search_fields = ["title", "city", "provider_listing_id"]
    inspect_view_fields_exclude = ["shuffle_key"]


class ImportRunViewSet(ReadOnlyViewSet):
    model = ImportRun
    url_prefix = "listings/import-runs"
    url_namespace = "listings_import_runs"
    icon = "download"
    menu_label = "Import runs"
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


class ListingsViewSetGroup(ModelViewSetGroup):
    menu_label = "Listings"
    menu_icon = "home"
    menu_order = 310
    items = (ListingViewSet(), ImportRunViewSet())


@hooks.register("register_admin_viewset")
def register_listings_viewsets():
    return ListingsViewSetGroup()
