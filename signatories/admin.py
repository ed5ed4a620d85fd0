from django.contrib import admin, messages
from django.utils import timezone

from signatories.models import Organisation


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
