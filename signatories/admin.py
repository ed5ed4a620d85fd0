"""Signatories in Django admin: organisations, the moderation queue of
sign-ups, and the reasons a moderator may give for rejecting one."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db.models import Case, F, When
from django.utils import timezone
from django.utils.html import format_html

from localdigital.core.admin_helpers import (
    ReadOnlyInlineMixin,
    admin_page,
    emails_about,
    titled,
)
from localdigital.core.admin_moves import MOVE_PAGE, StaffMoveAdminMixin
from signatories.models import (
    QUEUE_STATES,
    Commitment,
    DeliveryReport,
    Organisation,
    RejectionReason,
    ReportRequest,
    SignUp,
    StateChange,
)
from signatories.moderation import MODERATIONS
from signatories.workflow import SIGN_UP_WORKFLOW


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "organisation_type",
        "nation",
        "region",
        "register_code",
        "current",
        "needs_review",
    ]
    list_filter = ["organisation_type", "nation", "region", "needs_review", "is_from_register"]
    search_fields = ["name", "register_code", "gss_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["replaced_by"]
    readonly_fields = ["is_from_register", "created_at", "updated_at"]
    actions = ["mark_as_checked"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "organisation_type", "nation", "region"]}),
        (
            "Register",
            {
                "fields": [
                    "register_code",
                    "gss_code",
                    "start_date",
                    "end_date",
                    "replaced_by",
                    "is_from_register",
                ],
                "description": (
                    "Councils come from mySociety's UK local authority register and are updated "
                    "whenever it is imported again. When an organisation typed in at sign-up "
                    "turns out to be a council, fill in its register code, type and GSS code "
                    "here: the next import then keeps it up to date as a register entry. "
                    "Check first, by searching for the code, that the register's entry has "
                    "not already been imported as a separate organisation."
                ),
            },
        ),
        (
            "Checks",
            {
                "fields": ["email_domains", "needs_review"],
                "description": (
                    "Sign-ups from an email address outside these domains are flagged. "
                    "Organisations typed in at sign-up need review until a moderator has "
                    "checked them."
                ),
            },
        ),
        ("History", {"fields": ["created_at", "updated_at"]}),
    ]

    @admin.display(boolean=True, description="current")
    def current(self, organisation):
        return organisation.is_current

    @admin.action(description="Mark as checked")
    def mark_as_checked(self, request, queryset):
        # update() skips auto_now, so the time of the check is set here.
        count = queryset.filter(needs_review=True).update(
            needs_review=False, updated_at=timezone.now()
        )
        self.message_user(
            request,
            f"{count} organisation{'s' if count != 1 else ''} marked as checked.",
            messages.SUCCESS,
        )


# Moderation: the queue of sign-ups, and the pages behind the moderation
# buttons (the moves themselves are in signatories.moderation).


class OverdueFilter(admin.SimpleListFilter):
    title = "review deadline"
    parameter_name = "overdue"

    def lookups(self, request, model_admin):
        return [("yes", "Overdue"), ("no", "Not overdue")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.overdue()
        if self.value() == "no":
            return queryset.with_overdue().filter(overdue_now=False)
        return queryset


class ProjectReportFilter(admin.SimpleListFilter):
    """Where each signatory is with its report on the declaration project."""

    title = "declaration project report"
    parameter_name = "report"

    def lookups(self, request, model_admin):
        return [
            ("overdue", "Overdue (a year since signing)"),
            ("asked", "Asked, not reported"),
            ("reported", "Reported"),
        ]

    def queryset(self, request, queryset):
        if self.value() == "overdue":
            return queryset.report_overdue()
        if self.value() == "asked":
            return queryset.filter(report_request__isnull=False, delivery_report__isnull=True)
        if self.value() == "reported":
            return queryset.filter(delivery_report__isnull=False)
        return queryset


class DeliveryReportInline(ReadOnlyInlineMixin, admin.StackedInline):
    model = DeliveryReport
    verbose_name_plural = "report on the declaration project"
    fields = ["delivery", "delivered", "links", "reported_by", "reported_at"]
    readonly_fields = fields


class ReportRequestInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = ReportRequest
    verbose_name_plural = "report asked for"
    fields = ["asked_at", "reminded_at"]
    readonly_fields = fields


class CommitmentInline(ReadOnlyInlineMixin, admin.StackedInline):
    model = Commitment
    verbose_name_plural = "commitment"
    fields = ["title", "partners", "mission", "impact", "principles", "service_area"]
    readonly_fields = fields


class StateChangeInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = StateChange
    verbose_name = "change of state"
    verbose_name_plural = "history"
    fields = ["at", "from_state", "to_state", "by_label", "note"]
    readonly_fields = fields


@admin.register(SignUp)
class SignUpAdmin(StaffMoveAdminMixin, admin.ModelAdmin):
    """The moderation queue. Nothing here edits a sign-up: the officer's answers
    are theirs, and its state changes only through the moderation buttons."""

    staff_moves = MODERATIONS
    workflow = SIGN_UP_WORKFLOW
    move_template = "admin/signatories/signup/moderate.html"

    list_display = [
        "reference",
        "organisation",
        "state",
        "review_due",
        "overdue",
        "email_domain_mismatch",
        "new_organisation",
        "confirmed_at",
    ]
    list_select_related = ["organisation"]
    list_filter = [
        "state",
        OverdueFilter,
        ProjectReportFilter,
        "email_domain_mismatch",
        (
            "organisation__organisation_type",
            titled(admin.ChoicesFieldListFilter, "organisation type"),
        ),
        ("organisation__needs_review", titled(admin.BooleanFieldListFilter, "new organisation")),
    ]
    search_fields = [
        "reference",
        "organisation__name",
        "officer_name",
        "officer_email",
        "approver_name",
        "approver_email",
    ]
    search_help_text = (
        "Search by reference, organisation, or the officer's or senior approver's name or email."
    )
    date_hierarchy = "created_at"
    # Work waiting for a moderator first, most urgent first; then everything
    # else by its old deadline (sign-ups awaiting confirmation have none yet).
    ordering = [
        Case(When(state__in=QUEUE_STATES, then=0), default=1).asc(),
        F("review_due").asc(nulls_last=True),
        "created_at",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "reference",
                    "organisation",
                    "new_organisation",
                    "state",
                    "created_at",
                    "confirmed_at",
                    "review_due",
                    "overdue",
                    "email_domain_mismatch",
                ]
            },
        ),
        ("Officer", {"fields": ["officer_name", "officer_job_title", "officer_email"]}),
        (
            "Senior approver",
            {"fields": ["approver_name", "approver_role", "approver_email", "has_authority"]},
        ),
        (
            "Decisions",
            {
                "fields": [
                    "changes_advice",
                    "rejection_reason",
                    "rejection_note",
                    "removal_reason",
                    "signed_at",
                    "signed_by_name",
                ]
            },
        ),
    ]
    readonly_fields = [field for _, options in fieldsets for field in options["fields"]]
    inlines = [CommitmentInline, ReportRequestInline, DeliveryReportInline, StateChangeInline]

    @admin.display(description="overdue", ordering="review_due")
    def overdue(self, sign_up):
        return format_html("<strong>{}</strong>", "Overdue") if sign_up.is_overdue else ""

    @admin.display(
        boolean=True, description="new organisation", ordering="organisation__needs_review"
    )
    def new_organisation(self, sign_up):
        return sign_up.organisation.needs_review

    def get_queryset(self, request):
        return super().get_queryset(request).with_overdue()

    def has_add_permission(self, request):
        # Sign-ups come from the public journey, where the officer proves their email address.
        return False

    def has_change_permission(self, request, obj=None):
        # The change page is read-only for everyone; moderation has its own views.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting loses the record of what was decided; only superusers may,
        # for example to honour a request to erase personal data.
        return request.user.is_active and request.user.is_superuser

    def get_urls(self):
        # A moderation button's page: its form (GET) and the move (POST), made
        # by StaffMoveAdminMixin.move_view with the moves of MODERATIONS.
        moderate = admin_page(
            self, "<path:object_id>/moderate/<slug:move_name>/", self.move_view, page=MOVE_PAGE
        )
        return [moderate, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        sign_up = self.get_object(request, unquote(object_id))
        if sign_up is not None:
            extra_context = {
                **(extra_context or {}),
                "can_moderate": self.has_move_permission(request),
                "moderation_links": self.move_links(request, sign_up),
                "outbound_emails": emails_about(request, sign_up.reference),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def move_context(self, request, sign_up: SignUp) -> dict:
        return {
            "subtitle": str(sign_up.organisation),
            "sign_up": sign_up,
            "commitment": getattr(sign_up, "commitment", None),
        }


@admin.register(RejectionReason)
class RejectionReasonAdmin(admin.ModelAdmin):
    list_display = ["text", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["text"]
