"""The signatory pages in Chromium: accessible with and without JavaScript, usable by keyboard."""

import pytest

from declaration.models import Principle
from localdigital.core.lists import PAGE_SIZE
from signatories.models import Nation, OrganisationType
from tests.factories import OrganisationFactory, SignUpFactory
from tests.signatories.signatory_pages import signed

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def signatories():
    """Enough signatories for a second page, of two types, and one removed."""
    fix_the_plumbing = Principle.objects.get(number=2)
    signed(
        "Kent County Council",
        organisation_type=OrganisationType.COUNTY,
        region="South East",
        commitment={"title": "Shared data platform", "principles": [fix_the_plumbing]},
    )
    signed(
        "City of Edinburgh Council",
        organisation_type=OrganisationType.SCOTTISH_UNITARY_AUTHORITY,
        nation=Nation.SCOTLAND,
        region="Scotland",
    )
    for number in range(PAGE_SIZE):
        signed(
            f"Testshire District {number:02d}",
            organisation_type=OrganisationType.NON_METROPOLITAN_DISTRICT,
            days_ago=number + 1,
        )
    SignUpFactory(organisation=OrganisationFactory(name="Removed Council"), state="removed")
    SignUpFactory(organisation=OrganisationFactory(name="Signing Council"))


# (address, the page's main heading, the status it answers with)
PAGES = [
    ("/", "Local Digital", 200),
    ("/signatories/", "Signatories", 200),
    ("/signatories/?type=county&sort=-signed", "Signatories", 200),
    ("/signatories/?q=no+such+council&nation=wales", "Signatories", 200),
    ("/signatories/kent-county-council/", "Kent County Council", 200),
    ("/signatories/removed-council/", "This organisation is no longer a signatory", 410),
    ("/declaration-projects/", "Declaration projects", 200),
    ("/declaration-projects/?principle=fix-the-plumbing", "Declaration projects", 200),
    ("/declaration-projects/?service_area=public-health&q=zzz", "Declaration projects", 200),
    ("/declaration/fix-the-plumbing/", "Fix the plumbing", 200),
    ("/coverage/", "Which councils have signed", 200),
    ("/open-data/", "Open data", 200),
]


@pytest.mark.parametrize(("path", "heading", "status"), PAGES)
def test_signatory_page_is_accessible_with_javascript(
    page, assert_accessible, signatories, path, heading, status
):
    response = page.goto(path)

    assert response.status == status
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)
    assert page.console_errors == [] or (
        status == 410 and all("410" in error for error in page.console_errors)
    )


@pytest.mark.parametrize(("path", "heading", "status"), PAGES)
def test_signatory_page_works_and_is_accessible_without_javascript(
    page_without_js, assert_accessible, signatories, path, heading, status
):
    page = page_without_js
    response = page.goto(path)

    assert response.status == status
    assert heading in page.locator("h1").inner_text()
    assert_accessible(page)


def test_keyboard_user_can_filter_signatories_by_type(page, signatories):
    page.goto("/signatories/")
    page.get_by_label("Organisation name").focus()

    # From the search box, Tab moves through the type checkboxes in order.
    page.keyboard.press("Tab")
    while page.evaluate("document.activeElement.value") != "county":
        page.keyboard.press("Tab")
    page.keyboard.press("Space")
    while page.evaluate("document.activeElement.textContent.trim()") != "Apply filters":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")

    page.wait_for_url("**/signatories/?*type=county*")
    assert page.locator("#results-count").inner_text().startswith("1 organisation")
    assert page.get_by_role("link", name="Kent County Council").is_visible()
    assert page.get_by_role("checkbox", name="County").is_checked()


def test_filters_work_without_javascript_and_the_next_page_keeps_them(page_without_js, signatories):
    page = page_without_js
    page.goto("/signatories/")

    page.get_by_role("checkbox", name="Non-metropolitan district").check()
    page.get_by_label("Sort by").select_option("-signed")
    page.get_by_role("button", name="Apply filters").click()

    assert page.locator("#results-count").inner_text().startswith(f"{PAGE_SIZE} organisations")
    first = page.locator("main h3 a").first.inner_text()
    assert first == "Testshire District 00", "the most recent signature first"
    assert page.get_by_role("navigation", name="Results pages").count() == 0
    assert page.get_by_role("link", name="Kent County Council").count() == 0


def test_visitor_follows_a_signatory_from_the_list_to_its_commitment(page, signatories):
    page.goto("/signatories/?page=2")

    page.get_by_role("link", name="Previous").click()
    page.get_by_role("link", name="Kent County Council").click()

    assert page.locator("h1").inner_text() == "Kent County Council"
    assert page.get_by_role("heading", name="Shared data platform").is_visible()
    page.get_by_role("link", name="2. 'Fix the plumbing'").click()
    assert page.get_by_role("link", name="Shared data platform").is_visible()


def test_coverage_chart_is_one_image_named_and_described(page, signatories):
    page.goto("/coverage/")

    chart = page.get_by_role("img", name="Councils signed, by region")
    assert chart.is_visible()
    description = chart.evaluate(
        "svg => svg.getAttribute('aria-labelledby').split(' ')"
        ".map(id => document.getElementById(id).textContent).join(' ')"
    )
    assert "Scotland: 1 of 1 (100%)" in description
    assert page.locator("svg[role=img] rect[fill='#1d70b8']").count() >= 2


def test_removed_and_signing_organisations_are_not_listed(page, signatories):
    page.goto("/signatories/?q=council")

    names = page.locator("main h3 a").all_inner_texts()
    assert names == ["City of Edinburgh Council", "Kent County Council"]
