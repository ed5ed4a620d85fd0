"""Every conflict of interest recorded, for fund managers: read-only, as a record."""

from django.contrib import admin

from funding.models import Conflict


@admin.register(Conflict)
class ConflictAdmin(admin.ModelAdmin):
    list_display = ["bid", "assessor", "kind", "reason", "recorded_at"]
    list_filter = ["kind", ("bid__round", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["bid", "assessor"]
    search_fields = ["bid__reference", "assessor__username", "assessor__last_name", "reason"]
    search_help_text = "Search by bid reference, assessor or reason."
    fields = list_display
    readonly_fields = list_display

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
