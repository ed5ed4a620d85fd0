"""Hostile or broken input to the proposal gets a GOV.UK error and changes
nothing: NUL bytes, forged choices, overlong text. Never a 500."""

import pytest

from sharing.models import CaseStudy
from tests.govuk_pages import error_summary
from tests.sharing.cases import proposal_form
from tests.sharing.projects import LEAD_OFFICER, funded_project, officer_client

FORM = "/case-studies/propose/"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": "Bins\x00"}, "Null characters are not allowed."),
        ({"principles": ["no-such-principle"]}, "Select the principles the work follows"),
        ({"service_area": "'; DROP TABLE"}, "Select the service area"),
        ({"other_council": "nowhere"}, "Select another council from the list"),
        ({"declaration_projects": ["not-a-number"]}, "Select declaration projects from the list"),
        ({"summary": "x" * 601}, "The summary must be 600 characters or fewer"),
        (
            {"outcome_2_figure": "y" * 101},
            "The figure must be 100 characters or fewer",
        ),
    ],
)
def test_bad_input_is_refused_with_a_message(db, overrides, message):
    funded_project()

    response = officer_client(LEAD_OFFICER).post(FORM, proposal_form(**overrides))

    assert response.status_code == 200
    assert message in error_summary(response)
    assert not CaseStudy.objects.exists()


def test_the_honeypot_saves_nothing(db):
    funded_project()
    officer = officer_client(LEAD_OFFICER)

    response = officer.post(FORM, proposal_form(website="https://spam.example"))

    assert response.status_code == 302
    assert officer.get("/case-studies/propose/check/").status_code == 302
