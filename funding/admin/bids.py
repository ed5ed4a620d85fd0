"""The bids of every round, for assessors: the list with its filters, and a
bid's page, which shows the bid as submitted with everyone's scores and
offers the moves (funding.admin.moves) and the score page
(funding.admin.scores) that its state allows.

Nothing here edits a bid's answers: they are the officers', frozen when the
bid was submitted. Staff add comments and, on funded bids, links to outputs.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.db import models
from django.db.models import Prefetch
from django.http import HttpResponseRedirect

from funding import export, services
from funding.admin.agreed_scores import AgreedScoringMixin, panel_summary
from funding.admin.assignments import AssessorsFilter, BidAssignmentMixin
from funding.admin.frozen_copy import frozen_copy_sections, money
from funding.admin.grants import GrantPaymentInline, decision_record
from funding.admin.moves import BID_MOVES
from funding.admin.my_assessments import MyAssessmentsMixin
from funding.admin.scores import BidScoringMixin, assessment_summary
from funding.answers import read_answers
from funding.models import (
    Bid,
    BidComment,
    BidState,
    BidStateChange,
    ProjectLink,
    Round,
    Score,
)
from funding.workflow import BID_WORKFLOW
from localdigital.core import content_version
from localdigital.core.admin_helpers import (
    ReadOnlyInlineMixin,
    admin_page,
    emails_about,
    titled,
)
from localdigital.core.admin_moves import MOVE_PAGE, StaffMoveAdminMixin


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


def _scores_with_assessors() -> Prefetch:
    return Prefetch("scores", queryset=Score.objects.select_related("assessor", "criterion"))


@admin.register(Bid)
class BidAdmin(
    BidAssignmentMixin,
    MyAssessmentsMixin,
    StaffMoveAdminMixin,
    BidScoringMixin,
    AgreedScoringMixin,
    admin.ModelAdmin,
):
    """The bids of every round, for assessors. Read-only but for comments and,
    on funded bids, links to the project's outputs."""

    staff_moves = BID_MOVES
    workflow = BID_WORKFLOW
    move_template = "admin/funding/bid/move.html"

    list_display = [
        "reference_or_draft",
        "title",
        "lead",
        "phase",
        "amount_asked",
        "state",
        "assessors_assigned",
        "weighted_average",
        "submitted_at",
    ]
    list_display_links = ["reference_or_draft", "title"]
    list_filter = [
        ("round", RoundFilter),
        BidStateFilter,
        AssessorsFilter,
        "phase",
        ("lead__region", titled(admin.AllValuesFieldListFilter, "lead's region")),
        ("lead", admin.RelatedOnlyFieldListFilter),
    ]
    list_select_related = ["round", "lead"]
    search_fields = ["reference", "title", "lead__name"]
    search_help_text = "Search by reference, title or lead council."
    ordering = ["-round__opens_at", "number", "pk"]
    actions = ["export_csv", "assign_assessors"]
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
    grant_fieldset = ("Grant", {"fields": ["grant_agreed_on"]})

    def get_fieldsets(self, request, obj=None):
        if obj is not None and obj.state == BidState.FUNDED:
            return [*self.fieldsets, self.grant_fieldset]
        return self.fieldsets

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("round", "lead")
            .prefetch_related(
                _scores_with_assessors(),
                "round__criteria",
                "agreed_scores__agreed_by",
                "feedback__criterion",
                "payments",
            )
            .select_related("approval__recorded_by")
        )

    def get_inlines(self, request, obj):
        if obj is None or obj.state == BidState.DRAFT:
            return [BidStateChangeInline]
        if obj.state == BidState.FUNDED:
            return [BidStateChangeInline, BidCommentInline, GrantPaymentInline, ProjectLinkInline]
        return [BidStateChangeInline, BidCommentInline]

    # The list ---------------------------------------------------------------

    @admin.display(description="reference", ordering="number")
    def reference_or_draft(self, bid):
        return bid.reference or "Draft"

    @admin.display(description="amount", ordering="amount")
    def amount_asked(self, bid):
        return money(bid.amount) if bid.amount is not None else "–"

    @admin.display(description="average weighted score")
    def weighted_average(self, bid):
        summary = assessment_summary(bid)
        if summary["average"] is None:
            return "–"
        assessors = summary["complete"]
        return f"{summary['average']}% ({assessors} assessor{'s' if assessors != 1 else ''})"

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
        return export.download(Round.objects.get(pk=round_ids.pop()), queryset)

    # Permissions: bids come from officers; staff never add, edit or delete one.

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting loses the record of what was decided; only superusers may,
        # for example to honour a request to erase personal data.
        return request.user.is_active and request.user.is_superuser

    def has_export_permission(self, request) -> bool:
        return export.may_export(request.user)

    # A bid's page -------------------------------------------------------------

    def get_urls(self):
        own_pages = [
            # A move button's page: its form (GET) and the move (POST), made by
            # StaffMoveAdminMixin.move_view with the moves of BID_MOVES.
            admin_page(
                self, "<path:object_id>/move/<slug:move_name>/", self.move_view, page=MOVE_PAGE
            ),
            admin_page(self, "<path:object_id>/score/", self.score_view, page="score"),
            admin_page(self, "<path:object_id>/agree/", self.agree_view, page="agree"),
        ]
        return [*own_pages, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        bid = self.get_object(request, unquote(object_id))
        if bid is not None:
            extra_context = {**(extra_context or {}), **self._bid_page_context(request, bid)}
        return super().change_view(request, object_id, form_url, extra_context)

    def _bid_page_context(self, request, bid: Bid) -> dict:
        submission = getattr(bid, "submission", None)
        frozen = submission.answers if submission is not None else {}
        may_score = self.has_score_permission(request)
        return {
            "title": f"Bid {bid.reference}" if bid.reference else "Draft bid",
            "subtitle": read_answers(frozen)["title"],
            "frozen_sections": frozen_copy_sections(bid, frozen) if frozen else None,
            "submission": submission,
            "assessment": assessment_summary(bid),
            "can_move": self.has_move_permission(request),
            "move_links": self.move_links(request, bid),
            "can_score": may_score,
            "score_url": self.score_url(bid)
            if may_score and bid.state == BidState.IN_ASSESSMENT
            else "",
            "outbound_emails": emails_about(request, bid.reference),
            **self.assessors_context(request, bid),
            "panel": panel_summary(bid),
            "agree_url": self.agree_url(bid)
            if self.has_agree_permission(request) and bid.state == BidState.IN_ASSESSMENT
            else "",
            "decision": decision_record(bid),
        }

    def save_model(self, request, obj, form, change):
        # Every field on the page but a funded bid's grant agreement date is
        # read-only: saving saves that date, the comments, payments and links
        # below, never the rest of the bid (not even its updated_at).
        if "grant_agreed_on" in form.changed_data:
            Bid.objects.filter(pk=obj.pk).update(grant_agreed_on=obj.grant_agreed_on)
            # The funded project's page shows it.
            content_version.bump()

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

    def response_change(self, request, obj):
        # Django's message names the bid by its title in the database; say
        # what was saved instead, naming it by its reference.
        self.message_user(request, f"Your changes to {obj.reference} are saved.", messages.SUCCESS)
        return HttpResponseRedirect(request.path)

    def move_context(self, request, bid: Bid) -> dict:
        return {
            "subtitle": bid.title,
            "bid": bid,
            "amount": money(bid.amount),
            "assessment": assessment_summary(bid),
        }
