import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from localdigital.core.markdown import render_markdown
from localdigital.core.models import StateChangeRecord
from signatories.models import Organisation


class Phase(models.TextChoices):
    DISCOVERY = "discovery", "Discovery"
    ALPHA = "alpha", "Alpha"
    BETA = "beta", "Beta"


class Fund(models.Model):
    """A programme of funding that runs in rounds, such as the Local Digital Fund."""

    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(help_text="What the fund is for, in Markdown.")
    description_html = models.TextField(editable=False, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.description_html = render_markdown(self.description)
        super().save(*args, **kwargs)


# Addresses under /fund/ that are pages of their own, not rounds.
RESERVED_ROUND_SLUGS = frozenset({"apply", "bids", "projects", "partners", "sign-in", "sign-out"})


def validate_round_slug(slug: str) -> None:
    if slug in RESERVED_ROUND_SLUGS:
        raise ValidationError(
            "“%(slug)s” is the address of another page. Choose another, like round-7.",
            code="reserved_slug",
            params={"slug": slug},
        )


class RoundQuerySet(models.QuerySet):
    def open(self, *, now: datetime.datetime | None = None):
        now = now or timezone.now()
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def published(self):
        """Rounds whose decisions have been published, with every bid and its outcome."""
        return self.filter(results_published=True)


class Round(models.Model):
    """One call for bids, open between two moments, with its own rules."""

    fund = models.ForeignKey(Fund, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(max_length=200, help_text="For example “Round 7”.")
    slug = models.SlugField(
        max_length=100,
        unique=True,
        validators=[validate_round_slug],
        help_text="The last part of its web address, e.g. round-7.",
    )
    reference_prefix = models.CharField(
        max_length=10,
        unique=True,
        help_text="Starts every bid reference of the round: R7 gives R7-0042.",
        validators=[
            RegexValidator(
                r"^[A-Z0-9]+$",
                "Use capital letters and digits only, for example R7.",
                code="invalid_prefix",
            )
        ],
    )
    summary = models.CharField(max_length=300, help_text="One sentence shown in lists of rounds.")
    opens_at = models.DateTimeField("opens", help_text="UK time.")
    closes_at = models.DateTimeField("closes", help_text="UK time. No bid is accepted after it.")
    min_partners = models.PositiveSmallIntegerField(
        "minimum partner councils",
        default=2,
        help_text="Signed councils besides the lead that must join each bid.",
    )
    max_bids_per_lead = models.PositiveSmallIntegerField(
        "most bids one council may lead",
        default=2,
        validators=[MinValueValidator(1)],
    )
    score_min = models.PositiveSmallIntegerField("lowest score", default=0)
    score_max = models.PositiveSmallIntegerField("highest score", default=4)
    scoring_guide = models.TextField(
        blank=True, help_text="What each score means, in Markdown. Shown to bidders and assessors."
    )
    scoring_guide_html = models.TextField(editable=False, blank=True)
    guidance = models.TextField(blank=True, help_text="Guidance for bidders, in Markdown.")
    guidance_html = models.TextField(editable=False, blank=True)
    questions_and_answers = models.TextField(
        "questions and answers", blank=True, help_text="In Markdown."
    )
    questions_and_answers_html = models.TextField(editable=False, blank=True)
    results_published = models.BooleanField(
        "decisions published",
        default=False,
        help_text="Show every bid of the round with its outcome, and its funded projects.",
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="round_closes_after_opening",
                violation_error_code="closes_before_opening",
                violation_error_message="A round must close after it opens.",
            ),
            models.CheckConstraint(
                condition=Q(score_max__gt=models.F("score_min")),
                name="round_score_scale_valid",
                violation_error_code="score_scale_invalid",
                violation_error_message="The highest score must be more than the lowest.",
            ),
            models.CheckConstraint(
                condition=Q(max_bids_per_lead__gte=1),
                name="round_allows_a_bid",
                violation_error_code="no_bids_allowed",
                violation_error_message="A council must be allowed to lead at least one bid.",
            ),
        ]

    def __str__(self):
        return f"{self.fund}: {self.name}"

    def save(self, *args, **kwargs):
        self.guidance_html = render_markdown(self.guidance)
        self.questions_and_answers_html = render_markdown(self.questions_and_answers)
        self.scoring_guide_html = render_markdown(self.scoring_guide)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("fund:round", kwargs={"slug": self.slug})

    def is_open(self, *, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, *, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    def cap_for(self, phase: str) -> int | None:
        """The most a bid in `phase` may ask for, or None if the round does not take that phase."""
        for round_phase in self.phases.all():
            if round_phase.phase == phase:
                return round_phase.cap
        return None

    @property
    def score_choices(self) -> list[int]:
        return list(range(self.score_min, self.score_max + 1))


class RoundPhase(models.Model):
    """A phase a round accepts bids for, with the most a bid may ask for."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="phases")
    phase = models.CharField(max_length=20, choices=Phase.choices)
    cap = models.PositiveIntegerField("cap (£)", validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = "phase"
        ordering = ["round", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["round", "phase"],
                name="round_phase_unique",
                violation_error_code="duplicate_phase",
                violation_error_message="The round has this phase already.",
            ),
            models.CheckConstraint(condition=Q(phase__in=Phase.values), name="round_phase_valid"),
        ]

    def __str__(self):
        return f"{self.get_phase_display()}: up to £{self.cap:,}"


class Criterion(models.Model):
    """Something assessors score every bid of a round on, with its weight."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(max_length=200, help_text="For example “Value for money”.")
    description = models.TextField(blank=True, help_text="What assessors look for.")
    weight = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="How much it counts against the others, for example 30 for 30%.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name_plural = "criteria"
        ordering = ["round", "order", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(weight__gte=1), name="criterion_weight_positive")
        ]

    def __str__(self):
        return self.name


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
            projects=models.Count("pk"), awarded=models.Sum("amount", default=0)
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

    objects = BidQuerySet.as_manager()

    class Meta:
        ordering = ["round", "number", "pk"]
        indexes = [models.Index(fields=["state", "round"], name="bid_state_round_idx")]
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

    def get_absolute_url(self):
        """Its public page, once the round's decisions are published and it was funded."""
        return reverse("fund:project", kwargs={"reference": self.reference})

    @property
    def is_editable(self) -> bool:
        return self.state == BidState.DRAFT

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


def attachment_path(instance: "Attachment", filename: str) -> str:
    # The name people gave the file is kept in a field, never in the path,
    # so nothing they type reaches the file system.
    return f"bids/{instance.bid_id}/{instance.token}"


class AttachmentKind(models.TextChoices):
    PDF = "pdf", "PDF"
    ODT = "odt", "OpenDocument text"
    DOCX = "docx", "Word document"
    ODS = "ods", "OpenDocument spreadsheet"
    XLSX = "xlsx", "Excel spreadsheet"


class AttachmentStorage(LazyObject):
    """The storage named "attachments" in settings, looked up when first used.

    A model field keeps the storage it was given when the models load; this
    stand-in lets that be whatever settings say at the time of use (and lets
    tests point it somewhere else and `reset()` it).
    """

    def _setup(self):
        self._wrapped = storages["attachments"]

    def reset(self):
        self._wrapped = empty


attachment_storage = AttachmentStorage()


def private_storage():
    return attachment_storage


class Attachment(models.Model):
    """A file uploaded with a bid, kept out of every public path."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="attachments")
    token = models.CharField(max_length=64, unique=True, editable=False)
    file = models.FileField(upload_to=attachment_path, storage=private_storage, max_length=200)
    original_name = models.CharField(max_length=200)
    kind = models.CharField(max_length=10, choices=AttachmentKind.choices)
    size = models.PositiveIntegerField(help_text="In bytes.")
    uploaded_by_email = models.EmailField()
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "uploaded_at", "pk"]

    def __str__(self):
        return self.original_name


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


class Score(models.Model):
    """One assessor's score of one bid against one criterion, with their reasons."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.PROTECT, related_name="scores")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="bid_scores"
    )
    score = models.PositiveSmallIntegerField()
    justification = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["bid", "assessor", "criterion__order", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["bid", "criterion", "assessor"],
                name="one_score_per_assessor_and_criterion",
                violation_error_code="already_scored",
            )
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    def clean(self):
        scale = self.criterion.round
        if not scale.score_min <= self.score <= scale.score_max:
            raise ValidationError(
                {
                    "score": ValidationError(
                        "Give a score from %(low)s to %(high)s.",
                        code="score_out_of_range",
                        params={"low": scale.score_min, "high": scale.score_max},
                    )
                }
            )


class BidComment(models.Model):
    """A note by an assessor on a bid, seen only by staff."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    text = models.TextField()
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"Comment by {self.author} on {self.bid.reference}"


class LinkKind(models.TextChoices):
    OUTPUT = "output", "Output"
    SPRINT_NOTE = "sprint_note", "Sprint note"


class ProjectLink(models.Model):
    """A link staff add to a funded project's page: something it made, or its sprint notes."""

    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="links")
    kind = models.CharField(max_length=20, choices=LinkKind.choices)
    title = models.CharField(max_length=200)
    url = models.URLField("web address", max_length=500)
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["bid", "kind", "added_at", "pk"]

    def __str__(self):
        return self.title


class SignInLink(models.Model):
    """A single-use link that signs an officer in to bid; only its hash is kept."""

    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["expires_at"], name="sign_in_link_expiry_idx")]

    def __str__(self):
        return f"Sign-in link for {self.email}"

    def is_usable(self, *, now: datetime.datetime | None = None) -> bool:
        return self.used_at is None and self.expires_at > (now or timezone.now())
