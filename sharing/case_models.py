"""Case studies: what a council did, the problem it met, and what came of it,
in figures. Staff write and publish them, or publish one a council's officer
proposed (sharing.case_workflow: proposed, published, declined with a reason).

Only published case studies are public: on /case-studies/, the home page, the
open data and search.
"""

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from localdigital.core.markdown import render_markdown
from localdigital.core.models import StateChangeRecord
from localdigital.core.search_document import SearchDocumentIndex, search_document_field


class CaseStudyState(models.TextChoices):
    PROPOSED = "proposed", "Proposed"
    PUBLISHED = "published", "Published"
    DECLINED = "declined", "Declined"


class CaseStudyQuerySet(models.QuerySet):
    def public(self):
        return self.filter(state=CaseStudyState.PUBLISHED)

    def newest_first(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        return self.select_related("service_area").prefetch_related("councils")

    def proposed_by(self, email: str):
        return self.filter(proposed_by_email__iexact=email.strip())


class CaseStudy(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True, editable=False)
    councils = models.ManyToManyField(
        "signatories.Organisation",
        related_name="case_studies",
        help_text="The councils whose work it tells, from the register.",
    )
    principles = models.ManyToManyField("declaration.Principle", related_name="case_studies")
    service_area = models.ForeignKey(
        "declaration.ServiceArea", on_delete=models.PROTECT, related_name="case_studies"
    )
    summary = models.TextField(help_text="A sentence or two, shown in lists and on the home page.")
    problem = models.TextField("the problem", help_text="Markdown.")
    what_was_done = models.TextField("what was done", help_text="Markdown.")
    # Rendered and sanitised once, when saved (localdigital.core.markdown).
    problem_html = models.TextField(editable=False)
    what_was_done_html = models.TextField(editable=False)
    funded_projects = models.ManyToManyField(
        "funding.Bid",
        blank=True,
        related_name="case_studies",
        help_text="Funded projects it grew from. Only funded, published projects are shown.",
    )
    declaration_projects = models.ManyToManyField(
        "signatories.Commitment",
        blank=True,
        related_name="case_studies",
        help_text="Declaration projects it grew from (the commitments signatories made).",
    )
    state = models.CharField(
        max_length=20, choices=CaseStudyState.choices, default=CaseStudyState.PROPOSED
    )
    search_document = search_document_field(
        A=["title"], B=["summary"], C=["problem", "what_was_done"]
    )
    proposed_by_email = models.EmailField(
        "proposed by", blank=True, help_text="The officer who proposed it; blank if staff wrote it."
    )
    created_at = models.DateTimeField(default=timezone.now)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = CaseStudyQuerySet.as_manager()

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
        ordering = ["-published_at", "-pk"]
        indexes = [
            # /case-studies/ and the home page: published, newest first.
            models.Index(
                fields=["-published_at", "-id"],
                condition=models.Q(state=CaseStudyState.PUBLISHED),
                name="case_published_idx",
            ),
            # Staff's queue of proposals.
            models.Index(fields=["state", "created_at"], name="case_state_idx"),
            models.Index(fields=["service_area", "state"], name="case_area_idx"),
            models.Index(fields=["proposed_by_email"], name="case_proposer_idx"),
            SearchDocumentIndex(fields=["search_document"], name="case_search_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(state__in=CaseStudyState.values), name="case_state_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(state=CaseStudyState.PUBLISHED)
                | models.Q(published_at__isnull=False),
                name="published_case_has_date",
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self._unique_slug()
        self.problem_html = render_markdown(self.problem)
        self.what_was_done_html = render_markdown(self.what_was_done)
        # Staff edit its words in admin: the sitemap says when it last changed.
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("sharing:case-study", kwargs={"slug": self.slug})

    @property
    def reference(self) -> str:
        """How staff's pages name it (localdigital.core.admin_moves)."""
        return f"Case study {self.pk}"

    def _unique_slug(self) -> str:
        base = slugify(self.title)[:100].strip("-") or "case-study"
        taken = set(CaseStudy.objects.filter(slug__startswith=base).values_list("slug", flat=True))
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug


class Outcome(models.Model):
    """One result of the work, with its figure: "Calls about missed bins", "down 40%"."""

    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField("what changed", max_length=200)
    figure = models.CharField(
        max_length=100, help_text="The number, with its unit: “40%”, “£12,000 a year”."
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["case_study", "position", "pk"]

    def __str__(self):
        return f"{self.measure}: {self.figure}"


class CaseStudyStateChange(StateChangeRecord):
    case_study = models.ForeignKey(CaseStudy, on_delete=models.CASCADE, related_name="history")
    from_state = models.CharField(max_length=20, choices=CaseStudyState.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=CaseStudyState.choices)

    class Meta(StateChangeRecord.Meta):
        verbose_name = "change of state"
