"""The partners section of a bid: which councils may be partners and how many."""

import re

import pytest

from funding import sections
from signatories.models import OrganisationType, SignUpState
from tests.factories import (
    BidFactory,
    OrganisationFactory,
    SignUpFactory,
    signed_council,
)
from tests.funding.apply.sections import (
    error_summary,
    fresh,
    officer_email,
    signed_in,
    status,
    text,
    url,
)

pytestmark = pytest.mark.django_db


# Partners --------------------------------------------------------------------


def partners_page(client, bid):
    return client.get(url(bid, "partners"))


def test_the_partners_page_says_the_minimum_and_offers_only_signed_councils(client_of, draft):
    signed = signed_council(name="Alphaton Borough Council")
    unsigned = SignUpFactory(
        state=SignUpState.AWAITING_REVIEW,
        organisation=OrganisationFactory(name="Betaville District Council"),
    ).organisation
    charity = signed_council(
        name="Gamma Housing Charity", organisation_type=OrganisationType.CHARITY
    )

    response = partners_page(client_of, draft)
    page = text(response)

    assert "needs at least 2 partner councils besides" in page
    options = re.findall(r'<option value="(\d+)"', response.content.decode())
    assert str(signed.pk) in options
    assert str(unsigned.pk) not in options
    assert str(charity.pk) not in options
    assert str(draft.lead.pk) not in options
    assert "You have not added any partner councils yet." in page


def test_partners_are_added_listed_and_removed(client_of, draft):
    first, second = signed_council(), signed_council()

    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": first.pk})

    assert response.status_code == 302
    assert response["Location"] == url(draft, "partners") + "#partners-added"
    page = partners_page(client_of, draft)
    assert f"{first.name} added as a partner council" in text(page)
    assert f"Remove {first.name}" in text(page)
    # A council already added is not offered again.
    assert f'<option value="{first.pk}"' not in page.content.decode()

    client_of.post(url(draft, "partners"), {"action": "add", "partner": second.pk})
    assert set(fresh(draft).partners.all()) == {first, second}

    response = client_of.post(url(draft, "partners"), {"action": "remove", "partner": first.pk})

    assert response.status_code == 302
    assert list(fresh(draft).partners.all()) == [second]
    assert f"{first.name} is no longer a partner of this bid" in text(
        partners_page(client_of, draft)
    )


def test_fewer_partners_than_the_minimum_cannot_be_complete(client_of, draft):
    client_of.post(url(draft, "partners"), {"action": "add", "partner": signed_council().pk})

    response = client_of.post(url(draft, "partners"), {"completed": "yes", "action": "save"})

    assert error_summary(response) == [("Add at least 2 partner councils", "partner")]
    assert 'id="partner-error"' in response.content.decode()
    assert status(draft, "partners") == sections.Status.IN_PROGRESS

    client_of.post(url(draft, "partners"), {"action": "add", "partner": signed_council().pk})
    response = client_of.post(url(draft, "partners"), {"completed": "yes", "action": "save"})

    assert response.status_code == 302
    assert status(draft, "partners") == sections.Status.COMPLETED


def test_the_lead_cannot_be_its_own_partner(client_of, draft):
    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": draft.lead.pk})

    assert error_summary(response) == [
        ("Choose a partner council other than the lead council", "partner")
    ]
    assert not fresh(draft).partners.exists()


@pytest.mark.parametrize("kind", ["not signed", "not a council", "unknown"])
def test_only_signed_councils_can_be_partners(client_of, draft, kind):
    if kind == "not signed":
        partner_id = SignUpFactory(state=SignUpState.AWAITING_REVIEW).organisation.pk
        message = "Choose a council that has signed the Local Digital Declaration"
    elif kind == "not a council":
        partner_id = signed_council(organisation_type=OrganisationType.CHARITY).pk
        message = "Choose a council that has signed the Local Digital Declaration"
    else:
        partner_id = 10**30
        message = "Select a council from the list"

    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": partner_id})

    assert error_summary(response) == [(message, "partner")]
    assert not fresh(draft).partners.exists()


def test_choosing_no_council_asks_for_one(client_of, draft):
    response = client_of.post(url(draft, "partners"), {"action": "add", "partner": ""})

    assert error_summary(response) == [("Select a partner council", "partner")]


def test_a_partner_that_is_no_longer_signed_is_marked(client_of):
    bid = BidFactory()
    partner = bid.partners.first()
    partner.sign_ups.update(state=SignUpState.REMOVED)
    client = signed_in(officer_email(bid))

    page = text(partners_page(client, bid))

    assert "Not a signed council" in page
