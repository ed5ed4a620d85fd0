"""The fund's public pages in Chromium: accessible with and without JavaScript, usable by keyboard."""

import datetime
import re

import pytest
from django.utils import timezone

from declaration.models import ServiceArea
from funding.models import BidState, GrantPayment, LinkKind, Phase, ProjectLink
from tests.factories import FundFactory, RoundFactory, decided_bid, signed_council
from tests.funding.expressions import published_expression

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def days(n: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=n)


@pytest.fixture
def fund():
    """A fund with a round open, one to come and one decided, and councils that match."""
    fund = FundFactory(description="Money for councils that **work together** on digital.")
    # Prefixes given, as Round 6's is: the factory's numbering could reach R6.
    RoundFactory(
        fund=fund,
        name="Round 7",
        slug="round-7",
        reference_prefix="R7",
        opens_at=days(-5),
        closes_at=days(30),
    )
    RoundFactory(
        fund=fund,
        name="Round 8",
        slug="round-8",
        reference_prefix="R8",
        opens_at=days(60),
        closes_at=days(90),
    )
    decided = RoundFactory(
        fund=fund,
        name="Round 6",
        slug="round-6",
        reference_prefix="R6",
        opens_at=days(-200),
        closes_at=days(-150),
        expressions_open_at=days(-260),
        expressions_close_at=days(-230),
        results_published=True,
        scoring_guide="4 means excellent.",
    )
    lead = signed_council(name="Leeds City Council")
    partners = [signed_council(name="Kent County Council"), signed_council(name="Bury Council")]
    project = decided_bid(
        state=BidState.FUNDED,
        round=decided,
        title="Shared case tool",
        lead=lead,
        partners=partners,
        phase=Phase.ALPHA,
        amount=180_000,
        # Awarded less than it asked, and paid part of it so far.
        amount_awarded=160_000,
        grant_agreed_on=datetime.date(2022, 4, 1),
    )
    GrantPayment.objects.create(bid=project, paid_on=datetime.date(2022, 4, 20), amount=80_000)
    published_expression(
        decided, state="invited", number=1, title="Shared case tool", lead=lead, partners=partners
    )
    published_expression(decided, state="declined", number=2, title="Bin collection alerts")
    ProjectLink.objects.create(
        bid=project, kind=LinkKind.OUTPUT, title="The code", url="https://example.org/code"
    )
    ProjectLink.objects.create(
        bid=project, kind=LinkKind.SPRINT_NOTE, title="Sprint 1", url="https://example.org/s1"
    )
    decided_bid(
        state=BidState.NOT_FUNDED,
        round=decided,
        title="Parking permits",
        service_area=ServiceArea.objects.get(slug="parking-roads-and-transport"),
        phase=Phase.DISCOVERY,
        amount=60_000,
    )
    return project


@pytest.fixture
def your_council(fund):
    """A council whose commitment shares a principle with the others'."""
    return signed_council(name="Your Council")


# (address, the page's main heading, the status it answers with)
PAGES = [
    ("/fund/", "Local Digital Fund", 200),
    ("/fund/round-7/", "Round 7", 200),
    ("/fund/round-8/", "Round 8", 200),
    ("/fund/round-6/", "Round 6", 200),
    ("/fund/bids/", "Bids to the fund", 200),
    ("/fund/bids/?outcome=funded&phase=alpha&sort=-amount", "Bids to the fund", 200),
    ("/fund/bids/?q=no+such+bid", "Bids to the fund", 200),
    ("/fund/projects/", "Funded projects", 200),
    ("/fund/round-6/expressions/", "Expressions of interest", 200),
    ("/fund/projects/R6-0001/", "Shared case tool", 200),
    ("/fund/partners/", "Find partner councils", 200),
    ("/fund/partners/?organisation=your-council", "Find partner councils", 200),
    ("/fund/partners/?organisation=", "Find partner councils", 200),
    ("/fund/partners/?q=council", "Find partner councils", 200),
    ("/fund/partners/?q=council&choosing=1", "Find partner councils", 200),
    ("/fund/partners/?q=atlantis", "Find partner councils", 200),
    ("/fund/no-such-round/", "Page not found", 404),
]


@pytest.mark.parametrize(("path", "heading", "status"), PAGES)
def test_fund_page_is_accessible_with_javascript(
    page, assert_accessible, your_council, path, heading, status
):
    response = page.goto(path)

    assert response.status == status
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)
    assert page.console_errors == [] or (
        status == 404 and all("404" in error for error in page.console_errors)
    )


@pytest.mark.parametrize(("path", "heading", "status"), PAGES)
def test_fund_page_works_and_is_accessible_without_javascript(
    page_without_js, assert_accessible, your_council, path, heading, status
):
    page = page_without_js
    response = page.goto(path)

    assert response.status == status
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)


def test_bid_filters_work_without_javascript(page_without_js, assert_accessible, fund):
    page = page_without_js
    page.goto("/fund/bids/")
    assert page.locator("#results-count").inner_text().startswith("2 bids")

    page.get_by_role("checkbox", name="Not funded at this stage").check()
    page.get_by_role("checkbox", name="Parking, roads and transport").check()
    page.get_by_role("button", name="Apply filters").click()

    assert page.locator("#results-count").inner_text().startswith("1 bid")
    assert page.locator("main h3").all_inner_texts() == ["Parking permits"]
    assert page.get_by_role("checkbox", name="Not funded at this stage").is_checked()
    assert_accessible(page)

    page.get_by_role("link", name="Clear search and filters").click()
    assert page.locator("#results-count").inner_text().startswith("2 bids")


def test_keyboard_user_filters_bids_by_round(page, fund):
    page.goto("/fund/bids/")
    page.get_by_label("Title, lead council or reference").focus()

    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.value") != "round-6":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.textContent.trim()") != "Apply filters":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.wait_for_url("**/fund/bids/?*round=round-6*")
    assert page.locator("#results-count").inner_text().startswith("2 bids")


def test_visitor_finds_partners_without_javascript(
    page_without_js, your_council, assert_accessible
):
    page = page_without_js
    page.goto("/fund/partners/")

    page.get_by_label("Your organisation").fill("your")
    page.locator("main").get_by_role("button", name="Search").click()
    assert_accessible(page)
    page.get_by_label("Your Council").check()
    page.get_by_role("button", name="Find partners").click()

    names = page.locator("main h3 a").all_inner_texts()
    assert "Leeds City Council" in names and "Your Council" not in names
    assert "Shares with yours" in page.locator("main").inner_text()


def test_visitor_goes_from_the_fund_to_a_project_and_its_outputs(page, fund):
    page.goto("/fund/")

    assert re.search(r"1\s+project funded", page.locator("main").inner_text())
    page.get_by_role("link", name="Funded projects").click()
    page.get_by_role("link", name="Shared case tool").click()

    assert page.locator("h1").inner_text() == "Shared case tool"
    summary = " ".join(page.locator(".govuk-summary-list").first.inner_text().split())
    assert "Amount awarded £160,000" in summary
    assert "Paid to date £80,000" in summary
    assert "Grant agreement signed 1 April 2022" in summary
    assert page.get_by_role("link", name="The code").get_attribute("href") == (
        "https://example.org/code"
    )
    page.get_by_role("link", name="Round 6").click()
    assert page.locator("h1").inner_text() == "Round 6"
    assert page.get_by_role("button", name="Start now").count() == 0


def test_open_round_has_a_start_button_to_the_bid_journey(page, fund):
    page.goto("/fund/round-7/")

    start = page.get_by_role("button", name="Start now")
    assert start.get_attribute("href") == "/fund/apply/round-7/"
