"""The questions around a bid: signing in, the eligibility check, withdrawing.

(The questions of the bid's own sections are in section_forms.) Validation is
on the server only, and every message says what to do, as GOV.UK asks.
"""

from django import forms
from django.db.models import QuerySet

from localdigital.core.forms import GovukForm

EMAIL_LENGTH = 254
REASON_LENGTH = 2000


class SignInForm(GovukForm):
    email = forms.EmailField(
        max_length=EMAIL_LENGTH,
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            "max_length": f"Your email address must be {EMAIL_LENGTH} characters or fewer",
        },
    )


class LeadCouncilForm(GovukForm):
    """Which of the officer's signed councils leads the bid: only those can be chosen."""

    lead = forms.ModelChoiceField(
        queryset=None,
        # By slug rather than number: a made-up number too big for the
        # database would be a server error, a made-up slug is just not found.
        to_field_name="slug",
        error_messages={
            "required": "Select the council that is leading the bid",
            "invalid_choice": "Select one of the councils listed",
        },
    )

    def __init__(self, *args, councils: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = councils


class PartnersAgreedForm(GovukForm):
    partners_agreed = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        error_messages={
            "required": "Select yes if you have enough partner councils that have agreed",
            "invalid_choice": "Select yes or no",
        },
    )

    def __init__(self, *args, minimum: int, **kwargs):
        super().__init__(*args, **kwargs)
        councils = "partner council" if minimum == 1 else "partner councils"
        message = f"Select yes if you have at least {minimum} signed {councils} that have agreed"
        self.fields["partners_agreed"].error_messages["required"] = message


class WithdrawForm(GovukForm):
    reason = forms.CharField(
        required=False,
        max_length=REASON_LENGTH,
        widget=forms.Textarea,
        error_messages={"max_length": f"The reason must be {REASON_LENGTH} characters or fewer"},
    )
