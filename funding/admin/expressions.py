"""Expressions of interest, for assessors: the list with its filters, and an
expression's page with its answers, history and the Invite and Decline
buttons (funding.admin.expression_moves). The answers are the officers':
nobody edits them here."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from funding import assessors
from funding.admin.bids import RoundFilter
from funding.admin.expression_moves import EXPRESSION_MOVES
from funding.expression_workflow import EXPRESSION_WORKFLOW
from funding.models import Expression, ExpressionStateChange
from localdigital.core.admin_helpers import (
    ReadOnlyInlineMixin,
    admin_page,
    admin_page_url,
    emails_about,
)
from localdigital.core.admin_moves import MOVE_PAGE, StaffMoveAdminMixin


class ExpressionStateChangeInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = ExpressionStateChange
    verbose_name = "change of state"
    verbose_name_plural = "history"
    fields = ["at", "from_state", "to_state", "by_label", "note"]
    readonly_fields = fields


@admin.register(Expression)
class ExpressionAdmin(StaffMoveAdminMixin, admin.ModelAdmin):
    staff_moves = EXPRESSION_MOVES
    workflow = EXPRESSION_WORKFLOW
    move_template = "admin/funding/expression/move.html"
    inlines = [ExpressionStateChangeInline]

    list_display = ["reference", "title", "lead", "round", "phase", "cost", "state", "submitted_at"]
    list_display_links = ["reference", "title"]
    list_filter = [("round", RoundFilter), "state", "phase"]
    list_select_related = ["round", "round__fund", "lead"]
    search_fields = ["reference", "title", "lead__name"]
    search_help_text = "Search by reference, project or lead council."
    ordering = ["-round__opens_at", "number"]
    fieldsets = [
        (None, {"fields": ["reference", "round", "state", "submitted_at", "submitted_by_email"]}),
        (
            "The expression of interest",
            {"fields": ["lead", "title", "problem", "partner_names", "phase", "cost"]},
        ),
        ("Outcome", {"fields": ["decided_at", "feedback", "full_bid"]}),
    ]
    readonly_fields = [field for _, options in fieldsets for field in options["fields"]]

    @admin.display(description="estimated cost", ordering="estimated_cost")
    def cost(self, expression):
        return f"£{expression.estimated_cost:,}"

    @admin.display(description="partner councils")
    def partner_names(self, expression):
        return ", ".join(partner.name for partner in expression.partners.all()) or "None named"

    @admin.display(description="full bid")
    def full_bid(self, expression):
        if expression.bid is None:
            return "Not started"
        url = reverse("admin:funding_bid_change", args=[expression.bid.pk])
        return format_html('<a href="{}">{}</a>', url, expression.bid)

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("round", "lead", "bid")

    # The answers come from officers; staff never add, edit or delete one.

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def save_model(self, request, obj, form, change):
        # Every field is read-only: nothing on the page saves the expression.
        pass

    def get_urls(self):
        move_page = admin_page(
            self, "<path:object_id>/move/<slug:move_name>/", self.move_view, page=MOVE_PAGE
        )
        return [move_page, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        expression = self.get_object(request, unquote(object_id))
        if expression is not None:
            conflict = assessors.expression_conflict(expression, request.user)
            extra_context = {
                **(extra_context or {}),
                "title": f"Expression of interest {expression.reference}",
                "subtitle": expression.title,
                "can_move": self.has_move_permission(request),
                "conflict": conflict,
                "move_links": [] if conflict else self.move_links(request, expression),
                "outbound_emails": emails_about(request, expression.reference),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def move_view(self, request, object_id, move_name):
        """Refused, back on the expression's page, to staff whose organisation is on it."""
        expression = self.get_object(request, unquote(object_id))
        conflict = expression and assessors.expression_conflict(expression, request.user)
        if conflict:
            message = f"You cannot decide on {expression.reference}: {conflict}"
            self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(admin_page_url(self, "change", expression.pk))
        return super().move_view(request, object_id, move_name)

    def move_context(self, request, expression) -> dict:
        return {"subtitle": expression.title, "expression": expression}
