"""The form every follow page asks: an email address and how often."""

from django import forms

from localdigital.core.forms import GovukForm
from subscriptions.models import Frequency

EMAIL_LENGTH = 254


class FollowForm(GovukForm):
    error_anchors = {"frequency": "frequency"}

    email = forms.EmailField(
        max_length=EMAIL_LENGTH,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": f"Your email address must be {EMAIL_LENGTH} characters or fewer",
        },
    )
    frequency = forms.ChoiceField(
        choices=Frequency.choices,
        error_messages={
            "required": "Select how often you want email updates",
            "invalid_choice": "Select how often you want email updates",
        },
    )
