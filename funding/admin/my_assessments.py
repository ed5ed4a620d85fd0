"""An assessor's own pages in the bid admin: "My assessments", the bids
assigned to them with when each is due, and declaring a conflict of
interest on one of them."""

import datetime

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.db.models import F, Prefetch
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone

from funding import services
from funding.models import Assignment, BidState, Score
from localdigital.core.admin_helpers import admin_page, admin_page_url


class DeclareConflictForm(forms.Form):
    reason = forms.CharField(
        label="Why you have a conflict of interest with this bid",
        help_text="For example, that you advised one of its councils on it. Staff read this.",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
        max_length=2000,
        error_messages={"required": "Enter why you have a conflict of interest."},
    )


def my_assignments(user):
    """The signed-in assessor's bids still to be decided, soonest due first, with
    their own scores and the round's criteria read in a fixed number of queries."""
    return (
        Assignment.objects.of(user)
        .in_assessment()
        .select_related("bid__round__fund", "bid__lead")
        .prefetch_related(
            "bid__round__criteria",
            Prefetch("bid__scores", queryset=Score.objects.filter(assessor=user), to_attr="mine"),
        )
        .order_by(F("bid__round__assessment_due_on").asc(nulls_last=True), "bid__number", "pk")
    )


def assessment_row(assignment: Assignment, *, today: datetime.date) -> dict:
    bid = assignment.bid
    criteria = len(bid.round.criteria.all())
    given = len(bid.mine)
    complete = criteria > 0 and given >= criteria
    if complete:
        progress = "Scored"
    elif given:
        progress = f"Partly scored: {given} of {criteria} criteria"
    else:
        progress = "Not scored"
    due = bid.round.assessment_due_on
    return {
        "bid": bid,
        "due": due,
        "progress": progress,
        "overdue": due is not None and due < today and not complete,
        "can_score": bid.state == BidState.IN_ASSESSMENT,
    }


class MyAssessmentsMixin:
    """The assessor's own pages for a ModelAdmin of bids."""

    my_assessments_template = "admin/funding/bid/my_assessments.html"
    declare_template = "admin/funding/bid/declare_conflict.html"

    def get_urls(self):
        return [
            admin_page(self, "my-assessments/", self.my_assessments_view, page="mine"),
            admin_page(
                self,
                "<path:object_id>/declare-conflict/",
                self.declare_conflict_view,
                page="declare_conflict",
            ),
            *super().get_urls(),
        ]

    def my_assessments_view(self, request):
        today = timezone.localdate()
        rows = [assessment_row(a, today=today) for a in my_assignments(request.user)]
        context = self._own_page_context(request, title="My assessments")
        context["rows"] = rows
        return TemplateResponse(request, self.my_assessments_template, context)

    def declare_conflict_view(self, request, object_id):
        assignment = (
            Assignment.objects.of(request.user)
            .select_related("bid__lead", "bid__round")
            .filter(bid_id=pk_or_none(unquote(object_id)))
            .first()
        )
        mine = admin_page_url(self, "mine")
        if assignment is None:
            self.message_user(request, "That bid is not one of your assessments.", messages.ERROR)
            return HttpResponseRedirect(mine)
        bid = assignment.bid
        form = DeclareConflictForm(request.POST if request.method == "POST" else None)
        if form.is_valid():
            try:
                services.declare_conflict(
                    bid=bid, assessor=request.user, reason=form.cleaned_data["reason"]
                )
            except ValidationError as refused:
                form.add_error("reason", refused)
            else:
                self.message_user(request, _declared_message(bid), messages.SUCCESS)
                return HttpResponseRedirect(mine)
        context = self._own_page_context(request, title=f"Declare a conflict with {bid.reference}")
        context |= {"bid": bid, "form": form, "mine_url": mine}
        return TemplateResponse(request, self.declare_template, context)

    def _own_page_context(self, request, *, title: str) -> dict:
        request.current_app = self.admin_site.name
        return {**self.admin_site.each_context(request), "opts": self.opts, "title": title}


def _declared_message(bid) -> str:
    return (
        f"Your conflict of interest with {bid.reference} is recorded. It is no longer one of "
        f"your assessments: staff will assign another assessor."
    )


def pk_or_none(object_id: str) -> int | None:
    """A bid's id from its admin address, or None for an address that is no bid's."""
    return int(object_id) if object_id.isdigit() else None
