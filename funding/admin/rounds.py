"""Funds and rounds, which content editors set up: a round's dates, rules,
phases and criteria, checked against each other before the database sees
them; and, from a round's page, its bids and scores as CSV."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from funding import export
from funding.admin.ranking import RoundRankingMixin
from funding.models import Bid, BidState, Criterion, Fund, Round, RoundPhase
from localdigital.core.admin_helpers import admin_page, admin_page_url


@admin.register(Fund)
class FundAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "round_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    fieldsets = [
        (None, {"fields": ["name", "slug"]}),
        ("About the fund", {"fields": ["description"], "description": "Written in Markdown."}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(round_count=Count("rounds"))

    @admin.display(description="rounds", ordering="round_count")
    def round_count(self, fund):
        return fund.round_count

    def has_delete_permission(self, request, obj=None):
        # A fund's rounds (and their bids) protect it; say so by not offering it.
        if obj is not None and obj.rounds.exists():
            return False
        return super().has_delete_permission(request, obj)


class RoundPhaseInline(admin.TabularInline):
    model = RoundPhase
    extra = 0
    fields = ["phase", "cap"]


class CriterionInline(admin.TabularInline):
    model = Criterion
    extra = 0
    fields = ["order", "name", "weight", "description"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 50})},
    }


class RoundAdminForm(forms.ModelForm):
    """A round, with its rules checked against each other so that a mistake is
    shown beside the field it is about rather than as a refusal by the database.

    Its model and fields come from RoundAdmin (its fieldsets).
    """

    def clean(self):
        cleaned = super().clean()
        opens_at, closes_at = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens_at and closes_at and closes_at <= opens_at:
            self.add_error(
                "closes_at",
                forms.ValidationError(
                    "The round must close after it opens. Check both dates and times.",
                    code="closes_before_opening",
                ),
            )
        self._check_expression_dates(cleaned)
        low, high = cleaned.get("score_min"), cleaned.get("score_max")
        if low is not None and high is not None and high <= low:
            self.add_error(
                "score_max",
                forms.ValidationError(
                    "The highest score must be more than the lowest score (%(low)s).",
                    code="score_scale_invalid",
                    params={"low": low},
                ),
            )
        if cleaned.get("results_published"):
            self._check_decisions_are_made(cleaned)
        return cleaned

    def _check_expression_dates(self, cleaned: dict) -> None:
        """An expression stage has both dates, and closes before bids do."""
        opens, closes = cleaned.get("expressions_open_at"), cleaned.get("expressions_close_at")
        if "expressions_open_at" in self.errors or "expressions_close_at" in self.errors:
            return
        if opens is None and closes is None:
            return
        if opens is None or closes is None:
            missing = "expressions_open_at" if opens is None else "expressions_close_at"
            self.add_error(
                missing,
                forms.ValidationError(
                    "Enter both dates of the expression of interest stage, or neither.",
                    code="expression_date_missing",
                ),
            )
        elif closes <= opens:
            self.add_error(
                "expressions_close_at",
                forms.ValidationError(
                    "Expressions of interest must close after they open.",
                    code="expressions_close_before_opening",
                ),
            )
        elif (bids_close := cleaned.get("closes_at")) and closes >= bids_close:
            self.add_error(
                "expressions_close_at",
                forms.ValidationError(
                    "Expressions of interest must close before the round closes for bids.",
                    code="expressions_close_after_bids",
                ),
            )

    def _check_decisions_are_made(self, cleaned: dict) -> None:
        """Publishing shows every bid with its outcome: only once every outcome is known."""
        closes_at = cleaned.get("closes_at")
        if closes_at and closes_at > timezone.now():
            self.add_error(
                "results_published",
                forms.ValidationError(
                    "Decisions can be published only after the round has closed.",
                    code="round_still_open",
                ),
            )
        if self.instance.pk:
            waiting = self.instance.bids.filter(
                state__in=[BidState.SUBMITTED, BidState.IN_ASSESSMENT]
            ).count()
            if waiting:
                self.add_error(
                    "results_published",
                    forms.ValidationError(
                        "Record an outcome for every bid before publishing the decisions: "
                        "%(waiting)s bid(s) are still submitted or in assessment.",
                        code="round_not_decided",
                        params={"waiting": waiting},
                    ),
                )
            if undecided := self.instance.expressions.undecided().count():
                self.add_error(
                    "results_published",
                    forms.ValidationError(
                        "Invite or decline every expression of interest before publishing the "
                        "decisions: %(undecided)s are still waiting.",
                        code="expressions_not_decided",
                        params={"undecided": undecided},
                    ),
                )


@admin.register(Round)
class RoundAdmin(RoundRankingMixin, admin.ModelAdmin):
    form = RoundAdminForm
    list_display = ["name", "fund", "opens_at", "closes_at", "open_now", "bids_submitted"]
    list_filter = ["fund", "results_published"]
    search_fields = ["name", "slug", "reference_prefix"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RoundPhaseInline, CriterionInline]
    fieldsets = [
        (None, {"fields": ["fund", "name", "slug", "reference_prefix", "summary"]}),
        (
            "Dates",
            {
                "fields": ["opens_at", "closes_at", "expressions_open_at", "expressions_close_at"],
                "description": (
                    "In UK time: Greenwich Mean Time in winter, British Summer Time in summer. "
                    "Bids can be submitted from the opening time until the closing time. With "
                    "expression of interest dates, councils first send a short expression, and "
                    "only those invited may bid."
                ),
            },
        ),
        ("Rules", {"fields": ["min_partners", "max_bids_per_lead"]}),
        (
            "Scoring",
            {
                "fields": ["score_min", "score_max", "scoring_guide"],
                "description": (
                    "Assessors score each criterion (below) on this scale. The guide is written "
                    "in Markdown."
                ),
            },
        ),
        (
            "Assessment",
            {
                "fields": ["min_assessors", "assessment_due_on"],
                "description": "How many assessors each bid needs, and when their scores are due.",
            },
        ),
        ("Guidance", {"fields": ["guidance"], "description": "Written in Markdown."}),
        (
            "Questions and answers",
            {"fields": ["questions_and_answers"], "description": "Written in Markdown."},
        ),
        (
            "Budget and decisions",
            {
                "fields": ["budget", "results_published"],
                "description": (
                    "The budget draws the funding line on the round's ranking of bids."
                ),
            },
        ),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("fund")
            .annotate(
                submitted_count=Count("bids", filter=Q(bids__submitted_at__isnull=False)),
            )
        )

    @admin.display(boolean=True, description="open now")
    def open_now(self, round_):
        return round_.is_open()

    @admin.display(description="bids submitted", ordering="submitted_count")
    def bids_submitted(self, round_):
        return round_.submitted_count

    def get_urls(self):
        export_page = admin_page(self, "<path:object_id>/export/", self.export_view, page="export")
        ranking_page = admin_page(
            self, "<path:object_id>/ranking/", self.ranking_view, page="ranking"
        )
        return [export_page, ranking_page, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        round_ = self.get_object(request, unquote(object_id))
        if round_ is not None:
            extra_context = {
                **(extra_context or {}),
                "export_url": admin_page_url(self, "export", round_.pk)
                if export.may_export(request.user)
                else "",
                "bids_url": (
                    reverse("admin:funding_bid_changelist") + f"?round__id__exact={round_.pk}"
                )
                if request.user.has_perm("funding.view_bid")
                else "",
                "ranking_url": self.ranking_url(round_)
                if self.has_ranking_permission(request)
                else "",
                "expressions_url": (
                    reverse("admin:funding_expression_changelist")
                    + f"?round__id__exact={round_.pk}"
                )
                if round_.has_expression_stage and request.user.has_perm("funding.view_expression")
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def export_view(self, request, object_id):
        """The round's submitted bids with their scores, as CSV."""
        if not export.may_export(request.user):
            raise PermissionDenied
        round_ = self.get_object(request, unquote(object_id))
        if round_ is None:
            raise Http404("No such round.")
        return export.download(round_, Bid.objects.filter(round=round_))
