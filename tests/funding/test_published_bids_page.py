"""The list of published bids: every bid of a round whose decisions are out,
with its outcome, filtered, sorted and paginated."""

import re

import pytest

from declaration.models import Principle, ServiceArea
from funding.models import BidState, Phase
from localdigital.core.lists import PAGE_SIZE
from tests.factories import BidFactory, RoundFactory, decided_bid, signed_council
from tests.funding.fund_pages import (
    days,
    funded,
    listed_titles,
    not_funded,
    open_round,
    published_round,
    text,
)

pytestmark = pytest.mark.django_db


def test_bids_list_shows_every_published_bid_with_its_outcome(client):
    round_6 = published_round(name="Round 6")
    lead = signed_council(name="Leeds City Council")
    partner = signed_council(name="Kent County Council")
    funded(
        round_6,
        title="Shared case tool",
        lead=lead,
        partners=[partner],
        phase=Phase.ALPHA,
        amount=150_000,
    )
    not_funded(round_6, title="Parking permits", amount=80_000)
    funded(RoundFactory(results_published=False), title="Secret until published")
    BidFactory(round=round_6, title="A draft")
    decided_bid(state=BidState.SUBMITTED, round=round_6, title="Still being assessed")

    response = client.get("/fund/bids/")

    assert response.status_code == 200
    assert sorted(listed_titles(response)) == ["Parking permits", "Shared case tool"]
    page = text(response)
    assert "2 bids" in page
    assert "Funded" in page and "Not funded at this stage" in page
    assert "Lead council Leeds City Council" in page
    assert "Partners Kent County Council" in page
    assert "Phase Alpha" in page
    assert "Amount asked for £150,000" in page
    assert "Service area Licences, permits and permissions" in page


def test_only_funded_bids_link_to_a_project_page(client):
    round_6 = published_round()
    yes = funded(round_6, title="Funded one")
    no = not_funded(round_6, title="Unfunded one")

    html = client.get("/fund/bids/").content.decode()

    assert f'href="/fund/projects/{yes.reference}/"' in html
    assert f'href="/fund/projects/{no.reference}/"' not in html


def test_bids_filter_by_round_phase_outcome_principle_and_service_area(client):
    round_6 = published_round(name="Round 6", slug="round-6")
    round_7 = published_round(
        name="Round 7", slug="round-7", opens_at=days(-50), closes_at=days(-40)
    )
    plumbing = Principle.objects.get(number=2)
    users = Principle.objects.get(number=1)
    health = ServiceArea.objects.get(slug="public-health")
    funded(round_6, title="Alpha in 6", phase=Phase.ALPHA, principles=[plumbing])
    not_funded(round_6, title="Discovery in 6", principles=[users, plumbing])
    funded(round_7, title="Health in 7", service_area=health, principles=[users])

    def titles(**params):
        return sorted(listed_titles(client.get("/fund/bids/", params)))

    assert titles(round="round-6") == ["Alpha in 6", "Discovery in 6"]
    assert titles(phase="alpha") == ["Alpha in 6"]
    assert titles(outcome="not_funded") == ["Discovery in 6"]
    assert titles(principle="fix-the-plumbing") == ["Alpha in 6", "Discovery in 6"]
    assert titles(service_area="public-health") == ["Health in 7"]
    assert titles(round=["round-6", "round-7"], outcome="funded") == ["Alpha in 6", "Health in 7"]
    assert titles(round="round-7", phase="alpha") == []
    assert titles(q="health") == ["Health in 7"]
    nothing = client.get("/fund/bids/", {"round": "round-7", "phase": "alpha"})
    assert "No bid matches your search and filters" in text(nothing)


def test_bids_filters_keep_choices_and_ignore_unknown_values(client):
    round_6 = published_round(name="Round 6", slug="round-6")
    funded(round_6, title="Alpha in 6", phase=Phase.ALPHA)

    response = client.get(
        "/fund/bids/",
        {"round": ["round-6", "no-such-round"], "phase": "gamma", "outcome": "draft", "page": "x"},
    )

    assert response.status_code == 200
    assert listed_titles(response) == ["Alpha in 6"]
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="round"[^>]*value="round-6"[^>]*checked', html)
    assert "no-such-round" not in html


def test_bids_filters_offer_only_published_rounds_and_service_areas_with_bids(client):
    funded(published_round(name="Round 6", slug="round-6"))
    open_round(name="Round 9", slug="round-9")

    html = client.get("/fund/bids/").content.decode()

    assert 'value="round-6"' in html
    assert 'value="round-9"' not in html
    assert 'value="licences-permits-and-permissions"' in html
    assert 'value="public-health"' not in html


def test_bids_sort_by_amount_and_lead(client):
    round_6 = published_round()
    funded(round_6, title="Small", amount=10_000, lead=signed_council(name="B Council"))
    funded(round_6, title="Large", amount=99_000, lead=signed_council(name="C Council"))
    not_funded(round_6, title="Middle", amount=50_000, lead=signed_council(name="A Council"))

    assert listed_titles(client.get("/fund/bids/", {"sort": "-amount"})) == [
        "Large",
        "Middle",
        "Small",
    ]
    assert listed_titles(client.get("/fund/bids/", {"sort": "lead"})) == [
        "Middle",
        "Small",
        "Large",
    ]


def test_bids_list_is_paginated_and_pages_keep_the_filters(client):
    round_6 = published_round(slug="round-6")
    partners = [signed_council(), signed_council()]
    for number in range(PAGE_SIZE + 1):
        funded(round_6, title=f"Bid {number:02d}", partners=partners)

    first = client.get("/fund/bids/", {"round": "round-6"})
    second = client.get("/fund/bids/", {"round": "round-6", "page": "2"})

    assert len(listed_titles(first)) == PAGE_SIZE
    assert listed_titles(second) == [f"Bid {PAGE_SIZE:02d}"]
    assert "?round=round-6&amp;sort=round&amp;page=2" in first.content.decode()
    assert "(page 2 of 2)" in second.content.decode()


def test_bids_list_with_no_published_round_says_so(client):
    open_round()

    response = client.get("/fund/bids/")

    assert response.status_code == 200
    assert "No round's decisions have been published yet" in text(response)
