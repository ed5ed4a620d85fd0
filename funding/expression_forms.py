"""The expression of interest's one short form: lead council, project,
problem, partners, phase and estimated cost.

Validation is on the server only; every message says what to do.
"""

import re

from django import forms
from django.db.models import QuerySet

from funding.models import Expression, Phase, Round
from localdigital.core.forms import GovukForm

PROBLEM_MAX_CHARACTERS = 3000
# A round asks for at least its minimum of partners, and the form offers this many places.
PARTNER_PLACES = 3
PARTNER_FIELDS = [f"partner_{place}" for place in range(1, PARTNER_PLACES + 1)]
MOST_POUNDS = 100_000_000
COST_INVALID = "Enter the estimated cost in whole pounds, like 90000"


class TypedText(forms.CharField):
    """Text as typed, with Windows line breaks made one and NUL bytes (which
    PostgreSQL cannot store) dropped, before its length is checked."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\x00", "").replace("\r\n", "\n").strip()


class Pounds(forms.CharField):
    """Whole pounds, typed with or without a pound sign and commas."""

    def to_python(self, value):
        text = re.sub(r"[£,\s]", "", super().to_python(value))
        if not text:
            return None
        if not text.isdigit() or len(text) > 9:
            raise forms.ValidationError(COST_INVALID, code="invalid")
        return int(text)


class ExpressionForm(GovukForm):
    error_anchors = {"lead": "lead", "phase": "phase"}

    lead = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        error_messages={
            "required": "Select the council that is leading the project",
            "invalid_choice": "Select one of the councils listed",
        },
    )
    title = TypedText(
        max_length=Expression._meta.get_field("title").max_length,
        error_messages={
            "required": "Enter the name of the project",
            "max_length": "The project's name must be 200 characters or fewer",
        },
    )
    problem = TypedText(
        max_length=PROBLEM_MAX_CHARACTERS,
        widget=forms.Textarea,
        error_messages={
            "required": "Describe the problem the project will solve",
            "max_length": f"The problem must be {PROBLEM_MAX_CHARACTERS} characters or fewer",
        },
    )
    phase = forms.ChoiceField(
        choices=[],
        error_messages={
            "required": "Select the phase of work the project is for",
            "invalid_choice": "Select one of the phases listed",
        },
    )
    estimated_cost = Pounds(
        error_messages={"required": "Enter the estimated cost of the project, in pounds"}
    )

    def __init__(self, *args, round_: Round, councils: QuerySet, partners: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        self.round = round_
        self.fields["lead"].queryset = councils
        # The phases the round takes, with the most a project in each may cost.
        self.caps = {round_phase.phase: round_phase.cap for round_phase in round_.phases.all()}
        self.fields["phase"].choices = [
            (value, label) for value, label in Phase.choices if value in self.caps
        ]
        for name in PARTNER_FIELDS:
            self.fields[name] = forms.ModelChoiceField(
                queryset=partners,
                to_field_name="slug",
                required=False,
                error_messages={"invalid_choice": "Select a council from the list"},
            )
        # Partners come before phase and cost, as on the page.
        order = ["lead", "title", "problem", *PARTNER_FIELDS, "phase", "estimated_cost"]
        self.order_fields(order)

    def clean(self):
        cleaned = super().clean()
        self._check_partners(cleaned)
        self._check_cost(cleaned)
        return cleaned

    def chosen_partners(self) -> list:
        chosen = [self.cleaned_data.get(name) for name in PARTNER_FIELDS]
        return list({partner.pk: partner for partner in chosen if partner is not None}.values())

    def _check_partners(self, cleaned: dict) -> None:
        if any(name in self.errors for name in PARTNER_FIELDS):
            return
        chosen = [cleaned.get(name) for name in PARTNER_FIELDS if cleaned.get(name)]
        lead = cleaned.get("lead")
        if lead is not None and any(partner.pk == lead.pk for partner in chosen):
            self.add_error("partner_1", "Choose partner councils other than the lead council")
        elif len({partner.pk for partner in chosen}) != len(chosen):
            self.add_error("partner_1", "Choose each partner council once")
        elif len(chosen) < self.round.min_partners:
            needed = self.round.min_partners
            councils = "partner council" if needed == 1 else "partner councils"
            self.add_error("partner_1", f"Choose at least {needed} {councils}")

    def _check_cost(self, cleaned: dict) -> None:
        cost, phase = cleaned.get("estimated_cost"), cleaned.get("phase")
        if cost is None:
            return
        if cost < 1 or cost > MOST_POUNDS:
            self.add_error("estimated_cost", COST_INVALID)
        elif phase in self.caps and cost > self.caps[phase]:
            self.add_error(
                "estimated_cost",
                f"Enter an estimated cost of £{self.caps[phase]:,} or less, "
                f"the most a {Phase(phase).label.lower()} project can ask for",
            )

    def session_answers(self) -> dict:
        """The answers as plain values, kept in the session until they are sent."""
        data = self.cleaned_data
        return {
            "lead": data["lead"].slug,
            "title": data["title"],
            "problem": data["problem"],
            **{name: data[name].slug if data.get(name) else "" for name in PARTNER_FIELDS},
            "phase": data["phase"],
            "estimated_cost": str(data["estimated_cost"]),
        }
