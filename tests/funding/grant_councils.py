"""Helpers for the tests of the fund's 360Giving data: a council of each nation,
as the register has them, and a published round with a grant led by each."""

from signatories.models import Nation, OrganisationType
from tests.factories import RoundFactory, signed_council
from tests.funding.fund_pages import days, funded, not_funded, published_round

# (name, nation, type, register code, GSS code), from the shipped register.
COUNCILS = [
    (
        "London Borough of Hackney",
        Nation.ENGLAND,
        OrganisationType.LONDON_BOROUGH,
        "HCK",
        "E09000012",
    ),
    (
        "City of Edinburgh Council",
        Nation.SCOTLAND,
        OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
        "EDH",
        "S12000036",
    ),
    (
        "City of Cardiff Council",
        Nation.WALES,
        OrganisationType.WELSH_UNITARY_AUTHORITY,
        "CRF",
        "W06000015",
    ),
    (
        "Belfast City Council",
        Nation.NORTHERN_IRELAND,
        OrganisationType.NORTHERN_IRISH_DISTRICT,
        "BFS",
        "N09000003",
    ),
]


def council_of_each_nation() -> list:
    return [
        signed_council(
            name=name,
            nation=nation,
            organisation_type=organisation_type,
            region="",
            register_code=code,
            gss_code=gss_code,
        )
        for name, nation, organisation_type, code, gss_code in COUNCILS
    ]


def grants_in_four_nations():
    """A published round of four funded bids, one led in each nation, beside a bid
    not funded and a funded bid of a round whose decisions are not yet published."""
    round_ = published_round(name="Round 6", slug="round-6", reference_prefix="R6")
    bids = [
        funded(round_, lead=lead, title=f"Project of {lead.name}", amount=50_000 + 10_000 * n)
        for n, lead in enumerate(council_of_each_nation())
    ]
    not_funded(round_, title="Not funded this time")
    funded(
        RoundFactory(
            slug="round-7",
            reference_prefix="R7",
            opens_at=days(-50),
            closes_at=days(-20),
            results_published=False,
        ),
        title="Decided but not yet published",
    )
    return bids
