"""The fund in Django admin: content editors set up funds and rounds; assessors
read the frozen copy of each submitted bid, score it, comment on it and record
the outcome.

Nothing here edits a bid's answers: they are the officers', frozen when the bid
was submitted. A bid's state changes only through the buttons on its page,
which go through funding.services and so through the workflow, which refuses
moves it does not allow, even from a page that has gone stale.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.urls import path, reverse

from funding import admin_forms, export, scoring, services
from funding.models import (
    Bid,
    BidComment,
    BidState,
    BidStateChange,
    Criterion,
    Fund,
    ProjectLink,
    Round,
    RoundPhase,
    Score,
    Section,
)
from funding.workflow import BID_WORKFLOW, STAFF_MOVE_LABELS
from localdigital.core.admin_helpers import (
    ReadOnlyInlineMixin,
    admin_page,
    emails_about,
    titled,
)
from localdigital.core.admin_moves import MOVE_PAGE, StaffMove, StaffMoveAdminMixin

# Funds and rounds ------------------------------------------------------------


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


def can_export_bids(user) -> bool:
    return user.has_perm("funding.view_bid") and user.has_perm("funding.view_score")


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    form = admin_forms.RoundAdminForm
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
                "fields": ["opens_at", "closes_at"],
                "description": (
                    "In UK time: Greenwich Mean Time in winter, British Summer Time in summer. "
                    "Bids can be submitted from the opening time until the closing time."
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
        ("Guidance", {"fields": ["guidance"], "description": "Written in Markdown."}),
        (
            "Questions and answers",
            {"fields": ["questions_and_answers"], "description": "Written in Markdown."},
        ),
        ("Decisions", {"fields": ["results_published"]}),
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
        export_url = path(
            "<path:object_id>/export/",
            self.admin_site.admin_view(self.export_view),
            name="funding_round_export",
        )
        return [export_url, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        round_ = self.get_object(request, unquote(object_id))
        if round_ is not None:
            extra_context = {
                **(extra_context or {}),
                "export_url": reverse("admin:funding_round_export", args=[round_.pk])
                if can_export_bids(request.user)
                else "",
                "bids_url": (
                    reverse("admin:funding_bid_changelist") + f"?round__id__exact={round_.pk}"
                )
                if request.user.has_perm("funding.view_bid")
                else "",
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def export_view(self, request, object_id):
        if not can_export_bids(request.user):
            raise PermissionDenied
        round_ = self.get_object(request, unquote(object_id))
        if round_ is None:
            raise Http404("No such round.")
        return _csv_response(round_, Bid.objects.filter(round=round_))


def _csv_response(round_: Round, bids) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export.file_name(round_)}"'
    export.write_round_bids(round_, bids, response)
    return response


# Bids: the assessors' screen ---------------------------------------------------


class BidStateFilter(admin.SimpleListFilter):
    """The state filter, leaving drafts out unless asked: a draft is the
    officers' work in progress, not something for assessors to read."""

    title = "state"
    parameter_name = "state"
    ANY = "any"

    def lookups(self, request, model_admin):
        return [*BidState.choices, (self.ANY, "Any state, drafts too")]

    def choices(self, changelist):
        choices = list(super().choices(changelist))
        # The first choice is Django's "All", which here means all but drafts.
        choices[0]["display"] = "All but drafts"
        return choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset.exclude(state=BidState.DRAFT)
        if self.value() == self.ANY:
            return queryset
        return queryset.filter(state=self.value())


class RoundFilter(admin.RelatedFieldListFilter):
    """Rounds by name, read with their funds (a round's name includes its fund's)."""

    def field_choices(self, field, request, model_admin):
        return [
            (round_.pk, str(round_))
            for round_ in Round.objects.select_related("fund").order_by("-opens_at")
        ]


class BidStateChangeInline(ReadOnlyInlineMixin, admin.TabularInline):
    model = BidStateChange
    verbose_name = "change of state"
    verbose_name_plural = "history"
    fields = ["at", "from_state", "to_state", "by_label", "note"]
    readonly_fields = fields


class BidCommentInline(admin.StackedInline):
    """Comments are added, never edited: an empty row takes a new one.

    Stacked rather than tabular, so the new comment's box has a label of its
    own (a tabular inline names it only in the column heading).
    """

    model = BidComment
    verbose_name_plural = "comments (seen by staff only)"
    extra = 1
    can_delete = False
    fields = ["text", "author", "at"]
    readonly_fields = ["author", "at"]
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 70})},
    }

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ProjectLinkInline(admin.TabularInline):
    """Links to a funded project's outputs and sprint notes, shown on its public page."""

    model = ProjectLink
    verbose_name_plural = "links to outputs and sprint notes"
    extra = 1
    fields = ["kind", "title", "url", "added_at"]
    readonly_fields = ["added_at"]
    # A web address typed without its scheme is taken as https.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


def _officers(bid: Bid) -> str:
    return " and ".join(services.officers_to_tell(bid)) or "the officers"


STAFF_MOVES = {
    staff_move.move: staff_move
    for staff_move in [
        StaffMove(
            move="start_assessment",
            label=STAFF_MOVE_LABELS["start_assessment"],
            submit="Start assessment",
            form_class=admin_forms.StartAssessmentForm,
            explain=lambda bid: (
                "Assessors can then score the bid. The officers are not emailed, and can still "
                "withdraw the bid until a decision is recorded."
            ),
            perform=lambda bid, *, by, data: services.bid_start_assessment(
                bid=bid, by=by, note=data["note"]
            ),
            done=lambda bid: f"{bid.reference} is in assessment: it can now be scored.",
        ),
        StaffMove(
            move="fund",
            label=STAFF_MOVE_LABELS["fund"],
            submit="Record as funded",
            form_class=admin_forms.DecisionForm,
            explain=lambda bid: (
                f"{_officers(bid)} will be emailed that the bid is funded, with "
                f"£{bid.amount:,}. It is listed publicly as a funded project once the round's "
                "decisions are published."
            ),
            perform=lambda bid, *, by, data: services.bid_decide(
                bid=bid, funded=True, by=by, note=data["note"]
            ),
            done=lambda bid: f"{bid.reference} recorded as funded. The officers have been emailed.",
        ),
        StaffMove(
            move="not_fund",
            label=STAFF_MOVE_LABELS["not_fund"],
            submit="Record as not funded",
            form_class=admin_forms.DecisionForm,
            explain=lambda bid: (
                f"{_officers(bid)} will be emailed that the bid is not funded at this stage. It is "
                "listed publicly with its outcome once the round's decisions are published."
            ),
            perform=lambda bid, *, by, data: services.bid_decide(
                bid=bid, funded=False, by=by, note=data["note"]
            ),
            done=lambda bid: (
                f"{bid.reference} recorded as not funded. The officers have been emailed."
            ),
        ),
    ]
}


def _money(amount) -> str:
    return f"£{amount:,}" if isinstance(amount, int) else "Not given"


def _organisation_line(organisation: dict) -> str:
    details = ", ".join(
        part for part in (organisation.get("type", ""), organisation.get("region", "")) if part
    )
    name = organisation.get("name", "")
    return f"{name} ({details})" if details else name


def frozen_copy_sections(bid: Bid, answers: dict) -> list[dict]:
    """The submitted answers as sections of labelled rows, in task-list order.

    Read with .get(): the frozen copy keeps the shape it had on the day it was
    submitted, which may lack a question added to the form since.
    """
    sponsor = answers.get("sponsor") or {}
    cost_lines = answers.get("cost_lines") or []
    attachments = [
        {
            "name": attachment.get("name", ""),
            "kind": attachment.get("kind", ""),
            "size": filesizeformat(attachment.get("size") or 0),
            "url": reverse("apply:attachment", kwargs={"pk": bid.pk, "token": attachment["token"]}),
        }
        for attachment in answers.get("attachments") or []
        if attachment.get("token")
    ]
    return [
        {
            "title": Section.PROJECT.label,
            "rows": [
                {"label": "Title", "text": answers.get("title", "")},
                {"label": "Summary", "text": answers.get("summary", "")},
                {"label": "Service area", "text": answers.get("service_area", "")},
            ],
        },
        {
            "title": Section.PROBLEM.label,
            "rows": [
                {"label": "The problem", "text": answers.get("problem", "")},
                {"label": "Users and their needs", "text": answers.get("users", "")},
            ],
        },
        {
            "title": Section.PARTNERS.label,
            "rows": [
                {"label": "Lead council", "text": _organisation_line(answers.get("lead") or {})},
                {
                    "label": "Partner councils",
                    "items": [_organisation_line(p) for p in answers.get("partners") or []],
                },
            ],
        },
        {
            "title": Section.BUDGET.label,
            "rows": [
                {"label": "Phase", "text": answers.get("phase", "")},
                {"label": "Amount asked for", "text": _money(answers.get("amount"))},
            ],
            "costs": [
                {
                    "category": line.get("category", ""),
                    "description": line.get("description", ""),
                    "amount": _money(line.get("amount")),
                }
                for line in cost_lines
            ],
            "costs_total": _money(sum(line.get("amount") or 0 for line in cost_lines)),
        },
        {
            "title": Section.DELIVERY.label,
            "rows": [
                {"label": "Delivery plan", "text": answers.get("delivery_plan", "")},
                {"label": "Team", "text": answers.get("team", "")},
            ],
        },
        {
            "title": Section.PRINCIPLES.label,
            "rows": [
                {
                    "label": "Principles",
                    "items": [
                        f"{p.get('number')}. {p.get('title', '')}"
                        for p in answers.get("principles") or []
                    ],
                },
                {"label": "How it meets them", "text": answers.get("principles_how", "")},
            ],
        },
        {"title": Section.ATTACHMENTS.label, "rows": [], "attachments": attachments},
        {
            "title": Section.DECLARATIONS.label,
            "rows": [
                {
                    "label": "Outputs published under an open licence",
                    "text": "Yes" if answers.get("open_licence") else "No",
                },
                {
                    "label": "Senior sponsor",
                    "text": ", ".join(
                        part
                        for part in (
                            sponsor.get("name", ""),
                            sponsor.get("role", ""),
                            sponsor.get("email", ""),
                        )
                        if part
                    ),
                },
            ],
        },
    ]


def assessment_summary(bid: Bid) -> dict:
    """Every assessor's scores of the bid, their weighted totals and the average.

    Reads the bid's prefetched scores (with their assessors) and its round's
    criteria, so a list of bids costs the same few queries however long.
    """
    criteria = list(bid.round.criteria.all())
    scores = list(bid.scores.all())
    totals = scoring.totals_by_assessor(scores=scores, criteria=criteria, round_=bid.round)
    assessors = []
    for assessor, total in totals.items():
        given = {score.criterion_id: score for score in scores if score.assessor_id == assessor.pk}
        assessors.append(
            {
                "name": scoring.assessor_name(assessor),
                "rows": [
                    {"criterion": criterion, "score": given.get(criterion.pk)}
                    for criterion in criteria
                ],
                "total": str(total)
                if total is not None
                else f"Not complete: {len(given)} of {len(criteria)} criteria scored",
            }
        )
    assessors.sort(key=lambda row: row["name"].lower())
    return {
        "criteria": criteria,
        "assessors": assessors,
        "average": scoring.average_percentage(totals.values()),
        "complete": sum(1 for total in totals.values() if total is not None),
    }


def _scores_with_assessors() -> Prefetch:
    return Prefetch("scores", queryset=Score.objects.select_related("assessor", "criterion"))


@admin.register(Bid)
class BidAdmin(StaffMoveAdminMixin, admin.ModelAdmin):
    """The bids of every round, for assessors. Read-only but for comments and,
    on funded bids, links to the project's outputs."""

    staff_moves = STAFF_MOVES
    workflow = BID_WORKFLOW
    move_template = "admin/funding/bid/move.html"

    list_display = [
        "reference_or_draft",
        "title",
        "lead",
        "phase",
        "amount_asked",
        "state",
        "weighted_average",
        "submitted_at",
    ]
    list_display_links = ["reference_or_draft", "title"]
    list_filter = [
        ("round", RoundFilter),
        BidStateFilter,
        "phase",
        ("lead__region", titled(admin.AllValuesFieldListFilter, "lead's region")),
        ("lead", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["round", "lead"]
    search_fields = ["reference", "title", "lead__name"]
    search_help_text = "Search by reference, title or lead council."
    ordering = ["-round__opens_at", "number", "pk"]
    actions = ["export_csv"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "reference",
                    "round",
                    "state",
                    "submitted_at",
                    "submitted_by_email",
                    "decided_at",
                ]
            },
        ),
    ]
    readonly_fields = [field for _, options in fieldsets for field in options["fields"]]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("round", "lead")
            .prefetch_related(_scores_with_assessors(), "round__criteria")
        )

    def get_inlines(self, request, obj):
        if obj is None or obj.state == BidState.DRAFT:
            return [BidStateChangeInline]
        if obj.state == BidState.FUNDED:
            return [BidStateChangeInline, BidCommentInline, ProjectLinkInline]
        return [BidStateChangeInline, BidCommentInline]

    @admin.display(description="reference", ordering="number")
    def reference_or_draft(self, bid):
        return bid.reference or "Draft"

    @admin.display(description="amount", ordering="amount")
    def amount_asked(self, bid):
        return _money(bid.amount) if bid.amount is not None else "–"

    @admin.display(description="average weighted score")
    def weighted_average(self, bid):
        summary = assessment_summary(bid)
        if summary["average"] is None:
            return "–"
        assessors = summary["complete"]
        return f"{summary['average']}% ({assessors} assessor{'s' if assessors != 1 else ''})"

    # Permissions: bids come from officers; staff never add, edit or delete one.

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting loses the record of what was decided; only superusers may,
        # for example to honour a request to erase personal data.
        return request.user.is_active and request.user.is_superuser

    def has_score_permission(self, request) -> bool:
        return request.user.has_perm("funding.add_score")

    def has_export_permission(self, request) -> bool:
        return can_export_bids(request.user)

    def save_model(self, request, obj, form, change):
        # Every field on the page is read-only: saving it saves only the
        # comments and links below, never the bid (not even its updated_at).
        pass

    def save_formset(self, request, form, formset, change):
        if formset.model is BidComment:
            # New comments go through the service, which signs them with the
            # assessor's name; existing ones cannot be changed here. The
            # formset's record of what it saved is what the admin's history
            # entry is written from.
            formset.new_objects = [
                services.bid_comment(
                    bid=form.instance, author=request.user, text=inline_form.cleaned_data["text"]
                )
                for inline_form in formset.extra_forms
                if inline_form.has_changed()
            ]
            formset.changed_objects, formset.deleted_objects = [], []
            return
        super().save_formset(request, form, formset, change)

    # The change page ----------------------------------------------------------

    def get_urls(self):
        info = f"{self.opts.app_label}_{self.opts.model_name}"
        urls = [
            admin_page(
                self, "<path:object_id>/move/<slug:move_name>/", self.move_view, page=MOVE_PAGE
            ),
            path(
                "<path:object_id>/score/",
                self.admin_site.admin_view(self.score_view),
                name=f"{info}_score",
            ),
        ]
        # Before the default URLs: their catch-all would otherwise take them.
        return [*urls, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        bid = self.get_object(request, unquote(object_id))
        if bid is not None:
            submission = getattr(bid, "submission", None)
            answers = submission.answers if submission is not None else None
            extra_context = {
                **(extra_context or {}),
                "title": f"Bid {bid.reference}" if bid.reference else "Draft bid",
                "subtitle": (answers or {}).get("title", ""),
                "frozen_sections": frozen_copy_sections(bid, answers) if answers else None,
                "submission": submission,
                "assessment": assessment_summary(bid),
                "can_move": self.has_move_permission(request),
                "move_links": self.move_links(request, bid),
                "can_score": self.has_score_permission(request),
                "score_url": self._score_url(bid)
                if self.has_score_permission(request) and bid.state == BidState.IN_ASSESSMENT
                else "",
                "outbound_emails": emails_about(request, bid.reference),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def response_change(self, request, obj):
        # Django's message names the bid by its title in the database; say
        # what was saved instead, naming it by its reference.
        self.message_user(request, f"Your changes to {obj.reference} are saved.", messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    def _change_url(self, bid: Bid) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_change", args=[bid.pk])

    def _score_url(self, bid: Bid) -> str:
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_score", args=[bid.pk])

    def _page_context(self, request, bid: Bid, **context) -> dict:
        request.current_app = self.admin_site.name
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "bid": bid,
            "amount": _money(bid.amount),
            "change_url": self._change_url(bid),
            "has_view_permission": self.has_view_permission(request, bid),
            **context,
        }

    def move_context(self, request, bid: Bid) -> dict:
        return {
            "subtitle": bid.title,
            "bid": bid,
            "amount": _money(bid.amount),
            "assessment": assessment_summary(bid),
        }

    def score_view(self, request, object_id):
        """One assessor's scores of one bid: a score and a justification per criterion."""
        if not self.has_score_permission(request):
            raise PermissionDenied
        bid = self.get_object(request, unquote(object_id))
        if bid is None:
            raise Http404("No such bid.")
        change_url = self._change_url(bid)
        if bid.state != BidState.IN_ASSESSMENT:
            self.message_user(
                request,
                f"{bid.reference or 'This bid'} is {BidState(bid.state).label.lower()}. Only a "
                "bid in assessment can be scored: start its assessment first.",
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)

        criteria = list(bid.round.criteria.all())
        if not criteria:
            self.message_user(
                request,
                f"{bid.round.name} has no assessment criteria yet. Add them to the round, "
                "then score the bid.",
                messages.ERROR,
            )
            return HttpResponseRedirect(change_url)
        earlier = [score for score in bid.scores.all() if score.assessor_id == request.user.pk]
        form_kwargs = {"bid": bid, "criteria": criteria, "earlier": earlier}
        if request.method == "POST":
            form = admin_forms.ScoreForm(request.POST, **form_kwargs)
            if form.is_valid():
                try:
                    services.bid_score(
                        bid=bid,
                        assessor=request.user,
                        scores=[
                            services.CriterionScore(
                                criterion=criterion, score=score, justification=justification
                            )
                            for criterion, score, justification in form.scores()
                        ],
                    )
                except ValidationError as refused:
                    form.add_error(None, refused)
                else:
                    total = scoring.weighted_total(
                        scores={criterion.pk: score for criterion, score, _ in form.scores()},
                        criteria=criteria,
                        round_=bid.round,
                    )
                    self.message_user(
                        request,
                        f"Your scores for {bid.reference} are saved. Your weighted total: {total}.",
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(change_url)
        else:
            form = admin_forms.ScoreForm(**form_kwargs)

        context = self._page_context(
            request,
            bid,
            title=f"Score {bid.reference}",
            subtitle=bid.title,
            form=form,
            round=bid.round,
            had_scored=bool(earlier),
        )
        return TemplateResponse(request, "admin/funding/bid/score.html", context)

    @admin.action(
        description="Download the selected bids with scores (CSV)", permissions=["export"]
    )
    def export_csv(self, request, queryset):
        round_ids = set(queryset.values_list("round_id", flat=True))
        if len(round_ids) != 1:
            self.message_user(
                request,
                "Choose bids of one round: each round has its own criteria, so its own columns. "
                "Filter the list by round first.",
                messages.ERROR,
            )
            return None
        return _csv_response(Round.objects.get(pk=round_ids.pop()), queryset)
