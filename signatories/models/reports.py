"""What became of each signatory's declaration project: asked for eleven months
after signing, and published on its page once the officer has reported."""

from django.db import models
from django.utils import timezone

from signatories.models.delivery import Delivery
from signatories.models.sign_ups import SignUp


class ReportRequest(models.Model):
    """When the officer was asked to report on the project, and reminded."""

    sign_up = models.OneToOneField(SignUp, on_delete=models.CASCADE, related_name="report_request")
    asked_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["asked_at"], name="report_request_asked")]

    def __str__(self):
        return f"Report asked of {self.sign_up.reference}"


class DeliveryReport(models.Model):
    """The officer's account of the declaration project: public on the signatory's page."""

    sign_up = models.OneToOneField(SignUp, on_delete=models.CASCADE, related_name="delivery_report")
    delivery = models.CharField(max_length=20, choices=Delivery.choices)
    delivered = models.TextField(
        "what was delivered", help_text="What was delivered, or why it was not."
    )
    links = models.JSONField(
        default=list, blank=True, help_text="Addresses where readers can see what was delivered."
    )
    reported_by = models.CharField("reported by", max_length=200)
    reported_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["delivery"], name="delivery_report_delivery")]

    def __str__(self):
        return f"{self.get_delivery_display()}: {self.sign_up.reference}"
