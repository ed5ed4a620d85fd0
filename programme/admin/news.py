from django.contrib import admin
from django.utils import timezone

from localdigital.core.admin_helpers import ReadOnlyInlineMixin
from programme.admin.announcing import AnnouncesOnSave
from programme.admin.preview import PreviewMixin
from programme.models import NewsPost, NewsPostSlugRedirect, PublicationStatus


class NewsStateFilter(admin.SimpleListFilter):
    """Draft, scheduled or published: the three states editors think in."""

    title = "state"
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [("draft", "Draft"), ("scheduled", "Scheduled"), ("published", "Published")]

    def queryset(self, request, queryset):
        now = timezone.now()
        published = queryset.filter(status=PublicationStatus.PUBLISHED)
        return {
            "draft": queryset.filter(status=PublicationStatus.DRAFT),
            "scheduled": published.filter(published_at__gt=now),
            "published": published.filter(published_at__lte=now),
        }.get(self.value(), queryset)


class FormerAddressInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = NewsPostSlugRedirect
    fields = ["old_slug", "created_at"]
    readonly_fields = ["old_slug", "created_at"]
    verbose_name_plural = "Former addresses (kept automatically when the slug changes)"


@admin.register(NewsPost)
class NewsPostAdmin(AnnouncesOnSave, PreviewMixin, admin.ModelAdmin):
    preview_template = "programme/news_post.html"
    preview_name = "post"
    list_display = ["title", "state", "published_at", "updated_at"]
    list_filter = [NewsStateFilter, "principles", "service_areas"]
    search_fields = ["title", "summary", "body"]
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["principles", "service_areas"]
    inlines = [FormerAddressInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Publishing",
            {
                "fields": ["status", "published_at", "preview_link"],
                "description": (
                    "A published post appears at its publication time (UK time): "
                    "set a time still to come to schedule it."
                ),
            },
        ),
        ("Tags", {"fields": ["principles", "service_areas"]}),
        ("History", {"fields": ["updated_at"]}),
    ]
    readonly_fields = ["preview_link", "updated_at"]

    @admin.display(description="State")
    def state(self, post):
        return post.state_label
