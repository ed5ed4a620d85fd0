"""Bids: the lead council's draft, its costs, the copy frozen at submission and its history."""

from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce

from funding.models.rounds import Phase, Round
from localdigital.core.models import StateChangeRecord
from localdigital.core.record_urls import record_url
from localdigital.core.search_document import SearchDocumentIndex, search_document_field
from signatories.models import Organisation


class BidState(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    IN_ASSESSMENT = "in_assessment", "In assessment"
    FUNDED = "funded", "Funded"
    NOT_FUNDED = "not_funded", "Not funded at this stage"
    WITHDRAWN = "withdrawn", "Withdrawn"


# Bids that count against the lead council's limit for the round.
COUNTED_STATES = [
    BidState.SUBMITTED,
    BidState.IN_ASSESSMENT,
    BidState.FUNDED,
    BidState.NOT_FUNDED,
]
DECIDED_STATES = [BidState.FUNDED, BidState.NOT_FUNDED]


class Section(models.TextChoices):
    """The parts of a bid, in the order of its task list."""

    PROJECT = "project", "Project summary"
    PROBLEM = "problem", "Problem and users"
    PARTNERS = "partners", "Partners"
    BUDGET = "budget", "Phase and budget"
    DELIVERY = "delivery", "Delivery plan and team"
    PRINCIPLES = "principles", "How it meets the principles"
    ATTACHMENTS = "attachments", "Attachments"
    DECLARATIONS = "declarations", "Declarations and senior sponsor"


def awarded_amount() -> Case:
    """The amount a bid was awarded, as a query expression: for a funded bid, the
    amount set at its decision (which may differ from the amount asked); for a
    bid funded before awards were recorded apart, the amount it asked for; for
    any other bid, nothing. Bid.awarded is the same rule for one bid read.
    """
    return Case(
        When(state=BidState.FUNDED, then=Coalesce("amount_awarded", "amount")),
        default=Value(None),
        output_field=models.PositiveIntegerField(),
    )


class BidQuerySet(models.QuerySet):
    def drafts(self):
        return self.filter(state=BidState.DRAFT)

    def counted(self):
        return self.filter(state__in=COUNTED_STATES)

    def decided(self):
        return self.filter(state__in=DECIDED_STATES)

    def published(self):
        """Decided bids of rounds whose decisions are public."""
        return self.decided().filter(round__results_published=True)

    def funded(self):
        return self.published().filter(state=BidState.FUNDED)

    def led_by(self, organisations):
        return self.filter(lead__in=organisations)

    def public(self):
        return self.select_related("round", "lead", "service_area").prefetch_related(
            "partners", "principles"
        )

    def with_answers(self):
        """Bids with everything their sections hold, read in a fixed number of queries."""
        return self.select_related("round", "lead", "service_area").prefetch_related(
            "round__phases",
            # Partners marked by the one rule of who may partner a bid, with
            # their sign-ups (whose officers are told of a submission).
            models.Prefetch(
                "partners",
                queryset=Organisation.objects.with_signed_current_council().prefetch_related(
                    "sign_ups"
                ),
            ),
            "principles",
            "cost_lines",
            "attachments",
        )

    def totals(self) -> dict:
        """How much the published funded projects were awarded, and how many there are."""
        return self.funded().aggregate(
            projects=models.Count("pk"), awarded=models.Sum(awarded_amount(), default=0)
        )


class Bid(models.Model):
    """A lead council's bid to a round: a draft its officers edit, then a submitted copy."""

    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="bids")
    lead = models.ForeignKey(
        "signatories.Organisation", on_delete=models.PROTECT, related_name="bids_led"
    )
    state = models.CharField(max_length=20, choices=BidState.choices, default=BidState.DRAFT)
    # Given on submission: the round's prefix and the bid's number in it.
    number = models.PositiveIntegerField(null=True, blank=True, editable=False)
    reference = models.CharField(max_length=20, blank=True, editable=False)
    # Which of the lead's places in the round this bid takes (1 up to the
    # round's limit). The unique constraint below is what makes the limit
    # hold when two officers submit at the same moment.
    lead_slot = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)

    # Project summary
    title = models.CharField(max_length=200, blank=True)
    summary = models.TextField(blank=True)
    service_area = models.ForeignKey(
        "declaration.ServiceArea",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="bids",
    )
    # Problem and users
    problem = models.TextField(blank=True)
    users = models.TextField("users and their needs", blank=True)
    # Partners
    partners = models.ManyToManyField(
        "signatories.Organisation", blank=True, related_name="bids_joined"
    )
    # Phase and budget
    phase = models.CharField(max_length=20, choices=Phase.choices, blank=True)
    amount = models.PositiveIntegerField("amount asked for (£)", null=True, blank=True)
    # Set when the bid is funded; read through Bid.awarded (or awarded_amount()).
    amount_awarded = models.PositiveIntegerField(
        "amount awarded (£)", null=True, blank=True, editable=False
    )
    grant_agreed_on = models.DateField(
        "grant agreement signed on",
        null=True,
        blank=True,
        help_text="The day the lead council and the department both signed the grant agreement.",
    )
    # Delivery plan and team
    delivery_plan = models.TextField(blank=True)
    team = models.TextField(blank=True)
    # Principles
    principles = models.ManyToManyField("declaration.Principle", blank=True, related_name="bids")
    principles_how = models.TextField("how it meets the principles", blank=True)
    # Declarations
    open_licence = models.BooleanField(
        "outputs will be published under an open licence", default=False
    )
    sponsor_name = models.CharField("senior sponsor's name", max_length=200, blank=True)
    sponsor_role = models.CharField("senior sponsor's role", max_length=200, blank=True)
    sponsor_email = models.EmailField("senior sponsor's email", blank=True)

    completed_sections = models.JSONField(default=list, blank=True, editable=False)
    created_by_email = models.EmailField(editable=False)
    submitted_by_email = models.EmailField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True, editable=False)
    decided_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A copy of its round's opening, kept by Bid.save and Round.save: the
    # public lists show the newest round first, and a column of the bid's own
    # lets them read a page down an index instead of sorting every bid.
    round_opens_at = models.DateTimeField(null=True, editable=False)
    search_document = search_document_field(A=["title"], B=["summary"], C=["problem", "users"])

    objects = BidQuerySet.as_manager()

    class Meta:
        ordering = ["round", "number", "pk"]
        indexes = [
            models.Index(fields=["state", "round"], name="bid_state_round_idx"),
            SearchDocumentIndex(fields=["search_document"], name="bid_search_idx"),
            # The lists' service-area filter offers the areas some published
            # bid has: one probe of this per area, stopping at the first.
            models.Index(
                fields=["service_area", "round"],
                name="bid_decided_area_idx",
                condition=Q(state__in=DECIDED_STATES),
            ),
            # The public lists' sorts (funding.views), over the decided bids
            # they show, so that a page is read in order and the rest skipped.
            models.Index(
                F("round_opens_at").desc(),
                F("round").desc(),
                "number",
                name="bid_decided_newest_idx",
                condition=Q(state__in=DECIDED_STATES),
            ),
            models.Index(
                F("amount").desc(),
                F("round_opens_at").desc(),
                "number",
                name="bid_decided_amount_idx",
                condition=Q(state__in=DECIDED_STATES),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(state__in=BidState.values), name="bid_state_valid"),
            models.UniqueConstraint(
                fields=["round", "number"],
                name="bid_number_unique_in_round",
                violation_error_code="duplicate_number",
            ),
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(reference=""),
                name="bid_reference_unique",
                violation_error_code="duplicate_reference",
            ),
            models.UniqueConstraint(
                fields=["round", "lead", "lead_slot"],
                name="bid_lead_limit",
                violation_error_code="lead_limit_reached",
                violation_error_message="This council has led as many bids as the round allows.",
            ),
            models.CheckConstraint(
                condition=Q(amount_awarded__isnull=True) | Q(amount_awarded__gte=1),
                name="bid_amount_awarded_positive",
            ),
            models.CheckConstraint(
                condition=Q(lead_slot__isnull=True) | Q(lead_slot__gte=1),
                name="bid_lead_slot_positive",
            ),
            # A submitted bid holds a place, a number and a reference; a
            # withdrawn one gives its place back but keeps its reference.
            models.CheckConstraint(
                condition=~Q(state__in=COUNTED_STATES)
                | (
                    Q(lead_slot__isnull=False)
                    & Q(number__isnull=False)
                    & ~Q(reference="")
                    & Q(submitted_at__isnull=False)
                ),
                name="submitted_bid_has_reference_and_place",
            ),
            models.CheckConstraint(
                condition=Q(state__in=COUNTED_STATES) | Q(lead_slot__isnull=True),
                name="only_counted_bids_hold_a_place",
            ),
        ]

    def __str__(self):
        return f"{self.reference or 'Draft'}: {self.title or 'untitled bid'}"

    def save(self, *args, **kwargs):
        # Copied once: a bid never moves to another round, and Round.save
        # copies a changed opening to its bids.
        if self.round_opens_at is None:
            self.round_opens_at = self.round.opens_at
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "round_opens_at"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """Its public page, once the round's decisions are published and it was funded."""
        return record_url("fund:project", "reference", self.reference)

    @property
    def is_editable(self) -> bool:
        return self.state == BidState.DRAFT

    @property
    def awarded(self) -> int | None:
        """The amount this bid was awarded (the rule of awarded_amount(), for one bid)."""
        if self.state != BidState.FUNDED:
            return None
        return self.amount_awarded if self.amount_awarded is not None else self.amount

    @property
    def paid_to_date(self) -> int:
        """What has been paid of its grant so far (funding.models.panel.GrantPayment),
        from its payments, prefetched by a list that shows it."""
        return sum(payment.amount for payment in self.payments.all())

    @property
    def cost_total(self) -> int:
        return sum(line.amount for line in self.cost_lines.all())


class CostCategory(models.TextChoices):
    LEAD = "lead", "Lead council"
    PARTNER = "partner", "Partner council"
    SUPPLIER = "supplier", "Supplier"


class CostLine(models.Model):
    """One line of a bid's cost breakdown; the lines add up to the amount asked for."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="cost_lines")
    category = models.CharField(max_length=20, choices=CostCategory.choices)
    description = models.CharField(max_length=200)
    amount = models.PositiveIntegerField("amount (£)")

    class Meta:
        ordering = ["bid", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=CostCategory.values), name="cost_line_category_valid"
            )
        ]

    def __str__(self):
        return f"{self.get_category_display()}: {self.description} (£{self.amount:,})"


class BidSubmission(models.Model):
    """The copy of a bid frozen when it was submitted: what assessors read and score."""

    bid = models.OneToOneField(Bid, on_delete=models.PROTECT, related_name="submission")
    answers = models.JSONField(editable=False)
    submitted_at = models.DateTimeField(editable=False)
    submitted_by_email = models.EmailField(editable=False)

    def __str__(self):
        return f"Submitted copy of {self.bid.reference}"


class BidStateChange(StateChangeRecord):
    """One move of a bid from state to state: who, when and why."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=20, choices=BidState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=BidState.choices)
