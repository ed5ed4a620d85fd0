from django.contrib import admin
from django.db import models
from django.utils import timezone

from programme.admin.announcing import AnnouncesOnSave
from programme.admin.preview import PreviewMixin
from programme.models import Event


class WhenFilter(admin.SimpleListFilter):
    title = "when"
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [("upcoming", "Upcoming"), ("past", "Past")]

    def queryset(self, request, queryset):
        now = timezone.now()
        return {
            "upcoming": queryset.filter(ends_at__gt=now),
            "past": queryset.filter(ends_at__lte=now),
        }.get(self.value(), queryset)


@admin.register(Event)
class EventAdmin(AnnouncesOnSave, PreviewMixin, admin.ModelAdmin):
    preview_template = "programme/event.html"
    preview_name = "event"
    # A booking link typed without its scheme is taken to be https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    list_display = ["title", "starts_at", "attendance", "organiser", "status"]
    list_filter = ["status", WhenFilter, "attendance"]
    search_fields = ["title", "description", "organiser", "venue_name"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["title", "slug", "description", "organiser"]}),
        ("When (UK time)", {"fields": ["starts_at", "ends_at"]}),
        (
            "Where",
            {
                "fields": ["attendance", "venue_name", "venue_address"],
                "description": "Give the venue and its address for an event that is not online.",
            },
        ),
        ("Booking and access", {"fields": ["booking_url", "accessibility"]}),
        ("Publishing", {"fields": ["status", "preview_link"]}),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]
    readonly_fields = ["preview_link", "created_at", "updated_at"]
