"""The forms of a bid's sections.

A section can be saved half done, so these forms check only the form of what
was entered (lengths, whole pounds, choices, email addresses) and leave
"is anything missing?" to funding.sections, which answers it when the officer
says the section is complete. Every field is optional here for that reason.

Messages follow the GOV.UK pattern: they say what to do.
"""

import re

from django import forms
from django.core.exceptions import ValidationError

from declaration.forms import PrincipleNumbersField
from declaration.models import Principle, ServiceArea
from funding import sections
from funding.models import Bid, CostCategory, CostLine, Round
from localdigital.core.forms import GovukForm

COMPLETED_MISSING = "Select whether you have completed this section"
COMPLETED_CHOICES = [
    ("yes", "Yes, I’ve completed this section"),
    ("no", "No, I’ll come back later"),
]

# Enough for a thorough answer to any one question (about 800 words), and
# what the character count under each box counts down from.
LONG_TEXT_MAX_CHARACTERS = 5000
# No bid or cost comes near this; it keeps typed amounts well inside the
# database's integers.
MOST_POUNDS = 100_000_000
EMAIL_INVALID = "Enter an email address in the correct format, like name@example.gov.uk"
SELECT_FROM_LIST = "Select a council from the list"


def _max_length(model, field: str) -> int:
    return model._meta.get_field(field).max_length


class SectionText(forms.CharField):
    """Text as people type it, kept as it will be counted and stored.

    Browsers send line breaks as CRLF but count them as one character in the
    character count, so they are made LF before the length is checked. NUL
    bytes, which no one types and PostgreSQL cannot store, are dropped.
    """

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n").strip()


def section_text(*, max_length: int, too_long: str, long: bool = False) -> SectionText:
    return SectionText(
        required=False,
        max_length=max_length,
        widget=forms.Textarea if long else forms.TextInput,
        error_messages={"max_length": too_long},
    )


def parse_pounds(value: str, *, noun: str) -> int | None:
    """Whole pounds from what someone typed: "£1,200", "1 200" and "1200.00" are 1200.

    None when nothing was typed. Raises ValidationError (codes invalid, pence,
    negative, too_much) for anything but a whole number of pounds from 0 to
    MOST_POUNDS.
    """
    # People write money with a pound sign, thousands separators and spaces.
    cleaned = re.sub(r"[\s,\x00]", "", value)
    if not cleaned:
        return None
    match = re.fullmatch(
        r"(-?)(?:£|gbp)?(-?)([0-9]+)(?:\.([0-9]{1,2}))?", cleaned, flags=re.IGNORECASE
    )
    if not match:
        raise ValidationError(
            "Enter the %(noun)s as a number of pounds, like 25000",
            code="invalid",
            params={"noun": noun},
        )
    minus, minus_after_sign, pounds, pence = match.groups()
    if pence and int(pence):
        raise ValidationError(
            "Enter the %(noun)s in whole pounds, without pence",
            code="pence",
            params={"noun": noun},
        )
    if (minus or minus_after_sign) and int(pounds):
        raise ValidationError(
            "%(Noun)s must be £0 or more", code="negative", params={"Noun": noun.capitalize()}
        )
    if int(pounds) > MOST_POUNDS:
        raise ValidationError(
            "%(Noun)s must be £%(most)s or less",
            code="too_much",
            params={"Noun": noun.capitalize(), "most": f"{MOST_POUNDS:,}"},
        )
    return int(pounds)


class PoundsField(forms.CharField):
    """An amount in whole pounds, typed as people write money; None when left empty."""

    def __init__(self, *, noun: str, required: bool = False):
        super().__init__(
            required=required,
            max_length=40,
            error_messages={
                "required": f"Enter the {noun} in pounds",
                "max_length": f"Enter the {noun} as a number of pounds, like 25000",
            },
        )
        self.noun = noun

    def clean(self, value):
        return parse_pounds(super().clean(value), noun=self.noun)


class SectionForm(GovukForm):
    """A section's fields, then "Have you completed this section?".

    Besides its own errors, the form shows the problems funding.sections
    found when the officer said the section was complete: each beside its
    field and in the error summary.
    """

    # The section's fields that are saved on the bid, in page order.
    model_fields: list[str] = []
    # Where the error summary sends people for a problem with a field the
    # form does not have (partners, cost lines): an id on the page.
    problem_anchors: dict[str, str] = {}

    completed = forms.ChoiceField(
        choices=COMPLETED_CHOICES,
        error_messages={"required": COMPLETED_MISSING, "invalid_choice": COMPLETED_MISSING},
    )

    def __init__(self, *args, asks_completed: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        # Buttons other than "Save and continue" (adding or removing a cost)
        # save what was typed without answering the question.
        self.asks_completed = asks_completed
        self.fields["completed"].required = asks_completed
        # Declared fields of the base class come first; the question ends the page.
        self.order_fields([name for name in self.fields if name != "completed"] + ["completed"])
        self.problems: list[sections.Problem] = []

    def section_values(self) -> dict:
        """The fields that passed their checks, as model values, ready to save."""
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in self.model_fields if name in cleaned}

    def has_format_errors(self) -> bool:
        return any(name in self.errors for name in self.model_fields)

    def said_completed(self) -> bool | None:
        """True for "Yes", False for "No", None when the question was not answered
        (or not asked: a radio left checked does not count when another button was pressed)."""
        if not self.asks_completed:
            return None
        answer = getattr(self, "cleaned_data", {}).get("completed")
        return {"yes": True, "no": False}.get(answer)

    def add_problems(self, problems: list[sections.Problem]) -> None:
        self.problems = list(problems)

    @property
    def has_errors(self) -> bool:
        return bool(self.errors or self.problems)

    def error_message(self, name: str) -> dict | None:
        own = super().error_message(name)
        if own:
            return own
        messages = [problem.message for problem in self.problems if problem.field == name]
        return {"text": ". ".join(messages)} if messages else None

    def error_list(self) -> list[dict]:
        entries = [
            {
                "text": problem.message,
                "href": "#" + self.problem_anchors.get(problem.field, problem.field),
            }
            for problem in self.problems
        ]
        return entries + super().error_list()


class ProjectForm(SectionForm):
    model_fields = ["title", "summary", "service_area"]
    error_anchors = {"service_area": "service_area", "completed": "completed"}

    title = section_text(
        max_length=_max_length(Bid, "title"),
        too_long=f"The title must be {_max_length(Bid, 'title')} characters or fewer",
    )
    summary = section_text(
        max_length=sections.SUMMARY_MAX_CHARACTERS,
        too_long=f"The summary must be {sections.SUMMARY_MAX_CHARACTERS} characters or fewer",
        long=True,
    )
    service_area = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select a service area from the list"},
    )

    def __init__(self, *args, service_areas: list[ServiceArea], **kwargs):
        super().__init__(*args, **kwargs)
        self.service_areas = {area.slug: area for area in service_areas}
        self.fields["service_area"].choices = [("", "")] + [
            (area.slug, area.name) for area in service_areas
        ]

    def clean_service_area(self) -> ServiceArea | None:
        return self.service_areas.get(self.cleaned_data["service_area"])


def long_text(noun: str) -> SectionText:
    return section_text(
        max_length=LONG_TEXT_MAX_CHARACTERS,
        too_long=f"{noun} must be {LONG_TEXT_MAX_CHARACTERS:,} characters or fewer",
        long=True,
    )


class ProblemForm(SectionForm):
    model_fields = ["problem", "users"]

    problem = long_text("The problem")
    users = long_text("Users and their needs")


class DeliveryForm(SectionForm):
    model_fields = ["delivery_plan", "team"]

    delivery_plan = long_text("The delivery plan")
    team = long_text("The team")


class PrinciplesForm(SectionForm):
    model_fields = ["principles", "principles_how"]
    error_anchors = {"principles": "principles", "completed": "completed"}

    principles = PrincipleNumbersField(
        required=False,
        queryset=Principle.objects.in_order(),
        to_field_name="number",
        error_messages={
            "invalid_choice": "Select principles from the list",
            "invalid_pk_value": "Select principles from the list",
        },
    )
    principles_how = long_text("How the project meets the principles")

    def clean_principles(self) -> list[Principle]:
        return list(self.cleaned_data["principles"])


class DeclarationsForm(SectionForm):
    model_fields = ["open_licence", "sponsor_name", "sponsor_role", "sponsor_email"]
    error_anchors = {"open_licence": "open_licence", "completed": "completed"}

    open_licence = forms.BooleanField(required=False)
    sponsor_name = section_text(
        max_length=_max_length(Bid, "sponsor_name"),
        too_long=f"The senior sponsor’s name must be {_max_length(Bid, 'sponsor_name')} "
        "characters or fewer",
    )
    sponsor_role = section_text(
        max_length=_max_length(Bid, "sponsor_role"),
        too_long=f"The senior sponsor’s role must be {_max_length(Bid, 'sponsor_role')} "
        "characters or fewer",
    )
    sponsor_email = forms.EmailField(
        required=False,
        max_length=_max_length(Bid, "sponsor_email"),
        error_messages={
            "invalid": EMAIL_INVALID,
            "max_length": f"The senior sponsor’s email address must be "
            f"{_max_length(Bid, 'sponsor_email')} characters or fewer",
        },
    )


class PartnersForm(SectionForm):
    """The partners page's last form: only the question (partners are added one by one)."""

    problem_anchors = {"partners": "partner"}


class AttachmentsForm(SectionForm):
    """The attachments page's last form: only the question (files are uploaded one by one)."""

    problem_anchors = {"attachments": "attachment"}


class BudgetForm(SectionForm):
    model_fields = ["phase", "amount"]
    error_anchors = {"phase": "phase", "completed": "completed"}
    problem_anchors = {"cost_lines": "cost_lines"}

    phase = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": "Select a phase from the list"},
    )
    amount = PoundsField(noun="amount")

    def __init__(self, *args, round_: Round, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the phases this round funds can be chosen.
        self.fields["phase"].choices = [("", "")] + [
            (round_phase.phase, round_phase.get_phase_display())
            for round_phase in round_.phases.all()
        ]


class CostLineForm(GovukForm):
    """One line of the cost breakdown, added with the "Add a cost" button."""

    error_anchors = {"cost_category": "cost_category"}
    FIELDS = ("cost_category", "cost_description", "cost_amount")

    cost_category = forms.ChoiceField(
        choices=CostCategory.choices,
        error_messages={
            "required": "Select who the cost is for",
            "invalid_choice": "Select who the cost is for",
        },
    )
    cost_description = SectionText(
        max_length=_max_length(CostLine, "description"),
        error_messages={
            "required": "Enter a description of the cost",
            "max_length": f"The description must be {_max_length(CostLine, 'description')} "
            "characters or fewer",
        },
    )
    cost_amount = PoundsField(noun="cost", required=True)

    @classmethod
    def was_filled_in(cls, data) -> bool:
        """Whether anything was typed or chosen for a new cost."""
        return any(str(data.get(name, "")).strip() for name in cls.FIELDS)


class PartnerChoiceForm(GovukForm):
    """The council chosen in "Add a partner council"."""

    partner = forms.CharField(
        max_length=20,
        error_messages={"required": "Select a partner council", "max_length": SELECT_FROM_LIST},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = organisations

    def clean_partner(self):
        value = self.cleaned_data["partner"]
        # Checked before the look-up: a made-up number too big for the
        # database's integers would otherwise raise there.
        if not re.fullmatch(r"[0-9]{1,12}", value):
            raise ValidationError(SELECT_FROM_LIST, code="invalid_choice")
        organisation = self.organisations.filter(pk=int(value)).first()
        if organisation is None:
            raise ValidationError(SELECT_FROM_LIST, code="invalid_choice")
        return organisation


class AttachmentUploadForm(GovukForm):
    attachment = forms.FileField(
        required=True,
        allow_empty_file=True,
        error_messages={
            "required": "Select a file",
            "missing": "Select a file",
            "invalid": "Select a file",
            "empty": "The selected file is empty",
        },
    )
