"""Content for the site search tests: things that match "garden waste" in
their titles and in their bodies, and things that match but are not public."""

from funding.models import BidState
from signatories.models import SignUpState
from tests.factories import (
    OrganisationFactory,
    RoundFactory,
    SignUpFactory,
    decided_bid,
    signed_council,
)
from tests.sharing.cases import propose, published_case_study
from tests.sharing.projects import post_update
from tests.signatories.signatory_pages import signed


def make_search_content() -> None:
    # The commitment's title names garden waste: a title match.
    signed(
        "Testshire District Council",
        commitment={
            "title": "Online garden waste permits",
            "mission": "Residents buy a permit online.",
        },
    )
    # Garden waste only in the mission: a body match.
    signed(
        "Kent County Council",
        commitment={
            "title": "Shared data platform",
            "mission": "Replace the paper forms for garden waste collections with data.",
        },
    )
    # Not public: waiting for review, and removed.
    SignUpFactory(
        organisation=OrganisationFactory(name="Garden Waste Borough Council"),
        state=SignUpState.AWAITING_REVIEW,
        commitment__title="Garden waste everywhere",
    )
    published = RoundFactory(
        name="Round 6", slug="round-6", reference_prefix="R6", results_published=True
    )
    leeds = signed_council(name="Leeds City Council")
    booking = decided_bid(
        round=published,
        lead=leeds,
        title="Garden waste collection booking",
        summary="Residents book a collection of garden waste online: a service of ten councils.",
    )
    decided_bid(
        round=published,
        state=BidState.NOT_FUNDED,
        title="Garden waste bins that were not funded",
    )
    # A published case study and an update, and a case study still waiting.
    published_case_study(
        [leeds],
        title="Garden waste permits in one service",
        summary="Ten councils share one garden waste service.",
    )
    propose([leeds], title="Garden waste proposal still waiting")
    post_update(
        booking, title="Sprint 2: garden waste booking service tested", email="a@leeds.gov.uk"
    )
    # Funded, but its round's decisions are not published yet.
    decided_bid(
        round=RoundFactory(name="Round 7", slug="round-7", reference_prefix="R7"),
        title="Garden waste round seven secret",
    )
