"""Moderation: the moves moderators make on a sign-up from its admin page.

For each move, in turn: the form behind its button, what the page says will
happen, the service that makes it and what the moderator is told once it is
made. signatories.admin lists the route to them (SignUpAdmin.get_urls) and
localdigital.core.admin_moves runs the page.

Every change of state goes through signatories.services, which goes through
signatories.workflow.move(): the admin only offers the moves the workflow
allows, and the workflow refuses the rest even if a stale page asks for them.
"""

from django import forms

from localdigital.core.admin_moves import StaffMove, seen_state_field
from signatories import services
from signatories.models import RejectionReason, SignUp, SignUpState


class ModerationForm(forms.Form):
    seen_state = seen_state_field(SignUpState.choices, noun="sign-up")


# Approve


class ApproveForm(ModerationForm):
    """Nothing to fill in: the button is the decision."""


def explain_approve(sign_up: SignUp) -> str:
    return (
        f"The senior approver, {sign_up.approver_name} ({sign_up.approver_email}), will be "
        "emailed a link to read the commitment and sign the declaration."
    )


def perform_approve(sign_up: SignUp, *, by, data: dict) -> None:
    services.sign_up_approve(sign_up=sign_up, by=by)


def approved_message(sign_up: SignUp) -> str:
    return f"{sign_up.reference} approved. {sign_up.approver_name} has been emailed a link to sign."


# Request changes


class RequestChangesForm(ModerationForm):
    advice = forms.CharField(
        label="Advice for the officer",
        widget=forms.Textarea(attrs={"rows": 8, "cols": 80}),
        help_text=(
            "Say what to change and why. The officer receives this in an email, "
            "with a link to edit their answers and send them back for review."
        ),
        error_messages={"required": "Enter the advice to send to the officer."},
    )


def explain_request_changes(sign_up: SignUp) -> str:
    return (
        f"{sign_up.officer_name} ({sign_up.officer_email}) will be emailed your advice and a "
        "link to change their answers. When they send them back, the sign-up returns to the "
        "queue."
    )


def perform_request_changes(sign_up: SignUp, *, by, data: dict) -> None:
    services.sign_up_request_changes(sign_up=sign_up, by=by, advice=data["advice"])


def changes_requested_message(sign_up: SignUp) -> str:
    return f"Advice on {sign_up.reference} sent to {sign_up.officer_name}."


# Reject


class RejectForm(ModerationForm):
    reason = forms.ModelChoiceField(
        label="Reason",
        queryset=RejectionReason.objects.filter(is_active=True),
        empty_label="Choose a reason",
        help_text="The officer is told this reason. Staff manage the list under Rejection reasons.",
        error_messages={
            "required": "Choose the reason for rejecting the sign-up.",
            "invalid_choice": "Choose a reason from the list.",
        },
    )
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text="Anything else the officer should know. It is added to the email.",
    )


def explain_reject(sign_up: SignUp) -> str:
    return (
        f"{sign_up.officer_name} ({sign_up.officer_email}) will be emailed the reason. The "
        "organisation may sign up again later."
    )


def perform_reject(sign_up: SignUp, *, by, data: dict) -> None:
    services.sign_up_reject(sign_up=sign_up, by=by, reason=data["reason"], note=data["note"])


def rejected_message(sign_up: SignUp) -> str:
    return f"{sign_up.reference} rejected. {sign_up.officer_name} has been emailed the reason."


# Remove from the signatories


class RemoveForm(ModerationForm):
    reason = forms.CharField(
        label="Reason for removal",
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=(
            "The officer receives this in an email. The organisation's public page "
            "will say that it is no longer a signatory."
        ),
        error_messages={"required": "Enter the reason for removing the organisation."},
    )


def explain_remove(sign_up: SignUp) -> str:
    return (
        f"{sign_up.organisation} will no longer be listed as a signatory, and its public page "
        f"will say so. {sign_up.officer_name} ({sign_up.officer_email}) will be emailed the "
        "reason."
    )


def perform_remove(sign_up: SignUp, *, by, data: dict) -> None:
    services.sign_up_remove(sign_up=sign_up, by=by, reason=data["reason"])


def removed_message(sign_up: SignUp) -> str:
    return f"{sign_up.organisation} removed from the signatories ({sign_up.reference})."


MODERATIONS = {
    moderation.move: moderation
    for moderation in [
        StaffMove(
            move="approve",
            label="Approve",
            submit="Approve and ask for sign-off",
            form_class=ApproveForm,
            explain=explain_approve,
            perform=perform_approve,
            done=approved_message,
        ),
        StaffMove(
            move="request_changes",
            label="Request changes",
            submit="Send the advice",
            form_class=RequestChangesForm,
            explain=explain_request_changes,
            perform=perform_request_changes,
            done=changes_requested_message,
        ),
        StaffMove(
            move="reject",
            label="Reject",
            submit="Reject the sign-up",
            form_class=RejectForm,
            explain=explain_reject,
            perform=perform_reject,
            done=rejected_message,
        ),
        StaffMove(
            move="remove",
            label="Remove from the signatories",
            submit="Remove the organisation",
            form_class=RemoveForm,
            explain=explain_remove,
            perform=perform_remove,
            done=removed_message,
        ),
    ]
}
