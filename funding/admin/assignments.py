"""Assessors in the bid admin: who is assigned each bid, assigning them (on
a bid's page, or to many bids at once from the list), the conflicts of
interest recorded, and the refusal a conflicted assessor meets.

Every write goes through funding.services (assign_assessor, which also
refuses and records an automatic conflict); the rules of who may see and
open which bid are in funding.assessors.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, F, Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from funding import assessors, scoring, services
from funding.admin.my_assessments import pk_or_none
from funding.models import Bid
from localdigital.core.admin_helpers import admin_page, admin_page_url

ASSIGN = "funding.add_assignment"


class AssessorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        name = user.get_full_name() or user.get_username()
        profile = getattr(user, "assessor_profile", None)
        if profile is not None and profile.organisation is not None:
            return f"{name} ({profile.organisation.name})"
        return name


class AssignAssessorsForm(forms.Form):
    assessors = AssessorChoiceField(
        label="Assessors",
        queryset=assessors.assessors().select_related("assessor_profile__organisation"),
        widget=forms.CheckboxSelectMultiple,
        help_text=(
            "Nobody is assigned a bid their organisation leads or partners: "
            "you will be told, and the conflict recorded."
        ),
        error_messages={"required": "Choose at least one assessor."},
    )


class AssessorsFilter(admin.SimpleListFilter):
    title = "assessors"
    parameter_name = "assessors"

    def lookups(self, request, model_admin):
        return [("below", "Fewer than the round's minimum"), ("enough", "At least the minimum")]

    def queryset(self, request, queryset):
        below = Q(assigned_count__lt=F("round__min_assessors"))
        if self.value() == "below":
            return queryset.filter(below)
        if self.value() == "enough":
            return queryset.exclude(below)
        return queryset


def assign_many(request, bids, chosen) -> None:
    """Assign each chosen assessor to each bid, saying what was done and what refused."""
    done = 0
    for bid in bids:
        for assessor in chosen:
            try:
                services.assign_assessor(bid=bid, assessor=assessor, by=request.user)
            except ValidationError as refused:
                for message in refused.messages:
                    messages.error(request, message)
            else:
                done += 1
    if done:
        messages.success(request, f"{done} assignment{'s' if done != 1 else ''} made.")


class BidAssignmentMixin:
    """Assessors for a ModelAdmin of bids: put it first among the bases."""

    assign_template = "admin/funding/bid/assign.html"
    conflicted_template = "admin/funding/bid/conflicted.html"

    def get_queryset(self, request):
        bids = (
            super()
            .get_queryset(request)
            .annotate(assigned_count=Count("assignments", distinct=True))
        )
        return assessors.visible_bids(bids, request.user)

    def assessors_context(self, request, bid: Bid) -> dict:
        """The bid page's assessors and, for those who may see them, its conflicts."""
        may_unassign = request.user.has_perm("funding.delete_assignment")
        return {
            "assign_url": self.assign_url(request, bid),
            "assignments": [
                {
                    "assignment": assignment,
                    "unassign_url": admin_page_url(self, "unassign", bid.pk, assignment.pk)
                    if may_unassign
                    else "",
                }
                for assignment in bid.assignments.select_related("assessor", "assigned_by")
            ],
            "conflicts": list(bid.conflicts.select_related("assessor"))
            if request.user.has_perm("funding.view_conflict")
            else None,
        }

    @admin.display(description="assessors")
    def assessors_assigned(self, bid):
        if not bid.reference:
            return "–"
        wanted = bid.round.min_assessors
        text = f"{bid.assigned_count} of {wanted}"
        # Flagged only while more could be assigned: not once it is decided or withdrawn.
        short = bid.assigned_count < wanted and bid.state in services.ASSIGNABLE_STATES
        return f"{text}: needs more" if short else text

    @admin.action(description="Assign assessors to the selected bids", permissions=["assign"])
    def assign_assessors(self, request, queryset):
        form = AssignAssessorsForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            assign_many(request, list(queryset), form.cleaned_data["assessors"])
            return None
        return self._assign_page(request, list(queryset), form, bulk=True)

    def has_assign_permission(self, request) -> bool:
        return request.user.has_perm(ASSIGN)

    def assign_url(self, request, bid: Bid) -> str:
        """The bid's "Assign assessors" page, for those who may assign, while it can have some."""
        if not self.has_assign_permission(request) or bid.state not in services.ASSIGNABLE_STATES:
            return ""
        return admin_page_url(self, "assign", bid.pk)

    # Pages --------------------------------------------------------------------

    def get_urls(self):
        return [
            admin_page(self, "<path:object_id>/assign/", self.assign_view, page="assign"),
            admin_page(
                self,
                "<path:object_id>/unassign/<int:assignment_id>/",
                self.unassign_view,
                page="unassign",
            ),
            *super().get_urls(),
        ]

    def assign_view(self, request, object_id):
        if not self.has_assign_permission(request):
            raise PermissionDenied
        bid = self.get_object(request, unquote(object_id))
        if bid is None or not bid.reference:
            return HttpResponseRedirect(admin_page_url(self, "changelist"))
        form = AssignAssessorsForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            assign_many(request, [bid], form.cleaned_data["assessors"])
            return HttpResponseRedirect(admin_page_url(self, "change", bid.pk))
        return self._assign_page(request, [bid], form, bulk=False)

    def unassign_view(self, request, object_id, assignment_id):
        """Take an assessor off the bid: a page asking to confirm (GET), then done (POST)."""
        if not request.user.has_perm("funding.delete_assignment"):
            raise PermissionDenied
        bid = self.get_object(request, unquote(object_id))
        assignment = bid and bid.assignments.select_related("assessor").filter(pk=assignment_id)
        if not assignment:
            return HttpResponseRedirect(admin_page_url(self, "changelist"))
        change_url = admin_page_url(self, "change", bid.pk)
        name = scoring.assessor_name(assignment[0].assessor)
        if request.method == "POST":
            services.unassign_assessor(bid=bid, assignment_id=assignment_id)
            messages.success(request, f"{name} is no longer assigned {bid.reference}.")
            return HttpResponseRedirect(change_url)
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"Remove {name} from {bid.reference}?",
            "bid": bid,
            "change_url": change_url,
        }
        return TemplateResponse(request, "admin/funding/bid/unassign.html", context)

    def _assign_page(self, request, bids: list[Bid], form, *, bulk: bool):
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": "Assign assessors",
            "subtitle": ", ".join(bid.reference or "Draft" for bid in bids),
            "bids": bids,
            "form": form,
            "bulk": bulk,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "change_url": admin_page_url(self, "change", bids[0].pk) if not bulk else "",
        }
        return TemplateResponse(request, self.assign_template, context)

    # A conflicted assessor opens nothing of the bid --------------------------

    def change_view(self, request, object_id, form_url="", extra_context=None):
        return self._unless_conflicted(request, object_id) or super().change_view(
            request, object_id, form_url, extra_context
        )

    def history_view(self, request, object_id, extra_context=None):
        return self._unless_conflicted(request, object_id) or super().history_view(
            request, object_id, extra_context
        )

    def score_view(self, request, object_id):
        return self._unless_conflicted(request, object_id) or super().score_view(request, object_id)

    def agree_view(self, request, object_id):
        return self._unless_conflicted(request, object_id) or super().agree_view(request, object_id)

    def move_view(self, request, object_id, move_name):
        return self._unless_conflicted(request, object_id) or super().move_view(
            request, object_id, move_name
        )

    def _unless_conflicted(self, request, object_id):
        """The refusal page if the signed-in assessor is conflicted on the bid, else None."""
        bid = Bid.objects.filter(pk=pk_or_none(unquote(object_id))).first()
        if bid is None:
            return None
        try:
            services.refuse_if_conflicted(bid=bid, assessor=request.user)
        except services.ConflictOfInterest as refused:
            return self.conflicted_page(request, refused)
        return None

    def conflicted_page(self, request, refused):
        request.current_app = self.admin_site.name
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": f"You cannot open {refused.bid.reference}",
            "reason": refused.reason,
            "reference": refused.bid.reference,
        }
        return TemplateResponse(request, self.conflicted_template, context, status=403)
