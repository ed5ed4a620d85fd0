"""What the panel records after the assessors: an agreed score per criterion,
the decision's approval and feedback, and, for a funded bid, its payments.

Agreed scores are kept apart from the assessors' own (funding.models.outcomes.Score):
they are the panel's moderated view, not another assessor's.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from funding.models.bids import Bid
from funding.models.rounds import Criterion


class AgreedScore(models.Model):
    """The score the panel agreed for one bid against one criterion, with why."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="agreed_scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="agreed_scores")
    score = models.PositiveSmallIntegerField()
    note = models.TextField(help_text="Why the panel agreed this score.")
    agreed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="agreed_scores"
    )
    agreed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "criterion__order", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "criterion"],
                name="one_agreed_score_per_criterion",
                violation_error_code="already_agreed",
            )
        ]

    def __str__(self):
        return f"Agreed {self.criterion}: {self.score}"

    def clean(self):
        scale = self.criterion.round
        if not scale.score_min <= self.score <= scale.score_max:
            raise ValidationError(
                {
                    "score": ValidationError(
                        "Give an agreed score from %(low)s to %(high)s.",
                        code="score_out_of_range",
                        params={"low": scale.score_min, "high": scale.score_max},
                    )
                }
            )


class BidApproval(models.Model):
    """Who approved a bid's outcome (for example the minister), and who recorded it when."""

    bid = models.OneToOneField(Bid, on_delete=models.CASCADE, related_name="approval")
    approver_name = models.CharField("approved by", max_length=200)
    approver_role = models.CharField("approver's role", max_length=200)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        related_name="recorded_approvals",
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "approval"

    def __str__(self):
        return f"Approved by {self.approver_name}, {self.approver_role}"


class CriterionFeedback(models.Model):
    """What the lead's officers are told about their bid against one criterion."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="feedback")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="feedback")
    text = models.TextField()

    class Meta:
        verbose_name = "feedback"
        verbose_name_plural = "feedback"
        ordering = ["bid", "criterion__order", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "criterion"],
                name="one_feedback_per_criterion",
                violation_error_code="already_given",
            )
        ]

    def __str__(self):
        return f"Feedback on {self.criterion}"


class GrantPayment(models.Model):
    """One payment of a funded bid's grant."""

    bid = models.ForeignKey(Bid, on_delete=models.PROTECT, related_name="payments")
    paid_on = models.DateField("paid on")
    amount = models.PositiveIntegerField("amount (£)", validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = "payment"
        ordering = ["bid", "paid_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gte=1), name="grant_payment_positive")
        ]

    def __str__(self):
        return f"£{self.amount:,} on {self.paid_on:%d %B %Y}"

    @staticmethod
    def check_total(bid: Bid, total: int) -> None:
        """Refuse payments that would add up to more than the bid was awarded."""
        awarded = bid.awarded
        if awarded is None:
            raise ValidationError("Only a funded bid can be paid.", code="not_funded")
        if total > awarded:
            raise ValidationError(
                "The payments add up to £%(total)s, more than the £%(awarded)s awarded. "
                "Check the amounts.",
                code="paid_above_award",
                params={"total": f"{total:,}", "awarded": f"{awarded:,}"},
            )
