"""Sign-ups: an officer's answers, the commitment, the decisions on them and their history."""

import datetime
import secrets
from collections.abc import Iterable

from django.db import models
from django.db.models import Q
from django.utils import timezone

from localdigital.core.models import StateChangeRecord
from localdigital.core.search_document import SearchDocumentIndex, search_document_field
from signatories.models.delivery import ASK_AFTER, DUE_AFTER, NOT_REPORTED, REMIND_AFTER
from signatories.models.organisations import Organisation
from signatories.models.states import LIVE_STATES, QUEUE_STATES, SignUpState


class SignUpQuerySet(models.QuerySet):
    def signed(self):
        return self.filter(state=SignUpState.SIGNED)

    def overdue(self):
        """Sign-ups waiting for a moderator whose review deadline has passed."""
        return self.filter(state__in=QUEUE_STATES, review_due__lt=timezone.localdate())

    def with_overdue(self):
        """Each sign-up marked `overdue_now`, by the rule of overdue(), in the query that reads it."""
        return self.annotate(
            overdue_now=models.Exists(
                self.model._default_manager.overdue().filter(pk=models.OuterRef("pk"))
            )
        )

    def live(self):
        return self.filter(state__in=LIVE_STATES)

    def awaiting_review(self):
        return self.filter(state=SignUpState.AWAITING_REVIEW)

    def removed(self):
        return self.filter(state=SignUpState.REMOVED)

    def public(self):
        """Signed sign-ups with what public pages show, in as few queries as possible."""
        return (
            self.signed()
            .select_related(
                "organisation", "commitment", "commitment__service_area", "delivery_report"
            )
            .prefetch_related("commitment__principles")
        )

    def with_commitment(self):
        # Every sign-up is made with its commitment, but one added in admin
        # might not be: the projects list and its data skip it rather than fail.
        return self.filter(commitment__isnull=False)

    def filtered(
        self,
        *,
        q: str = "",
        organisation_types: Iterable[str] = (),
        nations: Iterable[str] = (),
        regions: Iterable[str] = (),
        principles: Iterable[str] = (),
        service_areas: Iterable[str] = (),
        deliveries: Iterable[str] = (),
    ):
        """The sign-ups that match a public list's search and filters.

        Values within one filter are alternatives (any of them matches);
        different filters must all match. An empty filter is not applied.
        Principles and service areas are given by their slugs.
        """
        result = self
        if q.strip():
            result = result.filter(organisation__name__icontains=q.strip())
        if organisation_types := list(organisation_types):
            result = result.filter(organisation__organisation_type__in=organisation_types)
        if nations := list(nations):
            result = result.filter(organisation__nation__in=nations)
        if regions := list(regions):
            result = result.filter(organisation__region__in=regions)
        if principles := list(principles):
            # A subquery, not a join: a commitment with two of the chosen
            # principles must still be listed once.
            tagged = Commitment.principles.through.objects.filter(
                principle__slug__in=principles
            ).values("commitment__sign_up_id")
            result = result.filter(pk__in=tagged)
        if service_areas := list(service_areas):
            result = result.filter(commitment__service_area__slug__in=service_areas)
        if deliveries := list(deliveries):
            # A Delivery value, or NOT_REPORTED for a project with no report yet.
            chosen = Q(delivery_report__delivery__in=deliveries)
            if NOT_REPORTED in deliveries:
                chosen |= Q(delivery_report__isnull=True)
            result = result.filter(chosen)
        return result

    def to_ask_for_a_report(self, *, now: datetime.datetime):
        """Signatories eleven months on whose officer has not been asked how the project went."""
        return self.signed().filter(
            signed_at__lte=now - ASK_AFTER,
            report_request__isnull=True,
            delivery_report__isnull=True,
        )

    def to_remind_about_the_report(self, *, now: datetime.datetime):
        """Signatories asked two weeks ago or more, reminded never, and with no report yet."""
        return self.signed().filter(
            report_request__asked_at__lte=now - REMIND_AFTER,
            report_request__reminded_at__isnull=True,
            delivery_report__isnull=True,
        )

    def report_overdue(self, *, now: datetime.datetime | None = None):
        """Signatories a year on or more with no report on their declaration project."""
        now = now or timezone.now()
        return self.signed().filter(signed_at__lte=now - DUE_AFTER, delivery_report__isnull=True)

    def sorted_by(self, sort: str):
        """By organisation name ("name") or newest signature first ("-signed")."""
        if sort == "-signed":
            return self.order_by("-signed_at", "organisation__name")
        return self.order_by("organisation__name", "pk")

    def newest_first(self):
        return self.order_by("-signed_at", "-pk")


class SignUp(models.Model):
    """An organisation's signature of the declaration, from first answers to signed."""

    reference = models.CharField(max_length=20, unique=True, editable=False)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="sign_ups"
    )
    state = models.CharField(
        max_length=30, choices=SignUpState.choices, default=SignUpState.AWAITING_CONFIRMATION
    )

    officer_name = models.CharField("officer's name", max_length=200)
    officer_job_title = models.CharField("officer's job title", max_length=200)
    officer_email = models.EmailField("officer's email")
    approver_name = models.CharField("senior approver's name", max_length=200)
    approver_role = models.CharField("senior approver's role", max_length=200)
    approver_email = models.EmailField("senior approver's email")
    has_authority = models.BooleanField(
        "officer confirmed they have authority to submit", default=False
    )

    email_domain_mismatch = models.BooleanField(
        default=False,
        help_text="The officer's or approver's email domain is not one the organisation is known to use.",
    )
    confirmed_at = models.DateTimeField("email confirmed", null=True, blank=True)
    review_due = models.DateField(
        "review due by",
        null=True,
        blank=True,
        help_text="3 working days (England and Wales) after the latest submission for review.",
    )
    changes_advice = models.TextField("advice on changes", blank=True)
    rejection_reason = models.ForeignKey(
        "RejectionReason", on_delete=models.PROTECT, null=True, blank=True
    )
    rejection_note = models.TextField(blank=True)
    removal_reason = models.TextField(blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    signed_by_name = models.CharField("name typed by the approver", max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SignUpQuerySet.as_manager()

    class Meta:
        verbose_name = "sign-up"
        ordering = ["-created_at"]
        # Public lists read signed sign-ups newest first.
        indexes = [models.Index(fields=["state", "-signed_at"], name="signup_state_signed_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=Q(state__in=LIVE_STATES),
                name="one_live_sign_up_per_organisation",
                violation_error_code="organisation_already_signing",
                violation_error_message="This organisation has already signed or is signing.",
            ),
            models.CheckConstraint(
                condition=Q(state__in=SignUpState.values),
                name="sign_up_state_valid",
            ),
            models.CheckConstraint(
                condition=~Q(state=SignUpState.SIGNED) | Q(signed_at__isnull=False),
                name="signed_sign_up_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.reference}: {self.organisation}"

    def save(self, *args, **kwargs):
        if not self.reference:
            self.reference = new_reference()
        super().save(*args, **kwargs)

    @property
    def project_due_at(self) -> datetime.datetime | None:
        """When the declaration project is to be delivered by: a year after signing."""
        return self.signed_at + DUE_AFTER if self.signed_at else None

    @property
    def project_report_overdue(self) -> bool:
        """A year on, with no report on the project: the rule of SignUpQuerySet.report_overdue()."""
        due = self.project_due_at
        return bool(due and due <= timezone.now() and not hasattr(self, "delivery_report"))

    @property
    def is_overdue(self) -> bool:
        # Read with SignUp.objects.with_overdue(), as the moderation queue is,
        # the answer came with the row.
        if hasattr(self, "overdue_now"):
            return self.overdue_now
        return SignUp.objects.filter(pk=self.pk).overdue().exists()


def new_reference() -> str:
    """A reference people can read out on the phone: no 0/O or 1/I to confuse."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "LDD-" + "".join(secrets.choice(alphabet) for _ in range(8))


class Commitment(models.Model):
    """What a signatory commits to deliver within a year of signing."""

    sign_up = models.OneToOneField(SignUp, on_delete=models.CASCADE, related_name="commitment")
    title = models.CharField(max_length=200, help_text="Specific and time-bound.")
    partners = models.TextField(
        blank=True, help_text="Organisations that have already agreed to take part."
    )
    mission = models.TextField(help_text="What will be delivered within a year.")
    impact = models.TextField(help_text="How specific users will benefit.")
    principles = models.ManyToManyField("declaration.Principle", related_name="commitments_made")
    service_area = models.ForeignKey(
        "declaration.ServiceArea", on_delete=models.PROTECT, related_name="commitments"
    )
    search_document = search_document_field(A=["title"], B=["mission"], C=["impact", "partners"])

    class Meta:
        indexes = [SearchDocumentIndex(fields=["search_document"], name="commitment_search_idx")]

    def __str__(self):
        return self.title


class RejectionReason(models.Model):
    """A reason moderators can give for rejecting a sign-up; staff manage the list."""

    text = models.CharField(max_length=300, unique=True)
    is_active = models.BooleanField("offered to moderators", default=True)

    class Meta:
        ordering = ["text"]

    def __str__(self):
        return self.text


class StateChange(StateChangeRecord):
    """One move of a sign-up from state to state: who, when and why."""

    sign_up = models.ForeignKey(SignUp, on_delete=models.CASCADE, related_name="state_changes")
    from_state = models.CharField(max_length=30, choices=SignUpState.choices, blank=True)
    to_state = models.CharField(max_length=30, choices=SignUpState.choices)
