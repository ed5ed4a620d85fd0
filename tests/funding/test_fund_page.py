"""The fund's own page, its totals on the home page, and the fund's pages in
the sitemap."""

import datetime
import re

import pytest

from funding.models import Fund
from tests.factories import BidFactory, FundFactory, RoundFactory, signed_council
from tests.funding.fund_pages import (
    UK,
    funded,
    future_round,
    not_funded,
    open_round,
    published_round,
    text,
)
from tests.localdigital.pages.sitemap_reading import whole_sitemap

pytestmark = pytest.mark.django_db


def test_fund_page_describes_the_fund_and_lists_its_rounds_in_uk_time(client):
    fund = FundFactory(description="Money for councils that **work together**.")
    published_round(
        fund=fund,
        name="Round 6",
        slug="round-6",
        opens_at=datetime.datetime(2022, 10, 13, 9, 0, tzinfo=UK),
        closes_at=datetime.datetime(2022, 11, 24, 12, 0, tzinfo=UK),
    )
    open_round(fund=fund, name="Round 7", slug="round-7")
    future_round(fund=fund, name="Round 8", slug="round-8")

    response = client.get("/fund/")

    assert response.status_code == 200
    page = text(response)
    assert "<strong>work together</strong>" in response.content.decode()
    assert re.search(r"Round 8 Opens soon .* Round 7 Open .* Round 6 Closed", page)
    assert "Opened 13 October 2022 at 9am and closed 24 November 2022 at midday (UK time)" in page
    assert 'href="/fund/round-6/"' in response.content.decode()
    for path in ("/fund/bids/", "/fund/projects/", "/fund/partners/", "/open-data/#fund-projects"):
        assert f'href="{path}"' in response.content.decode()


def test_fund_totals_count_published_funded_projects_their_money_and_councils(client):
    shared_partner = signed_council()
    round_6 = published_round()
    funded(round_6, amount=90_000, partners=[shared_partner, signed_council()])
    funded(round_6, amount=150_000, partners=[shared_partner, signed_council()])
    not_funded(round_6, amount=300_000)
    # Not counted: decisions not yet public, and a draft.
    funded(RoundFactory(results_published=False), amount=99_000)
    BidFactory(round=round_6)

    page = text(client.get("/fund/"))

    assert "2 projects funded" in page
    assert "£240,000 awarded in all" in page
    # Two leads and three partners, one of them in both projects.
    assert "5 councils leading or partnering a funded project" in page


def test_fund_page_shows_only_the_first_fund_by_name_and_its_own_totals(client):
    first = FundFactory(name="A Local Digital Fund", slug="a-fund")
    other = FundFactory(name="Zebra Fund", slug="zebra-fund")
    funded(published_round(fund=first, name="Round A"), amount=10_000)
    funded(published_round(fund=other, name="Round Z"), amount=20_000)

    page = text(client.get("/fund/"))

    assert "A Local Digital Fund" in page and "Round A" in page
    assert "Round Z" not in page
    assert "£10,000 awarded" in page


def test_fund_page_without_a_fund_still_explains_itself(client):
    assert not Fund.objects.exists()

    response = client.get("/fund/")

    assert response.status_code == 200
    page = text(response)
    assert "Local Digital Fund" in page
    assert "No round has been announced yet" in page
    assert "0 projects funded" in page and "£0 awarded" in page


def test_fund_page_is_in_the_fund_section_of_the_navigation(client):
    html = client.get("/fund/").content.decode()

    active = re.search(
        r'<li class="govuk-service-navigation__item govuk-service-navigation__item--active">'
        r"\s*<a[^>]*>\s*(?:<strong[^>]*>)?\s*([^<]+?)\s*<",
        html,
    )
    assert active and active.group(1) == "Local Digital Fund"


def test_home_page_shows_the_fund_totals(client):
    round_6 = published_round()
    funded(round_6, amount=90_000)
    funded(round_6, amount=2_016_325 - 90_000)
    not_funded(round_6)

    response = client.get("/")

    page = text(response)
    assert "2 projects have been funded by the Local Digital Fund" in page
    assert "£2,016,325 awarded to them in all" in page
    assert 'href="/fund/"' in response.content.decode()


def test_sitemap_lists_the_fund_pages_rounds_and_projects(client):
    bid = funded(published_round(slug="round-6"))
    not_funded(bid.round)

    body = whole_sitemap(client)

    for path in ("/fund/", "/fund/bids/", "/fund/projects/", "/fund/partners/", "/fund/round-6/"):
        assert f"<loc>http://testserver{path}</loc>" in body
    assert f"<loc>http://testserver/fund/projects/{bid.reference}/</loc>" in body
    assert body.count("/fund/projects/R") == 1
