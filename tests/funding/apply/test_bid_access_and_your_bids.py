"""Who may see an officer's bid pages, and the list of their bids."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding import services
from funding.models import BidState
from signatories.models import SignUpState
from tests.factories import BidFactory, RoundFactory, SignUpFactory, decided_bid, signed_council
from tests.funding.apply.journey import (
    OFFICER,
    YOUR_BIDS,
    new_draft,
    sign_in,
)
from tests.govuk_pages import text

pytestmark = pytest.mark.django_db
COLLEAGUE = "sam.jones@testshire.gov.uk"


# Who may see what --------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/fund/apply/",
        "/fund/apply/bids/{pk}/",
        "/fund/apply/bids/{pk}/check-your-answers/",
        "/fund/apply/bids/{pk}/submitted/",
        "/fund/apply/bids/{pk}/withdraw/",
    ],
)
def test_visitors_who_are_not_signed_in_are_sent_to_sign_in(client, round_, council, path):
    bid = BidFactory(round=round_, lead=council)

    response = client.get(path.format(pk=bid.pk))

    assert response.status_code == 302
    assert response["Location"].startswith("/fund/apply/sign-in/?next=")


@pytest.mark.parametrize(
    "path",
    [
        "/fund/apply/bids/{pk}/",
        "/fund/apply/bids/{pk}/check-your-answers/",
        "/fund/apply/bids/{pk}/submitted/",
        "/fund/apply/bids/{pk}/withdraw/",
    ],
)
def test_another_organisations_officer_gets_not_found(client, round_, council, path):
    bid = BidFactory(round=round_, lead=council)
    signed_council(name="Otherton Borough Council", email_domains="otherton.gov.uk")
    sign_in(client, "nosy@otherton.gov.uk")

    assert client.get(path.format(pk=bid.pk)).status_code == 404
    assert client.post(path.format(pk=bid.pk)).status_code in (404, 405)
    bid.refresh_from_db()
    assert bid.state == BidState.DRAFT


def test_an_unknown_bid_is_not_found(officer):
    assert officer.get("/fund/apply/bids/999999/").status_code == 404


def test_other_officers_of_the_lead_see_and_carry_on_with_the_same_draft(client, round_, council):
    bid = new_draft(round_, council, email=OFFICER)
    sign_in(client, COLLEAGUE)

    response = client.get(f"/fund/apply/bids/{bid.pk}/")

    assert response.status_code == 200
    assert f"Signed in as {COLLEAGUE}" in text(response)
    assert "Other officers of Testshire County Council who sign in can see and change" in text(
        response
    )
    assert "Untitled bid" in text(client.get(YOUR_BIDS))


# Your bids -----------------------------------------------------------------------


def test_your_bids_lists_drafts_submitted_and_withdrawn_bids_and_open_rounds(
    officer, round_, council
):
    draft = BidFactory(round=round_, lead=council, title="Draft about bins")
    sent = decided_bid(state=BidState.SUBMITTED, round=round_, lead=council, title="Sent one")
    withdrawn = decided_bid(state=BidState.WITHDRAWN, round=round_, lead=council, title="Gone one")
    deleted = BidFactory(round=round_, lead=council, title="Deleted draft")
    services.bid_withdraw(bid=deleted, email=OFFICER)
    BidFactory(round=round_, title="Another council's bid")

    response = officer.get(YOUR_BIDS)

    assert response.status_code == 200
    page = text(response)
    html = response.content.decode()
    assert "You can bid for Testshire County Council" in page
    assert f'href="/fund/apply/bids/{draft.pk}/">Draft about bins</a>' in html
    assert f"{sent.reference} Sent one Round 7 Submitted" in page
    assert f"{withdrawn.reference} Gone one Round 7" in page
    assert "Deleted draft" not in page
    assert "Another council's bid" not in page
    assert 'href="/fund/apply/round-7/">Start a bid to Round 7</a>' in html


def test_an_address_we_cannot_match_is_told_what_to_do(client, round_):
    sign_in(client, "someone@nowhere.example")

    response = client.get(YOUR_BIDS)

    page = text(response)
    assert "Your email address does not belong to an organisation that can bid" in page
    assert "We do not know which organisation email addresses at nowhere.example belong to" in page
    assert "sign in with another address" in page
    assert "Start a bid" not in page


def test_an_organisation_still_signing_is_named_and_told_why(client, round_):
    SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation__name="Unsigned District Council",
        organisation__email_domains="unsigned.gov.uk",
    )
    sign_in(client, "officer@unsigned.gov.uk")

    page = text(client.get(YOUR_BIDS))

    assert (
        "officer@unsigned.gov.uk belongs to Unsigned District Council, which has not finished "
        "signing the Local Digital Declaration"
    ) in page


def test_your_bids_runs_the_same_queries_whatever_the_number_of_bids(
    officer, round_, council, django_assert_num_queries
):
    BidFactory(round=round_, lead=council)
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    with CaptureQueriesContext(connection) as few:
        assert officer.get(YOUR_BIDS).status_code == 200

    for _ in range(5):
        BidFactory(round=round_, lead=council)
    decided_bid(state=BidState.SUBMITTED, round=round_, lead=council)
    RoundFactory()

    with django_assert_num_queries(len(few)):
        assert officer.get(YOUR_BIDS).status_code == 200
