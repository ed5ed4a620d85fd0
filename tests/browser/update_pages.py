"""The data and addresses of the browser tests of project updates, shared with
the HTML validity tests (tests/localdigital/pages/test_markup_validity.py)."""

import pytest

from funding.models import BidState, Phase
from sharing import services
from sharing.models import UpdateKind
from tests.factories import RoundFactory, decided_bid, signed_council

OFFICER = "ana.silva@leadsby.gov.uk"


@pytest.fixture
def updated_project():
    """A funded project (R6-0001) of a published round, with one update posted."""
    round_ = RoundFactory(
        name="Round 6", slug="round-6", reference_prefix="R6", results_published=True
    )
    lead = signed_council(name="Leadsby City Council", email_domains="leadsby.gov.uk")
    partner = signed_council(name="Partnerford Council", email_domains="partnerford.gov.uk")
    bid = decided_bid(
        state=BidState.FUNDED,
        round=round_,
        title="Shared repairs reporting",
        lead=lead,
        partners=[partner],
        phase=Phase.ALPHA,
    )
    services.update_post(
        bid=bid,
        email=OFFICER,
        fields=services.UpdateFields(
            kind=UpdateKind.SPRINT_NOTE,
            title="Sprint 2: tenants try the form",
            body="We tested with **twelve tenants**.\n\n* reporting took 3 minutes\n* photos helped",
            links="https://example.org/sprint-2",
        ),
    )
    return bid


# (address, the page's main heading, the status it answers with)
PAGES = [
    ("/updates/", "Project updates", 200),
    ("/updates/?council=leadsby-city-council&phase=alpha", "Project updates", 200),
    ("/updates/?phase=beta", "Project updates", 200),
    ("/fund/projects/R6-0001/", "Shared repairs reporting", 200),
    ("/updates/follow/project/R6-0001/", "Follow the project", 200),
    ("/updates/follow/council/leadsby-city-council/", "Follow updates from projects", 200),
]
