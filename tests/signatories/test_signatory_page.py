"""A signatory's page: who signed, when and what they committed to; an
organisation that has not signed, or was removed, has none."""

import datetime

import pytest

from declaration.models import Principle, ServiceArea
from signatories.models import Nation, OrganisationType, SignUpState
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import listed_names, signed, text

pytestmark = pytest.mark.django_db


def test_signatory_page_shows_who_signed_when_and_the_commitment(client):
    principles = list(Principle.objects.filter(number__in=[1, 3]))
    sign_up = signed(
        "London Borough of Hackney",
        organisation_type=OrganisationType.LONDON_BOROUGH,
        region="London",
        commitment={
            "title": "Online parking permits by March 2027",
            "mission": "A permit service residents can use online.\nLive by March.",
            "impact": "Residents stop queuing at the town hall.",
            "partners": "Islington Council",
            "principles": principles,
            "service_area": ServiceArea.objects.get(slug="parking-roads-and-transport"),
        },
    )
    sign_up.signed_at = datetime.datetime(2025, 3, 4, 23, 30, tzinfo=datetime.UTC)
    sign_up.save()

    response = client.get("/signatories/london-borough-of-hackney/")

    page = text(response)
    assert response.status_code == 200
    assert "London Borough of Hackney" in page
    # 23:30 UTC on 4 March is 4 March in London too (no summer time yet).
    assert "Signed the Local Digital Declaration on 4 March 2025" in page
    assert "Signed by Tom Evans, Chief Executive" in page
    assert "London borough" in page and "London, England" in page
    assert "Online parking permits by March 2027" in page
    assert "A permit service residents can use online." in page and "Live by March." in page
    assert "Residents stop queuing at the town hall." in page
    assert "Islington Council" in page
    assert "1. Design services around the needs of people" in page
    assert "3. Use and share information safely" in page
    assert "Parking, roads and transport" in page


def test_signatory_page_shows_the_date_on_the_uk_calendar(client):
    sign_up = signed("Kent County Council")
    # 23:30 UTC on 1 July is 00:30 on 2 July in London.
    sign_up.signed_at = datetime.datetime(2025, 7, 1, 23, 30, tzinfo=datetime.UTC)
    sign_up.save()

    assert "Signed on 2 July 2025" in text(client.get("/signatories/kent-county-council/"))


def test_unknown_signatory_is_not_found(client):
    response = client.get("/signatories/no-such-council/")

    assert response.status_code == 404
    assert "Page not found" in text(response)


@pytest.mark.parametrize(
    "state",
    [
        SignUpState.AWAITING_CONFIRMATION,
        SignUpState.AWAITING_REVIEW,
        SignUpState.AWAITING_SIGN_OFF,
        SignUpState.REJECTED,
    ],
)
def test_organisation_that_has_not_signed_has_no_page(client, state):
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"), state=state)

    assert client.get("/signatories/signing-council/").status_code == 404


def test_removed_signatory_is_gone_with_a_govuk_page(client):
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    response = client.get("/signatories/removed-council/")

    assert response.status_code == 410
    assert "This organisation is no longer a signatory" in text(response)
    assert "govuk-phase-banner" in response.content.decode()
    assert "Removed Council" not in text(response)


def test_removed_organisation_that_is_signing_again_is_still_gone(client):
    organisation = OrganisationFactory(name="Returning Council")
    SignUpFactory(organisation=organisation, state=SignUpState.REMOVED)
    SignUpFactory(organisation=organisation, state=SignUpState.AWAITING_REVIEW)

    assert client.get("/signatories/returning-council/").status_code == 410


def test_removed_organisation_that_signed_again_has_its_page_back(client):
    organisation = OrganisationFactory(name="Returning Council", nation=Nation.ENGLAND)
    SignUpFactory(organisation=organisation, state=SignUpState.REMOVED)
    SignUpFactory(organisation=organisation, state=SignUpState.SIGNED)

    response = client.get("/signatories/returning-council/")

    assert response.status_code == 200
    assert "Returning Council" in text(response)


def test_removed_signatory_leaves_the_lists(client):
    signed("Kent County Council")
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    assert listed_names(client.get("/signatories/")) == ["Kent County Council"]
    assert "Removed Council" not in text(client.get("/declaration-projects/"))
    assert "Removed Council" not in text(client.get("/"))
