"""The outbox: every email the site sends, kept as a row (see localdigital/core/outbox.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone


class EmailState(models.TextChoices):
    QUEUED = "queued", "Queued"
    SENT = "sent", "Sent"
    # Gave up after the maximum number of attempts; staff can still retry it.
    FAILED = "failed", "Failed"


class Delivery(models.TextChoices):
    """What the email service reported after it had the message (GOV.UK Notify's receipts)."""

    NOT_REPORTED = "", "Not reported"
    DELIVERED = "delivered", "Delivered"
    NOT_DELIVERED = "not_delivered", "Not delivered"


class OutboundEmailQuerySet(models.QuerySet):
    def due(self, now):
        """Queued messages whose next attempt is now or overdue."""
        return self.filter(state=EmailState.QUEUED, next_attempt_at__lte=now)


class OutboundEmail(models.Model):
    """One email to one person (plain text, with an HTML alternative at times), from the moment it is owed until it is sent."""

    # Defined outside the class so that Meta, which cannot see the class body, can use it.
    State = EmailState

    to_address = models.EmailField("to")
    subject = models.CharField(
        max_length=255,
        validators=[
            # A line break in a header would be refused by the mail library at
            # every attempt; refuse it when the message is queued instead.
            RegexValidator(
                r"[\r\n]",
                inverse_match=True,
                message="The subject must be a single line.",
                code="subject_multiline",
            )
        ],
    )
    body = models.TextField(help_text="Plain text.")
    # An optional HTML version of the same words (a bulletin's), sent beside
    # the plain text as multipart/alternative. GOV.UK Notify takes no HTML
    # here, so through Notify only the plain text goes.
    html_body = models.TextField("HTML body", blank=True)
    reference = models.CharField(
        max_length=50,
        blank=True,
        db_index=True,
        help_text="The sign-up or bid reference the email is about.",
    )
    # Extra headers sent with the message, such as the one-click unsubscribe
    # of RFC 8058 that every email to followers carries (subscriptions).
    headers = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=10, choices=EmailState, default=EmailState.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField("created", default=timezone.now)
    next_attempt_at = models.DateTimeField("next attempt", default=timezone.now)
    sent_at = models.DateTimeField("sent at", null=True, blank=True)
    provider_reference = models.CharField(
        "email service's id",
        max_length=100,
        blank=True,
        db_index=True,
        help_text="The id the email service (GOV.UK Notify) gave the message.",
    )
    delivery = models.CharField(max_length=20, choices=Delivery, default="", blank=True)
    delivery_detail = models.CharField(
        max_length=100, blank=True, help_text="The email service's own word for what happened."
    )
    delivery_reported_at = models.DateTimeField("delivery reported", null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        verbose_name = "email"
        ordering = ["-created_at"]
        indexes = [
            # The sender asks "what is due?" every minute; sent messages pile up
            # for ever, so index only the queued ones.
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state=EmailState.QUEUED),
                name="outboundemail_due_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=EmailState.values),
                name="outboundemail_state_valid",
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(state=EmailState.SENT, sent_at__isnull=False)
                    | (~models.Q(state=EmailState.SENT) & models.Q(sent_at__isnull=True))
                ),
                name="outboundemail_sent_at_only_when_sent",
            ),
        ]

    def __str__(self):
        return f"{self.subject} to {self.to_address}"

    def clean(self):
        # Every email about a sign-up or bid names its reference, so the reader
        # can quote it and staff can find the email from it.
        if self.reference and self.reference not in self.body:
            raise ValidationError(
                {
                    "body": ValidationError(
                        "The email must name its reference.", code="reference_missing"
                    )
                }
            )


class StateChangeRecord(models.Model):
    """One move of a record from state to state: who, when and why.

    Each workflow's history model inherits this and adds its foreign key to
    the record and its own `from_state` and `to_state` (with the record's
    choices). Rows are written only by localdigital.core.workflow.
    """

    by_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    by_label = models.CharField(
        "by", max_length=200, help_text="Who made the change, when it was not a member of staff."
    )
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_from_state_display() or 'new'} → {self.get_to_state_display()}"


class ContentVersion(models.Model):
    """One number for the whole site, raised by every write that changes what the public sees.

    Cached public pages are kept under the number that was current when they
    were drawn (localdigital/core/page_cache.py), so raising it, in the same
    transaction as the change, makes the very next request draw the page anew.
    There is one row; localdigital/core/content_version.py alone reads and
    raises it.
    """

    number = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "content version"
        # Named here because content_version.current() reads it in plain SQL.
        db_table = "localdigital_contentversion"

    def __str__(self):
        return f"Content version {self.number}"
