"""The questions of the sign-up journey, one form per page.

Validation is on the server only. Django's CharField and EmailField trim
leading and trailing spaces before validating, so "  name  " is accepted as
"name" rather than refused. Every message follows the GOV.UK pattern: it says
what to do, not what went wrong.
"""

from django import forms
from django.core.exceptions import ValidationError

from declaration.forms import PrincipleNumbersField
from declaration.models import Principle, ServiceArea
from localdigital.core.forms import GovukForm
from signatories.models import Organisation, OrganisationType, SignUp


def text_field(*, required_message: str, max_length: int, too_long: str) -> forms.CharField:
    return forms.CharField(
        max_length=max_length,
        error_messages={"required": required_message, "max_length": too_long},
    )


class OrganisationChoiceForm(GovukForm):
    organisation = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        error_messages={
            "required": "Select your organisation, or choose ‘My organisation is not listed’",
            "invalid_choice": "Select your organisation from the list",
        },
    )

    def __init__(self, *args, choices_queryset, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = choices_queryset


class NewOrganisationForm(GovukForm):
    error_anchors = {"organisation_type": "organisation_type"}

    name = text_field(
        required_message="Enter the name of your organisation",
        max_length=255,
        too_long="Organisation name must be 255 characters or fewer",
    )
    organisation_type = forms.ChoiceField(
        choices=OrganisationType.choices,
        error_messages={
            "required": "Select the type of organisation",
            "invalid_choice": "Select the type of organisation",
        },
    )

    def __init__(self, *args, known_organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_organisations = known_organisations

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if self.known_organisations.filter(name__iexact=name).exists():
            raise ValidationError(
                "%(name)s is already on our list: go back and search for it",
                code="organisation_listed",
                params={"name": name},
            )
        return name


NAME_LENGTH = SignUp._meta.get_field("officer_name").max_length
EMAIL_LENGTH = SignUp._meta.get_field("officer_email").max_length
YOUR_NAME_TOO_LONG = f"Your name must be {NAME_LENGTH} characters or fewer"


def email_field(*, required_message: str, too_long: str) -> forms.EmailField:
    return forms.EmailField(
        max_length=EMAIL_LENGTH,
        error_messages={
            "required": required_message,
            "invalid": "Enter an email address in the correct format, like name@example.gov.uk",
            "max_length": too_long,
        },
    )


def your_email_field() -> forms.EmailField:
    return email_field(
        required_message="Enter your email address",
        too_long=f"Your email address must be {EMAIL_LENGTH} characters or fewer",
    )


class OfficerForm(GovukForm):
    officer_name = text_field(
        required_message="Enter your full name",
        max_length=NAME_LENGTH,
        too_long=YOUR_NAME_TOO_LONG,
    )
    officer_job_title = text_field(
        required_message="Enter your job title",
        max_length=NAME_LENGTH,
        too_long=f"Your job title must be {NAME_LENGTH} characters or fewer",
    )
    officer_email = your_email_field()


class ApproverForm(GovukForm):
    approver_name = text_field(
        required_message="Enter the senior approver’s full name",
        max_length=NAME_LENGTH,
        too_long=f"The senior approver’s name must be {NAME_LENGTH} characters or fewer",
    )
    approver_role = text_field(
        required_message="Enter the senior approver’s role",
        max_length=NAME_LENGTH,
        too_long=f"The senior approver’s role must be {NAME_LENGTH} characters or fewer",
    )
    approver_email = email_field(
        required_message="Enter the senior approver’s email address",
        too_long=f"The senior approver’s email address must be {EMAIL_LENGTH} characters or fewer",
    )

    def __init__(self, *args, officer_email: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.officer_email = officer_email

    def clean_approver_email(self) -> str:
        email = self.cleaned_data["approver_email"]
        # The approver signs for the organisation: a second person must see it.
        if self.officer_email and email.lower() == self.officer_email.lower():
            raise ValidationError(
                "Enter the senior approver’s own email address, not yours",
                code="approver_is_officer",
            )
        return email


TEXT_LENGTH = 5000


class CommitmentForm(GovukForm):
    title = text_field(
        required_message="Enter a title for your declaration project",
        max_length=200,
        too_long="The title must be 200 characters or fewer",
    )
    partners = forms.CharField(
        required=False,
        max_length=TEXT_LENGTH,
        widget=forms.Textarea,
        error_messages={"max_length": f"Partners must be {TEXT_LENGTH} characters or fewer"},
    )
    mission = forms.CharField(
        max_length=TEXT_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter what you will deliver within a year",
            "max_length": f"The mission must be {TEXT_LENGTH} characters or fewer",
        },
    )
    impact = forms.CharField(
        max_length=TEXT_LENGTH,
        widget=forms.Textarea,
        error_messages={
            "required": "Enter how people will benefit",
            "max_length": f"The impact must be {TEXT_LENGTH} characters or fewer",
        },
    )


class PrinciplesForm(GovukForm):
    principles = PrincipleNumbersField(
        queryset=Principle.objects.in_order(),
        to_field_name="number",
        error_messages={
            "required": "Select at least one principle your project puts into practice",
            "invalid_choice": "Select principles from the list",
            "invalid_pk_value": "Select principles from the list",
        },
    )


class ServiceAreaForm(GovukForm):
    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.all(),
        to_field_name="slug",
        error_messages={
            "required": "Select the service area your project is about",
            "invalid_choice": "Select a service area from the list",
        },
    )


class AuthorityForm(GovukForm):
    has_authority = forms.BooleanField(
        error_messages={
            "required": "Confirm that you have authority to submit this for your organisation"
        },
    )


class ResendForm(GovukForm):
    reference = text_field(
        required_message="Enter your reference",
        max_length=20,
        too_long="Enter the reference from your email, like LDD-ABCD2345",
    )
    email = your_email_field()

    def clean_reference(self) -> str:
        return self.cleaned_data["reference"].upper()


class ApproverSignForm(GovukForm):
    typed_name = text_field(
        required_message="Type your full name to sign",
        max_length=NAME_LENGTH,
        too_long=YOUR_NAME_TOO_LONG,
    )

    def __init__(self, *args, approver_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.approver_name = approver_name

    def clean_typed_name(self) -> str:
        typed = " ".join(self.cleaned_data["typed_name"].split())
        # The name is the signature: it must be the person the email was sent to.
        if typed.casefold() != " ".join(self.approver_name.split()).casefold():
            raise ValidationError(
                "Type your name as it appears on this page: %(name)s",
                code="name_mismatch",
                params={"name": self.approver_name},
            )
        return typed
