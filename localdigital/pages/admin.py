"""Staff read visitors' feedback here; it is never changed or added by hand."""

from django.contrib import admin

from localdigital.pages.models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(admin.ModelAdmin):
    list_display = ["received_at", "satisfaction", "comment_start", "from_page"]
    list_filter = ["satisfaction", "received_at"]
    search_fields = ["comment", "from_page"]
    date_hierarchy = "received_at"
    fields = ["received_at", "satisfaction", "comment", "from_page"]
    readonly_fields = fields

    @admin.display(description="comment")
    def comment_start(self, feedback: Feedback) -> str:
        text = feedback.comment or "(none)"
        return text if len(text) <= 80 else text[:79] + "…"

    # What visitors said is kept as they said it.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
