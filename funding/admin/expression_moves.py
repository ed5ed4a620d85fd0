"""The assessors' moves on an expression of interest from its admin page:
inviting the lead to a full bid, or declining, each with the feedback the
lead is emailed. localdigital.core.admin_moves runs the page; every move goes
through funding.services and so through the workflow."""

from django import forms

from funding import services
from funding.expression_workflow import STAFF_MOVE_LABELS
from funding.models import Expression, ExpressionState
from localdigital.core.admin_moves import StaffMove, seen_state_field


class ExpressionDecisionForm(forms.Form):
    seen_state = seen_state_field(ExpressionState.choices, noun="expression of interest")
    feedback = forms.CharField(
        label="Feedback for the lead council",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=(
            "Emailed to the officer who sent it with the outcome, shown on their page, and "
            "kept in the history. Say what was strong and what to work on."
        ),
        error_messages={"required": "Enter feedback for the lead council."},
    )

    def clean_feedback(self):
        feedback = self.cleaned_data["feedback"].strip()
        if not feedback:
            raise forms.ValidationError("Enter feedback for the lead council.")
        return feedback


def explain_invite(expression: Expression) -> str:
    return (
        f"{expression.submitted_by_email} will be emailed that {expression.lead} is invited to "
        f"make a full bid to {expression.round.name}, with your feedback. Only invited councils "
        "can bid to this round."
    )


def explain_decline(expression: Expression) -> str:
    return (
        f"{expression.submitted_by_email} will be emailed that {expression.lead} is not invited "
        f"to make a full bid to {expression.round.name}, with your feedback. This is final."
    )


def _perform(invited: bool):
    def perform(expression: Expression, *, by, data: dict) -> None:
        services.expression_decide(
            expression=expression, invited=invited, by=by, feedback=data["feedback"]
        )

    return perform


EXPRESSION_MOVES = {
    "invite": StaffMove(
        move="invite",
        label=STAFF_MOVE_LABELS["invite"],
        submit="Invite to bid",
        form_class=ExpressionDecisionForm,
        explain=explain_invite,
        perform=_perform(True),
        done=lambda e: f"{e.reference}: {e.lead} is invited to bid. The officer has been emailed.",
    ),
    "decline": StaffMove(
        move="decline",
        label=STAFF_MOVE_LABELS["decline"],
        submit="Decline",
        form_class=ExpressionDecisionForm,
        explain=explain_decline,
        perform=_perform(False),
        done=lambda e: f"{e.reference} declined. The officer has been emailed.",
    ),
}
