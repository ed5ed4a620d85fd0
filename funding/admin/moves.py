"""The assessors' moves on a bid from its admin page: starting its assessment
and recording the outcome.

For each move, in turn: what the page says will happen, the service that
makes it and what the assessor is told once it is made. funding.admin.bids
lists the route to them (BidAdmin.get_urls) and localdigital.core.admin_moves
runs the page. Every move goes through funding.services and so through the
workflow, which refuses moves it does not allow, even from a stale page.
"""

from django import forms
from django.core.exceptions import ValidationError

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
    """An outcome: who approved it, feedback on each of the round's criteria
    (the officers are emailed it) and a note for the bid's history."""

    approver_name = forms.CharField(
        label="Approved by",
        max_length=200,
        help_text="The name of who approved the decision, for example the minister.",
        error_messages={"required": "Enter the name of who approved the decision."},
    )
    approver_role = forms.CharField(
        label="Their role",
        max_length=200,
        help_text="For example “Minister for Local Government”.",
        error_messages={"required": "Enter the role of who approved the decision."},
    )
    note = forms.CharField(
        label="Reason for the decision",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Kept in the bid's history; the officers are emailed the feedback, not this.",
        error_messages={"required": "Enter the reason for the decision."},
    )

    def __init__(self, *args, bid: Bid, **kwargs):
        super().__init__(*args, **kwargs)
        self.bid = bid
        self.criteria = list(bid.round.criteria.all())
        for criterion in self.criteria:
            self.fields[self.feedback_field(criterion)] = forms.CharField(
                label=f"Feedback on {criterion.name}",
                widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
                help_text="Emailed to the officers with the outcome, and shown to them "
                "once the round's decisions are published.",
                error_messages={"required": f"Give feedback on {criterion.name}."},
            )

    @staticmethod
    def feedback_field(criterion) -> str:
        return f"feedback_{criterion.pk}"

    def clean(self):
        cleaned = super().clean()
        # What perform_fund and perform_not_fund pass to the service.
        cleaned["decision"] = self.decision()
        return cleaned

    def decision(self) -> services.Decision:
        # Read by clean() too, before every field is known to be valid.
        data = self.cleaned_data
        return services.Decision(
            approver_name=data.get("approver_name", ""),
            approver_role=data.get("approver_role", ""),
            feedback={c.pk: data.get(self.feedback_field(c), "") for c in self.criteria},
            amount_awarded=data.get("amount_awarded"),
            above_ask_confirmed=data.get("above_ask_confirmed", False),
        )


class FundForm(DecisionForm):
    """A funded bid's decision, with the amount awarded: the amount asked unless
    changed, and above it only when confirmed (services.checked_award)."""

    amount_awarded = forms.IntegerField(
        label="Amount awarded (£)",
        min_value=1,
        help_text="Whole pounds. The amount asked for unless the panel decided otherwise; "
        "this is the amount published.",
        error_messages={
            "required": "Enter the amount awarded, in whole pounds.",
            "invalid": "Enter the amount awarded as a whole number of pounds, like 90000.",
            "min_value": "The amount awarded must be at least £1.",
        },
    )
    above_ask_confirmed = forms.BooleanField(
        label="Award more than the amount asked for",
        required=False,
        help_text="Tick only if the panel agreed to award more than the bid asked for.",
    )
    field_order = ["approver_name", "approver_role", "amount_awarded", "above_ask_confirmed"]

    def __init__(self, *args, bid: Bid, **kwargs):
        super().__init__(*args, bid=bid, **kwargs)
        self.fields["amount_awarded"].initial = bid.amount

    def clean(self):
        cleaned = super().clean()
        if self.errors.get("amount_awarded") is None and "amount_awarded" in cleaned:
            try:
                services.checked_award(self.bid, self.decision())
            except ValidationError as refused:
                self.add_error(
                    "amount_awarded",
                    ValidationError(
                        f"{refused.message % refused.params}. Tick the box below to confirm "
                        "it, or enter a smaller amount.",
                        code=refused.code,
                    ),
                )
        return cleaned


def decision_form_kwargs(bid: Bid) -> dict:
    return {"bid": bid}


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
        f"{_officers(bid)} will be emailed that the bid is funded, with the amount awarded "
        f"(it asked for £{bid.amount:,}) and the feedback below. It is listed publicly as a "
        "funded project, with the amount awarded, once the round's decisions are published."
    )


def perform_fund(bid: Bid, *, by, data: dict) -> None:
    services.bid_decide(bid=bid, funded=True, by=by, decision=data["decision"], note=data["note"])


def funded_message(bid: Bid) -> str:
    return f"{bid.reference} recorded as funded. The officers have been emailed."


# Record as not funded


def explain_not_fund(bid: Bid) -> str:
    return (
        f"{_officers(bid)} will be emailed that the bid is not funded at this stage, with the "
        "feedback below. It is "
        "listed publicly with its outcome once the round's decisions are published."
    )


def perform_not_fund(bid: Bid, *, by, data: dict) -> None:
    services.bid_decide(bid=bid, funded=False, by=by, decision=data["decision"], note=data["note"])


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
            form_class=FundForm,
            explain=explain_fund,
            perform=perform_fund,
            done=funded_message,
            form_kwargs=decision_form_kwargs,
        ),
        StaffMove(
            move="not_fund",
            label=STAFF_MOVE_LABELS["not_fund"],
            submit="Record as not funded",
            form_class=DecisionForm,
            explain=explain_not_fund,
            perform=perform_not_fund,
            done=not_funded_message,
            form_kwargs=decision_form_kwargs,
        ),
    ]
}
