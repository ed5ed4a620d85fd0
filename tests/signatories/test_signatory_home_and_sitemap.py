"""Signatories on the home page and in the sitemap."""

import re

import pytest

from tests.factories import OrganisationFactory, SignUpFactory
from tests.localdigital.pages.sitemap_reading import whole_sitemap
from tests.signatories.signatory_pages import signed, text

pytestmark = pytest.mark.django_db


def test_home_page_counts_signatories_and_links_the_five_latest(client):
    for number in range(7):
        signed(f"Council {number}", days_ago=number)
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))

    response = client.get("/")

    page = text(response)
    html = response.content.decode()
    assert "7 organisations have signed the declaration" in page
    assert "7 projects have been committed to" in page
    latest = re.findall(
        r'<a class="govuk-link" href="(/signatories/[^"]+)">([^<]+)</a>, signed', html
    )
    assert [name for _, name in latest] == [f"Council {n}" for n in range(5)]
    assert latest[0][0] == "/signatories/council-0/"
    assert "Signing Council" not in page


def test_sitemap_lists_the_signatory_pages_and_their_lists(client):
    signed("Kent County Council")
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    body = whole_sitemap(client)

    assert "<loc>http://testserver/signatories/kent-county-council/</loc>" in body
    assert "removed-council" not in body
    for path in ("/signatories/", "/declaration-projects/", "/coverage/", "/open-data/"):
        assert f"<loc>http://testserver{path}</loc>" in body
