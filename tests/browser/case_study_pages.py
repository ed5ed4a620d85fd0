"""The data and addresses of the browser tests of case studies, shared with
the HTML validity tests (tests/localdigital/pages/test_markup_validity.py)."""

import pytest

from sharing import services
from tests.browser.update_pages import OFFICER
from tests.sharing.cases import case_fields

__all__ = ["OFFICER", "PAGES", "case_studies"]


@pytest.fixture
def case_studies(updated_project):
    """A published case study of Leadsby's funded project (R6-0001), with its
    declaration project, at /case-studies/reporting-repairs-online/."""
    lead = updated_project.lead
    commitment = lead.sign_ups.get().commitment
    case_study = services.case_study_propose(
        email=OFFICER,
        fields=case_fields(
            [lead],
            title="Reporting repairs online",
            funded_project_ids=[updated_project.pk],
            declaration_project_ids=[commitment.pk],
        ),
    )
    services.case_study_publish(case_study=case_study, by_user=None)
    return case_study


# (address, the page's main heading, the status it answers with)
PAGES = [
    ("/case-studies/", "Case studies", 200),
    ("/case-studies/?council=leadsby-city-council&principle=fix-the-plumbing", "Case studies", 200),
    ("/case-studies/reporting-repairs-online/", "Reporting repairs online", 200),
]
