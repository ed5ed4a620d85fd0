"""Who assesses which bid: assessors' organisations, their assignments to
bids, the conflicts of interest they have, and the reminders the worker has
sent (each recorded, so that a rerun sends nothing twice)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from funding.models.bids import Bid, BidState


class AssessorProfile(models.Model):
    """What the fund knows of a member of staff beyond their account: the
    organisation they work for, if any, which makes them conflicted on every
    bid it leads or partners."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessor_profile"
    )
    organisation = models.ForeignKey(
        "signatories.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessors",
        help_text=(
            "The council or body they work for, if any. They can never be assigned "
            "a bid it leads or partners."
        ),
    )

    class Meta:
        verbose_name = "assessor's organisation"
        verbose_name_plural = "assessor's organisation"

    def __str__(self):
        return f"{self.user}: {self.organisation or 'no organisation'}"


class AssignmentQuerySet(models.QuerySet):
    def of(self, assessor):
        return self.filter(assessor=assessor)

    def in_assessment(self):
        """Assignments of bids still to be assessed (not decided or withdrawn)."""
        return self.filter(bid__state__in=[BidState.SUBMITTED, BidState.IN_ASSESSMENT])


class Assignment(models.Model):
    """One assessor asked to assess one bid."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="assignments")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bid_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assigned_at = models.DateTimeField("assigned", default=timezone.now)
    # When the worker reminded the assessor that it is due (once).
    reminded_at = models.DateTimeField("reminded", null=True, blank=True)

    objects = AssignmentQuerySet.as_manager()

    class Meta:
        verbose_name = "assessor"
        verbose_name_plural = "assessors"
        ordering = ["bid", "assigned_at", "pk"]
        # Fund managers (and superusers) see and may score every bid; other
        # assessors only the bids assigned to them.
        permissions = [("see_every_bid", "Can see and score every bid, assigned or not")]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "assessor"],
                name="one_assignment_per_assessor_and_bid",
                violation_error_code="already_assigned",
                violation_error_message="This assessor is assigned this bid already.",
            )
        ]
        indexes = [
            # "My assessments" and the bid list of an assessor read by assessor.
            models.Index(fields=["assessor", "bid"], name="assignment_assessor_idx"),
            # The reminder sweep reads only the assignments not yet reminded.
            models.Index(
                fields=["bid"],
                condition=Q(reminded_at__isnull=True),
                name="assignment_unreminded_idx",
            ),
        ]

    def __str__(self):
        return f"{self.assessor} assesses {self.bid.reference}"


class ConflictKind(models.TextChoices):
    AUTOMATIC = "automatic", "Automatic: their organisation is on the bid"
    DECLARED = "declared", "Declared by the assessor"


class Conflict(models.Model):
    """An assessor's conflict of interest with a bid: they may not open or score it."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="conflicts")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bid_conflicts"
    )
    kind = models.CharField(max_length=20, choices=ConflictKind.choices)
    reason = models.TextField()
    recorded_at = models.DateTimeField("recorded", default=timezone.now)

    class Meta:
        verbose_name = "conflict of interest"
        verbose_name_plural = "conflicts of interest"
        ordering = ["-recorded_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "assessor"],
                name="one_conflict_per_assessor_and_bid",
                violation_error_code="already_conflicted",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=ConflictKind.values), name="conflict_kind_valid"
            ),
        ]
        indexes = [models.Index(fields=["assessor", "bid"], name="conflict_assessor_idx")]

    def __str__(self):
        return f"{self.assessor} on {self.bid.reference}: {self.reason}"


class DraftReminderStage(models.TextChoices):
    WEEK = "7_days", "7 days before the round closes"
    DAY = "1_day", "1 day before the round closes"


class DraftReminder(models.Model):
    """That a draft's officers were reminded the round is closing, at one stage."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="draft_reminders")
    stage = models.CharField(max_length=10, choices=DraftReminderStage.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["bid", "stage"], name="one_draft_reminder_per_stage"),
            models.CheckConstraint(
                condition=Q(stage__in=DraftReminderStage.values),
                name="draft_reminder_stage_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_stage_display()}: bid {self.bid_id}"


__all__ = [
    "AssessorProfile",
    "Assignment",
    "Conflict",
    "ConflictKind",
    "DraftReminder",
    "DraftReminderStage",
]
