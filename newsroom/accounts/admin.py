from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from newsroom.accounts.models import DataExport, NameClaim, User

admin.site.register(User, UserAdmin)


@admin.register(NameClaim)
class NameClaimAdmin(admin.ModelAdmin):
    """Claimed and retired names: read-only, the services keep them."""

    list_display = ["slug", "key", "user", "claimed_at", "retired_at"]
    search_fields = ["slug", "key"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False


@admin.register(DataExport)
class DataExportAdmin(admin.ModelAdmin):
    """The log of readers' data downloads."""

    list_display = ["user", "created_at"]

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request) -> bool:
        return False
