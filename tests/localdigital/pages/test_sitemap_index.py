"""The sitemap is an index of sections, each served in bounded pages, so no
response lists tens of thousands of addresses and every page costs the same
few queries however far in it is."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.sitemaps import FundedProjectSitemap
from localdigital.pages.sitemaps import SignatorySitemap
from tests.factories import OrganisationFactory, SignUpFactory
from tests.localdigital.pages.sitemap_reading import section_addresses, whole_sitemap
from tests.signatories.signatory_pages import signed

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_pages(monkeypatch):
    """Pages of three addresses, so a handful of signatories fills several."""
    monkeypatch.setattr(SignatorySitemap, "limit", 3)
    monkeypatch.setattr(FundedProjectSitemap, "limit", 3)


def addresses(body: str) -> list[str]:
    return re.findall(r"<loc>([^<]+)</loc>", body)


def test_the_index_lists_every_section_and_each_of_its_pages_at_site_url(
    client, settings, small_pages
):
    settings.SITE_URL = "https://localdigital.example.gov.uk"
    sign_ups = [signed(f"Council {number}") for number in range(7)]
    last_page = -(-max(sign_up.pk for sign_up in sign_ups) // 3)

    listed = section_addresses(client)

    site = "https://localdigital.example.gov.uk"
    for section in ("pages", "principles", "signatories", "fund-rounds", "fund-projects"):
        assert f"{site}/sitemap-{section}.xml" in listed
    assert f"{site}/sitemap-signatories.xml?p={last_page}" in listed
    assert f"{site}/sitemap-signatories.xml?p={last_page + 1}" not in listed


def test_the_pages_together_list_each_signatory_once_and_no_removed_one(client, small_pages):
    for number in range(7):
        signed(f"Council {number}")
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")

    listed = addresses(whole_sitemap(client))

    for number in range(7):
        assert listed.count(f"http://testserver/signatories/council-{number}/") == 1
    assert "http://testserver/sign/" in listed
    assert not any("removed-council" in address for address in listed)


def test_no_page_of_a_section_holds_more_than_its_limit_or_costs_more_queries(client, small_pages):
    for number in range(10):
        signed(f"Council {number}")
    pages = [a for a in section_addresses(client) if "sitemap-signatories" in a]
    assert len(pages) >= 4

    queries_per_page = set()
    for address in pages:
        query = address.partition("?")[2]
        with CaptureQueriesContext(connection) as queries:
            response = client.get(
                "/sitemap-signatories.xml", dict([query.split("=")]) if query else {}
            )
        assert response.status_code == 200
        listed = len(addresses(response.content.decode()))
        assert listed <= 3
        # A page whose range of keys holds no signatory (the keys of earlier
        # tests' rows) needs no second query; every other page needs the same.
        if listed:
            queries_per_page.add(len(queries.captured_queries))
    assert len(queries_per_page) == 1


@pytest.mark.parametrize(
    "path",
    ["/sitemap-signatories.xml?p=999", "/sitemap-signatories.xml?p=two", "/sitemap-nothing.xml"],
)
def test_a_page_or_section_that_does_not_exist_is_not_found(client, path):
    assert client.get(path).status_code == 404
