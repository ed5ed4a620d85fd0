"""Staff's view of who follows what: to answer a request to be forgotten, or
to see what an announcement was. Nothing here sends email; bulletins, which
content editors send, have their screens in bulletin_admin."""

from django.contrib import admin

from localdigital.core.admin_helpers import ReadOnlyInlineMixin
from subscriptions.bulletin_admin import BulletinAdmin
from subscriptions.models import Announcement, Subscriber, Subscription


class SubscriptionInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = Subscription
    fields = ["label", "topic", "frequency", "confirmed_at"]
    readonly_fields = fields


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ["email", "confirmed_at", "created_at"]
    list_filter = [("confirmed_at", admin.EmptyFieldListFilter)]
    search_fields = ["email"]
    fields = ["email", "confirmed_at", "created_at", "digest_sent_at"]
    readonly_fields = fields
    inlines = [SubscriptionInline]

    def has_add_permission(self, request):
        return False


@admin.register(Announcement)
class AnnouncementAdmin(admin.ModelAdmin):
    list_display = ["title", "created_at", "sent_at"]
    search_fields = ["title", "key"]
    fields = ["key", "subject", "title", "text", "url", "created_at", "sent_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


__all__ = ["AnnouncementAdmin", "BulletinAdmin", "SubscriberAdmin"]
