"""Staff's screens for project updates: find one, read it and its history,
and hide it (with a reason, kept in its history) or show it again.

Staff do not write or edit updates: the project's officers do. Hiding goes
through sharing.services and so through the workflow engine.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote

from localdigital.core.admin_helpers import ReadOnlyInlineMixin, admin_page
from localdigital.core.admin_moves import (
    MOVE_PAGE,
    StaffMove,
    StaffMoveAdminMixin,
    seen_state_field,
)
from sharing import services

# Case studies' screens have a module of their own; importing it registers them.
from sharing.case_admin import CaseStudyAdmin
from sharing.models import ProjectUpdate, UpdateState, UpdateStateChange
from sharing.workflow import STAFF_MOVE_LABELS, UPDATE_WORKFLOW

__all__ = ["CaseStudyAdmin", "ProjectUpdateAdmin"]


class HideForm(forms.Form):
    seen_state = seen_state_field(UpdateState.choices, noun="update")
    note = forms.CharField(
        label="Reason for hiding it",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the update's history. The update disappears from every page, feed and file.",
        error_messages={"required": "Enter the reason for hiding the update."},
    )


class ShowForm(forms.Form):
    seen_state = seen_state_field(UpdateState.choices, noun="update")
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the update's history.",
    )


UPDATE_MOVES = {
    "hide": StaffMove(
        move="hide",
        label=STAFF_MOVE_LABELS["hide"],
        submit="Hide the update",
        form_class=HideForm,
        explain=lambda u: (
            "It will no longer be shown on the project's page, on /updates/, in the feeds or the open data."
        ),
        perform=lambda u, *, by, data: services.update_hide(
            update=u, by_user=by, reason=data["note"]
        ),
        done=lambda u: f"{u.reference} is hidden.",
    ),
    "show": StaffMove(
        move="show",
        label=STAFF_MOVE_LABELS["show"],
        submit="Show the update again",
        form_class=ShowForm,
        explain=lambda u: (
            "It will be public again wherever the project's updates are shown. Followers are not emailed again."
        ),
        perform=lambda u, *, by, data: services.update_show(
            update=u, by_user=by, reason=data["note"]
        ),
        done=lambda u: f"{u.reference} is shown again.",
    ),
}


class UpdateStateChangeInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = UpdateStateChange
    verbose_name_plural = "History"
    fields = ["at", "from_state", "to_state", "by_label", "by_user", "note"]
    readonly_fields = fields


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(StaffMoveAdminMixin, admin.ModelAdmin):
    list_display = ["title", "bid", "kind", "state", "author_email", "published_at"]
    list_filter = ["state", "kind", "bid__round"]
    search_fields = ["title", "bid__reference", "bid__title", "author_email"]
    list_select_related = ["bid"]
    date_hierarchy = "published_at"
    readonly_fields = [
        "bid",
        "kind",
        "title",
        "body",
        "links",
        "author_email",
        "state",
        "published_at",
        "updated_at",
    ]
    fields = readonly_fields
    inlines = [UpdateStateChangeInline]
    staff_moves = UPDATE_MOVES
    workflow = UPDATE_WORKFLOW
    move_template = "admin/sharing/projectupdate/move.html"

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        move_page = admin_page(
            self, "<path:object_id>/move/<slug:move_name>/", self.move_view, page=MOVE_PAGE
        )
        return [move_page, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        update = self.get_object(request, unquote(object_id))
        if update is not None:
            extra_context = {
                **(extra_context or {}),
                "move_links": self.move_links(request, update),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def move_context(self, request, update) -> dict:
        return {"subtitle": update.title}
