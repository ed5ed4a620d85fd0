"""Expressions of interest: the short first answer a lead council gives to a
round that has an expression stage, which staff invite to a full bid or decline."""

from django.db import models
from django.db.models import Q

from funding.models.bids import Bid
from funding.models.rounds import Phase, Round
from localdigital.core.models import StateChangeRecord


class ExpressionState(models.TextChoices):
    SUBMITTED = "submitted", "Sent"
    INVITED = "invited", "Invited to bid"
    DECLINED = "declined", "Not invited to bid"


# Expressions whose outcome is known: published with it once the round's decisions are.
DECIDED_EXPRESSION_STATES = [ExpressionState.INVITED, ExpressionState.DECLINED]


class ExpressionQuerySet(models.QuerySet):
    def invited(self):
        return self.filter(state=ExpressionState.INVITED)

    def published(self):
        """Decided expressions of rounds whose decisions are public."""
        return self.filter(state__in=DECIDED_EXPRESSION_STATES, round__results_published=True)

    def led_by(self, organisations):
        return self.filter(lead__in=organisations)

    def undecided(self):
        return self.filter(state=ExpressionState.SUBMITTED)


class Expression(models.Model):
    """A lead council's expression of interest in a round: project, problem,
    partners, phase and estimated cost. Sent in one go; never a draft."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="expressions")
    lead = models.ForeignKey(
        "signatories.Organisation", on_delete=models.PROTECT, related_name="expressions_led"
    )
    state = models.CharField(
        max_length=20, choices=ExpressionState.choices, default=ExpressionState.SUBMITTED
    )
    number = models.PositiveIntegerField(editable=False)
    reference = models.CharField(max_length=20, unique=True, editable=False)
    title = models.CharField("project", max_length=200)
    problem = models.TextField("problem it solves")
    partners = models.ManyToManyField(
        "signatories.Organisation", blank=True, related_name="expressions_joined"
    )
    phase = models.CharField(max_length=20, choices=Phase.choices)
    estimated_cost = models.PositiveIntegerField("estimated cost (£)")
    feedback = models.TextField(
        blank=True, editable=False, help_text="What staff told the lead with the outcome."
    )
    # The full bid an invited lead started from it.
    bid = models.OneToOneField(
        Bid,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="expression",
    )
    submitted_by_email = models.EmailField(editable=False)
    submitted_at = models.DateTimeField(editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExpressionQuerySet.as_manager()

    class Meta:
        verbose_name = "expression of interest"
        verbose_name_plural = "expressions of interest"
        ordering = ["round", "number"]
        indexes = [
            # The admin's state and phase filters, within a round.
            models.Index(fields=["state", "round"], name="expression_state_round_idx"),
            models.Index(fields=["phase", "round"], name="expression_phase_round_idx"),
            # "Your bids": an officer's councils' expressions.
            models.Index(fields=["lead", "round"], name="expression_lead_round_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(state__in=ExpressionState.values), name="expression_state_valid"
            ),
            models.CheckConstraint(
                condition=Q(phase__in=Phase.values), name="expression_phase_valid"
            ),
            # The public list reads a round's expressions down this, in order.
            models.UniqueConstraint(
                fields=["round", "number"],
                name="expression_number_unique_in_round",
                violation_error_code="duplicate_number",
            ),
            # An outcome is always given with feedback.
            models.CheckConstraint(
                condition=Q(state=ExpressionState.SUBMITTED)
                | (~Q(feedback="") & Q(decided_at__isnull=False)),
                name="decided_expression_has_feedback",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.title}"

    @property
    def is_decided(self) -> bool:
        return self.state in DECIDED_EXPRESSION_STATES

    @property
    def may_start_bid(self) -> bool:
        """Invited, and no full bid started from it yet."""
        return self.state == ExpressionState.INVITED and self.bid_id is None


class ExpressionStateChange(StateChangeRecord):
    """One move of an expression from state to state: who, when and why."""

    expression = models.ForeignKey(
        Expression, on_delete=models.CASCADE, related_name="state_changes"
    )
    from_state = models.CharField(max_length=20, choices=ExpressionState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=ExpressionState.choices)
