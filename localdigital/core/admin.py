from django.contrib import admin, messages
from django.utils import timezone

from localdigital.core.models import OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    """The outbox, for staff to see what was sent and what is stuck.

    Read-only: an email is a record of what we told someone, so nobody edits,
    adds or deletes one here. The only thing staff can do is ask for a retry.
    """

    list_display = [
        "created_at",
        "to_address",
        "subject",
        "reference",
        "state",
        "attempts",
        "next_attempt_at",
        "sent_at",
        "delivery",
    ]
    list_filter = ["state", "delivery"]
    search_fields = ["to_address", "subject", "reference"]
    date_hierarchy = "created_at"
    actions = ["retry_now"]
    fieldsets = [
        (None, {"fields": ["to_address", "subject", "reference"]}),
        ("Message", {"fields": ["body", "html_body"]}),
        (
            "Delivery",
            {
                "fields": [
                    "state",
                    "attempts",
                    "last_error",
                    "created_at",
                    "next_attempt_at",
                    "sent_at",
                ]
            },
        ),
        (
            "What the email service reported",
            {
                "fields": [
                    "provider_reference",
                    "delivery",
                    "delivery_detail",
                    "delivery_reported_at",
                ],
                "description": (
                    "GOV.UK Notify reports whether each message it sent was delivered. "
                    "Other ways of sending report nothing."
                ),
            },
        ),
    ]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        # Retrying changes the row, so it needs the model's change permission
        # even though the admin form itself is never editable.
        return request.user.has_perm("localdigital.change_outboundemail")

    @admin.action(description="Retry now", permissions=["retry"])
    def retry_now(self, request, queryset):
        # Attempts are kept: a message that had failed for good gets one more
        # try, and goes back to failed if that does not work either.
        retried = queryset.exclude(state=OutboundEmail.State.SENT).update(
            state=OutboundEmail.State.QUEUED, next_attempt_at=timezone.now()
        )
        skipped = queryset.filter(state=OutboundEmail.State.SENT).count()
        if retried:
            self.message_user(
                request,
                f"{_emails(retried)} will be tried again within a minute.",
                messages.SUCCESS,
            )
        if skipped:
            self.message_user(
                request,
                f"{_emails(skipped)} already sent, so not retried.",
                messages.WARNING,
            )


def _emails(count: int) -> str:
    return f"{count} email" if count == 1 else f"{count} emails"
