"""The single-use links emailed about a sign-up."""

import datetime

from django.db import models
from django.utils import timezone

from signatories.models.sign_ups import SignUp


class LinkPurpose(models.TextChoices):
    CONFIRM_EMAIL = "confirm_email", "Confirm the officer's email"
    EDIT = "edit", "Officer makes the changes asked for"
    SIGN = "sign", "Senior approver signs"
    REPORT = "report", "Officer reports on the declaration project"


LINK_LIFETIMES = {
    LinkPurpose.CONFIRM_EMAIL: datetime.timedelta(days=7),
    LinkPurpose.EDIT: datetime.timedelta(days=30),
    LinkPurpose.SIGN: datetime.timedelta(days=30),
    # Long enough to find out how the project went; a reminder brings a new one.
    LinkPurpose.REPORT: datetime.timedelta(days=60),
}


class SignUpLinkQuerySet(models.QuerySet):
    def usable(self, *, now: datetime.datetime | None = None):
        return self.filter(used_at__isnull=True, expires_at__gt=now or timezone.now())


class SignUpLink(models.Model):
    """A single-use link emailed to the officer or the approver; only its hash is kept."""

    sign_up = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="links")
    purpose = models.CharField(max_length=20, choices=LinkPurpose.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    objects = SignUpLinkQuerySet.as_manager()

    def __str__(self):
        return f"{self.get_purpose_display()} for {self.sign_up.reference}"
