"""The assessors' moves on a bid from its admin page: starting its assessment
and recording the outcome.

For each move, in turn: what the page says will happen, the service that
makes it and what the assessor is told once it is made. funding.admin.bids
lists the route to them (BidAdmin.get_urls) and localdigital.core.admin_moves
runs the page. Every move goes through funding.services and so through the
workflow, which refuses moves it does not allow, even from a stale page.
"""

from django import forms

from funding import services
from funding.models import Bid, BidState
from funding.workflow import STAFF_MOVE_LABELS
from localdigital.core.admin_moves import StaffMove, seen_state_field


class BidMoveForm(forms.Form):
    seen_state = seen_state_field(BidState.choices, noun="bid")


class StartAssessmentForm(BidMoveForm):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the bid's history; the officers do not see it.",
    )


class DecisionForm(BidMoveForm):
    note = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=(
            "Kept in the bid's history, for example the panel's view and who approved it. "
            "The officers are emailed the outcome, not this note."
        ),
        error_messages={"required": "Enter the reason for the decision."},
    )


def _officers(bid: Bid) -> str:
    return " and ".join(services.officers_to_tell(bid)) or "the officers"


# Start assessment


def explain_start_assessment(bid: Bid) -> str:
    return (
        "Assessors can then score the bid. The officers are not emailed, and can still "
        "withdraw the bid until a decision is recorded."
    )


def perform_start_assessment(bid: Bid, *, by, data: dict) -> None:
    services.bid_start_assessment(bid=bid, by=by, note=data["note"])


def assessment_started_message(bid: Bid) -> str:
    return f"{bid.reference} is in assessment: it can now be scored."


# Record as funded


def explain_fund(bid: Bid) -> str:
    return (
        f"{_officers(bid)} will be emailed that the bid is funded, with £{bid.amount:,}. It is "
        "listed publicly as a funded project once the round's decisions are published."
    )


def perform_fund(bid: Bid, *, by, data: dict) -> None:
    services.bid_decide(bid=bid, funded=True, by=by, note=data["note"])


def funded_message(bid: Bid) -> str:
    return f"{bid.reference} recorded as funded. The officers have been emailed."


# Record as not funded


def explain_not_fund(bid: Bid) -> str:
    return (
        f"{_officers(bid)} will be emailed that the bid is not funded at this stage. It is "
        "listed publicly with its outcome once the round's decisions are published."
    )


def perform_not_fund(bid: Bid, *, by, data: dict) -> None:
    services.bid_decide(bid=bid, funded=False, by=by, note=data["note"])


def not_funded_message(bid: Bid) -> str:
    return f"{bid.reference} recorded as not funded. The officers have been emailed."


BID_MOVES = {
    staff_move.move: staff_move
    for staff_move in [
        StaffMove(
            move="start_assessment",
            label=STAFF_MOVE_LABELS["start_assessment"],
            submit="Start assessment",
            form_class=StartAssessmentForm,
            explain=explain_start_assessment,
            perform=perform_start_assessment,
            done=assessment_started_message,
        ),
        StaffMove(
            move="fund",
            label=STAFF_MOVE_LABELS["fund"],
            submit="Record as funded",
            form_class=DecisionForm,
            explain=explain_fund,
            perform=perform_fund,
            done=funded_message,
        ),
        StaffMove(
            move="not_fund",
            label=STAFF_MOVE_LABELS["not_fund"],
            submit="Record as not funded",
            form_class=DecisionForm,
            explain=explain_not_fund,
            perform=perform_not_fund,
            done=not_funded_message,
        ),
    ]
}
