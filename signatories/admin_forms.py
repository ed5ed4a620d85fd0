"""The small forms behind the moderation buttons on a sign-up's admin page."""

from django import forms

from localdigital.core.admin_moves import seen_state_field
from signatories.models import RejectionReason, SignUpState


class ModerationForm(forms.Form):
    seen_state = seen_state_field(SignUpState.choices, noun="sign-up")


class ApproveForm(ModerationForm):
    """Nothing to fill in: the button is the decision."""


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
