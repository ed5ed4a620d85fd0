"""The form a council officer proposes a case study with: one page, its
answers kept in the session until the officer sends them from check answers.

Its choices follow the officer: the signed councils they belong to, the
funded projects those councils lead or partner, and those councils'
declaration projects.
"""

from django import forms
from django.core.exceptions import ValidationError

from declaration.models import Principle, ServiceArea
from funding.officers import lead_councils_of
from localdigital.core.forms import GovukForm
from sharing.officers import projects_of
from sharing.services import CaseStudyFields
from signatories.models import Commitment, Organisation, SignUpState

TITLE_LENGTH = 200
SUMMARY_LENGTH = 600
TEXT_LENGTH = 10_000
OUTCOME_ROWS = 3
MEASURE_LENGTH = 200
FIGURE_LENGTH = 100
OUTCOME_PARTS = ["measure", "figure"]


def _required(what: str) -> dict:
    return {"required": what, "invalid_choice": what, "invalid_pk_value": what}


def _choices(text: str, *, required: bool = False) -> forms.ModelMultipleChoiceField:
    # The queryset follows the officer: set in ProposalForm.__init__.
    return forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.none(),
        required=required,
        error_messages={
            "required": text,
            "invalid_choice": text,
            "invalid_pk_value": text,
            "list": text,
        },
    )


def _text(length: int, *, missing: str, too_long: str) -> forms.CharField:
    return forms.CharField(
        max_length=length,
        error_messages={
            "required": missing,
            "max_length": f"{too_long} {length:,} characters or fewer",
        },
    )


class ProposalForm(GovukForm):
    error_anchors = {
        "councils": "councils",
        "principles": "principles",
        "service_area": "service_area",
        "outcomes": "outcome_1_measure",
    }

    title = _text(TITLE_LENGTH, missing="Enter a title", too_long="The title must be")
    councils = _choices("Select the councils whose work it is", required=True)
    other_council = forms.ModelChoiceField(
        queryset=Organisation.objects.none(),
        required=False,
        to_field_name="slug",
        error_messages=_required("Select another council from the list"),
    )
    principles = _choices("Select the principles the work follows", required=True)
    service_area = forms.ModelChoiceField(
        queryset=ServiceArea.objects.none(),
        to_field_name="slug",
        error_messages=_required("Select the service area"),
    )
    summary = _text(SUMMARY_LENGTH, missing="Enter a summary", too_long="The summary must be")
    problem = _text(TEXT_LENGTH, missing="Enter the problem", too_long="The problem must be")
    what_was_done = _text(
        TEXT_LENGTH, missing="Enter what was done", too_long="What was done must be"
    )
    funded_projects = _choices("Select funded projects from the list")
    declaration_projects = _choices("Select declaration projects from the list")

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        own = lead_councils_of(email)
        self.fields["councils"].queryset = own
        self.fields["councils"].to_field_name = "slug"
        self.fields[
            "other_council"
        ].queryset = Organisation.objects.signed_current_councils().order_by("name")
        self.fields["principles"].queryset = Principle.objects.in_order()
        self.fields["principles"].to_field_name = "slug"
        self.fields["service_area"].queryset = ServiceArea.objects.order_by("name")
        self.fields["funded_projects"].queryset = projects_of(email).order_by("title")
        self.fields["funded_projects"].to_field_name = "reference"
        self.fields["declaration_projects"].queryset = Commitment.objects.filter(
            sign_up__state=SignUpState.SIGNED, sign_up__organisation__in=own
        ).select_related("sign_up__organisation")
        for number in range(1, OUTCOME_ROWS + 1):
            self.fields[f"outcome_{number}_measure"] = forms.CharField(
                required=False,
                max_length=MEASURE_LENGTH,
                error_messages={
                    "max_length": f"What changed must be {MEASURE_LENGTH} characters or fewer"
                },
            )
            self.fields[f"outcome_{number}_figure"] = forms.CharField(
                required=False,
                max_length=FIGURE_LENGTH,
                error_messages={
                    "max_length": f"The figure must be {FIGURE_LENGTH} characters or fewer"
                },
            )

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        data = super().clean()
        self.outcomes = []
        for number in range(1, OUTCOME_ROWS + 1):
            measure = (data.get(f"outcome_{number}_measure") or "").strip()
            figure = (data.get(f"outcome_{number}_figure") or "").strip()
            if measure and figure:
                self.outcomes.append((measure, figure))
            elif measure or figure:
                self.add_error(
                    f"outcome_{number}_measure" if figure else f"outcome_{number}_figure",
                    f"Enter both what changed and its figure for outcome {number}",
                )
        if not self.outcomes and not self.errors:
            raise ValidationError("Enter at least one outcome, with its figure", code="no_outcomes")
        return data

    def error_list(self) -> list[dict]:
        entries = super().error_list()
        # The error about outcomes as a whole points at the first outcome.
        for entry in entries:
            if entry["text"].startswith("Enter at least one outcome"):
                entry["href"] = "#outcome_1_measure"
        return entries

    def chosen_councils(self) -> list[Organisation]:
        data = self.cleaned_data
        councils = list(data["councils"])
        other = data.get("other_council")
        if other and other not in councils:
            councils.append(other)
        return councils

    def session_answers(self) -> dict:
        """The answers as plain values, kept in the session until they are sent."""
        data = self.cleaned_data
        other = data.get("other_council")
        answers = {
            name: data[name]
            for name in ["title", "summary", "problem", "what_was_done"]
            + [f"outcome_{n}_{part}" for n in range(1, OUTCOME_ROWS + 1) for part in OUTCOME_PARTS]
        }
        return {
            **answers,
            "councils": [council.slug for council in data["councils"]],
            "other_council": other.slug if other else "",
            "principles": [principle.slug for principle in data["principles"]],
            "service_area": data["service_area"].slug,
            "funded_projects": [bid.reference for bid in data["funded_projects"]],
            "declaration_projects": [str(c.pk) for c in data["declaration_projects"]],
        }

    def fields_for_service(self) -> CaseStudyFields:
        data = self.cleaned_data
        return CaseStudyFields(
            title=data["title"],
            service_area_id=data["service_area"].pk,
            summary=data["summary"],
            problem=data["problem"],
            what_was_done=data["what_was_done"],
            council_ids=[council.pk for council in self.chosen_councils()],
            principle_ids=[principle.pk for principle in data["principles"]],
            outcomes=self.outcomes,
            funded_project_ids=[bid.pk for bid in data["funded_projects"]],
            declaration_project_ids=[c.pk for c in data["declaration_projects"]],
        )
