"""The fund and its rounds: dates, rules, phases with their caps, and the criteria bids are scored against."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from localdigital.core.markdown import render_markdown


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

    def taking_expressions(self, *, now: datetime.datetime | None = None):
        """Rounds whose expression of interest stage is open now."""
        now = now or timezone.now()
        return self.filter(expressions_open_at__lte=now, expressions_close_at__gt=now)

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
    # An optional stage before the bids: only leads whose expression of
    # interest is invited may then bid (funding.models.expressions).
    expressions_open_at = models.DateTimeField(
        "expressions of interest open",
        null=True,
        blank=True,
        help_text="UK time. Leave both empty for a round without an expression of interest stage.",
    )
    expressions_close_at = models.DateTimeField(
        "expressions of interest close",
        null=True,
        blank=True,
        help_text="UK time. Before the round closes for bids.",
    )
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
    min_assessors = models.PositiveSmallIntegerField(
        "minimum assessors per bid",
        default=2,
        help_text="The bid list flags every bid with fewer assessors assigned.",
    )
    assessment_due_on = models.DateField(
        "assessment due date",
        null=True,
        blank=True,
        help_text="When assessors' scores are due. They are reminded a few days before.",
    )
    budget = models.PositiveBigIntegerField(
        "budget (£)",
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="What the round can award in all, in whole pounds. It draws the funding "
        "line on the round's ranking of bids.",
    )
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
                condition=Q(expressions_open_at__isnull=True, expressions_close_at__isnull=True)
                | Q(
                    expressions_close_at__gt=models.F("expressions_open_at"),
                    expressions_close_at__lt=models.F("closes_at"),
                ),
                name="round_expression_dates_valid",
                violation_error_code="expression_dates_invalid",
                violation_error_message=(
                    "Expressions of interest must close after they open and before the round "
                    "closes for bids."
                ),
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
        with transaction.atomic():
            super().save(*args, **kwargs)
            # Its bids keep a copy of its opening to sort by (Bid.round_opens_at).
            self.bids.exclude(round_opens_at=self.opens_at).update(round_opens_at=self.opens_at)
            if self.results_published or self._published_when_read:
                # Publishing (or unpublishing) decisions changes the fund's
                # public totals: counted again in the same transaction.
                from funding import counts  # counts reads this model: imported when needed

                counts.recount(fund=self.fund)
            self._published_when_read = self.results_published

    def get_absolute_url(self):
        return reverse("fund:round", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        round_ = super().from_db(db, field_names, values)
        round_._published_when_read = round_.__dict__.get("results_published", False)
        return round_

    _published_when_read = False

    def is_open(self, *, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def has_closed(self, *, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.closes_at

    @property
    def has_expression_stage(self) -> bool:
        return self.expressions_open_at is not None

    def takes_expressions(self, *, now: datetime.datetime | None = None) -> bool:
        """Whether expressions of interest may be sent now."""
        if not self.has_expression_stage:
            return False
        return self.expressions_open_at <= (now or timezone.now()) < self.expressions_close_at

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
