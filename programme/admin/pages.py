from django.contrib import admin

from localdigital.core.admin_helpers import ReadOnlyInlineMixin
from programme.admin.preview import PreviewMixin
from programme.models import ProgrammePage, ProgrammePageSlugRedirect
from programme.navigation import PageTree


class FormerAddressInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = ProgrammePageSlugRedirect
    fields = ["old_slug", "created_at"]
    readonly_fields = ["old_slug", "created_at"]
    verbose_name_plural = "Former addresses (kept automatically when the slug changes)"


@admin.register(ProgrammePage)
class ProgrammePageAdmin(PreviewMixin, admin.ModelAdmin):
    preview_template = "programme/page.html"
    preview_name = "programme_page"
    list_display = ["title", "parent", "position", "status", "updated_at"]
    list_filter = ["status", ("parent", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["parent"]
    search_fields = ["title", "summary", "body"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [FormerAddressInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "body"]}),
        (
            "Place in the programme",
            {
                "fields": ["parent", "position"],
                "description": "Its parent page, and its order among the pages beside it.",
            },
        ),
        ("Publishing", {"fields": ["status", "preview_link"]}),
        ("History", {"fields": ["updated_at"]}),
    ]
    readonly_fields = ["preview_link", "updated_at"]

    def preview_context(self, page):
        tree = PageTree(ProgrammePage.objects.tree())
        return {
            **super().preview_context(page),
            "ancestors": tree.ancestors(page.parent_id)
            + ([tree.rows[page.parent_id]] if page.parent_id in tree.rows else []),
            "children": tree.children(page.pk),
            "siblings": [],
        }
