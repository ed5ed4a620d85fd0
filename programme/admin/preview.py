"""Preview pages: a draft or scheduled record drawn with its public template,
for staff who may view it, before the public can see it."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils.html import format_html

from localdigital.core.admin_helpers import admin_page, admin_page_url


class PreviewMixin:
    """Adds a "preview" page to a model admin, and a link to it on the change form."""

    preview_template = ""
    preview_name = "object"

    def preview_context(self, obj) -> dict:
        return {self.preview_name: obj, "page_title": f"Preview: {obj}"}

    def get_urls(self):
        preview = admin_page(self, "<int:pk>/preview/", self.preview_view, page="preview")
        return [preview, *super().get_urls()]

    def preview_view(self, request, pk):
        obj = get_object_or_404(self.model, pk=pk)
        if not self.has_view_permission(request, obj):
            raise PermissionDenied
        return render(request, self.preview_template, self.preview_context(obj))

    @admin.display(description="Preview")
    def preview_link(self, obj):
        if obj is None or obj.pk is None:
            return "Save it first, then preview it here."
        return format_html(
            '<a href="{}" target="_blank">See it as the public will (opens in a new tab)</a>',
            admin_page_url(self, "preview", obj.pk),
        )
