from django.contrib import admin

from declaration.models import Declaration, Principle, ServiceArea


@admin.register(Declaration)
class DeclarationAdmin(admin.ModelAdmin):
    fieldsets = [
        (None, {"fields": ["title"]}),
        (
            "Text",
            {"fields": ["introduction", "aims", "closing"], "description": "Written in Markdown."},
        ),
        ("History", {"fields": ["updated_at"]}),
    ]
    readonly_fields = ["updated_at"]

    def has_add_permission(self, request):
        # There is one declaration: it can be edited, never added to or deleted.
        return not Declaration.objects.exists() and super().has_add_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Principle)
class PrincipleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "slug", "updated_at"]
    list_display_links = ["number", "title"]
    search_fields = ["title", "summary", "commitments"]
    prepopulated_fields = {"slug": ["title"]}
    fieldsets = [
        (None, {"fields": ["number", "title", "slug"]}),
        ("Text", {"fields": ["summary", "commitments"], "description": "Written in Markdown."}),
        ("History", {"fields": ["updated_at"]}),
    ]
    readonly_fields = ["updated_at"]


@admin.register(ServiceArea)
class ServiceAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
