"""Signing the declaration in Chromium: an officer without JavaScript, an officer
with the keyboard alone, then the approver, as each of them would do it."""

import re

import pytest

from signatories.models import SignUp, SignUpState
from signatories.services import sign_up_approve
from tests.browser.steps import heading, link_from_last_email, tab_to
from tests.factories import OrganisationFactory, moderator_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def organisation():
    OrganisationFactory(name="Otherton Borough Council")
    return OrganisationFactory(name="Testshire District Council", email_domains="testshire.gov.uk")


def check_error_state(page, assert_accessible, message: str) -> None:
    """The page is accessible; sent empty, it shows the GOV.UK error pattern, still accessible."""
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile("^(Continue|Sign the declaration)")).click()
    assert page.title().startswith("Error: ")
    assert page.locator(".govuk-error-summary").get_by_role("link", name=message).is_visible()
    assert_accessible(page)


def test_officer_signs_up_without_javascript(page_without_js, assert_accessible, organisation):
    page = page_without_js
    page.goto("/declaration/")
    page.get_by_role("button", name="Sign the declaration").click()
    assert heading(page) == "Sign the Local Digital Declaration"
    assert_accessible(page)
    page.get_by_role("button", name="Start now").click()

    assert heading(page) == "Which organisation are you signing for?"
    check_error_state(
        page,
        assert_accessible,
        "Select your organisation, or choose ‘My organisation is not listed’",
    )
    page.get_by_label("Search for your organisation by name").fill("testshire")
    page.locator("main").get_by_role("button", name="Search").click()
    assert_accessible(page)
    check_error_state(
        page,
        assert_accessible,
        "Select your organisation, or choose ‘My organisation is not listed’",
    )
    page.get_by_label("Testshire District Council").check()
    page.get_by_role("button", name="Continue").click()

    assert heading(page).endswith("Your details")
    check_error_state(page, assert_accessible, "Enter your full name")
    page.get_by_label("Full name").fill(" Priya Shah ")
    page.get_by_label("Job title").fill("Head of Digital")
    page.get_by_label("Work email address").fill("priya.shah@testshire.gov.uk")
    page.get_by_role("button", name="Continue").click()

    assert heading(page).endswith("Who will sign for your organisation?")
    check_error_state(page, assert_accessible, "Enter the senior approver’s full name")
    page.get_by_label("Their full name").fill("Tom Evans")
    page.get_by_label("Their role").fill("Chief Executive")
    page.get_by_label("Their work email address").fill("tom.evans@testshire.gov.uk")
    page.get_by_role("button", name="Continue").click()

    assert heading(page).endswith("Your declaration project")
    check_error_state(page, assert_accessible, "Enter a title for your declaration project")
    page.get_by_label("Title").fill("Online licence renewals by March 2027")
    page.get_by_label("Partners (optional)").fill("Otherton Borough Council")
    page.get_by_label("Mission").fill("Replace paper renewal forms with an online service.")
    page.get_by_label("Impact").fill("Licence holders renew in minutes.")
    page.get_by_role("button", name="Continue").click()

    assert heading(page) == "Which principles does your project follow?"
    check_error_state(
        page, assert_accessible, "Select at least one principle your project puts into practice"
    )
    page.get_by_label("1. Design services around the needs of people").check()
    page.get_by_role("button", name="Continue").click()

    assert heading(page) == "Which service area is your project about?"
    check_error_state(page, assert_accessible, "Select the service area your project is about")
    page.get_by_label("Licences, permits and permissions").check()
    page.get_by_role("button", name="Continue").click()

    assert heading(page) == "Confirm you can submit this"
    check_error_state(
        page,
        assert_accessible,
        "Confirm that you have authority to submit this for your organisation",
    )
    page.get_by_label(re.compile("I have authority to submit")).check()
    page.get_by_role("button", name="Continue").click()

    assert heading(page) == "Check your answers before sending them"
    assert_accessible(page)
    assert "Priya Shah" in page.locator("main").inner_text()
    page.get_by_role("link", name="Change the project title").click()
    page.get_by_label("Title").fill("Online licence renewals by June 2027")
    page.get_by_role("button", name="Continue").click()
    assert heading(page) == "Check your answers before sending them"
    assert "Online licence renewals by June 2027" in page.locator("main").inner_text()
    page.get_by_role("button", name="Accept and send").click()

    assert heading(page) == "Check your email"
    reference = SignUp.objects.get().reference
    assert reference in page.locator(".govuk-panel").inner_text()
    assert_accessible(page)


def test_officer_signs_up_with_the_keyboard_alone_then_confirms_and_approver_signs(
    page, assert_accessible, organisation
):
    page.goto("/sign/")
    tab_to(page, "a.govuk-button--start")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/organisation/")
    # JavaScript has turned the list into an autocomplete, and hidden the search for browsers without it.
    autocomplete = page.locator("input#organisation.autocomplete__input")
    autocomplete.wait_for()
    assert page.locator(".app-organisation-search").is_hidden()
    assert_accessible(page)
    tab_to(page, "input#organisation")
    page.keyboard.type("Testsh")
    page.locator(".autocomplete__option", has_text="Testshire District Council").wait_for()
    assert page.locator(".autocomplete__option", has_text="Otherton").count() == 0
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    tab_to(page, "form[method=post] button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/your-details/")
    tab_to(page, "#officer_name")
    page.keyboard.type("Priya Shah")
    page.keyboard.press("Tab")
    page.keyboard.type("Head of Digital")
    page.keyboard.press("Tab")
    page.keyboard.type("priya.shah@testshire.gov.uk")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/senior-approver/")
    tab_to(page, "#approver_name")
    page.keyboard.type("Tom Evans")
    page.keyboard.press("Tab")
    page.keyboard.type("Chief Executive")
    page.keyboard.press("Tab")
    page.keyboard.type("tom.evans@testshire.gov.uk")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/project/")
    tab_to(page, "#title")
    page.keyboard.type("Online licence renewals by March 2027")
    for answer in ("", "Replace paper renewal forms.", "Licence holders renew in minutes."):
        page.keyboard.press("Tab")
        page.keyboard.type(answer)
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/principles/")
    tab_to(page, "#principles")
    page.keyboard.press("Space")
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/service-area/")
    tab_to(page, "#service_area")
    page.keyboard.press("Space")
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/authority/")
    tab_to(page, "#has_authority")
    page.keyboard.press("Space")
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/check-answers/")
    assert_accessible(page)
    assert "Testshire District Council" in page.locator("main").inner_text()
    # From the top of the page, Tab passes the header's search button first.
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")

    page.wait_for_url("**/sign/confirmation/")
    sign_up = SignUp.objects.get()
    assert sign_up.reference in page.locator(".govuk-panel").inner_text()
    assert sign_up.organisation == organisation
    assert [p.number for p in sign_up.commitment.principles.all()] == [1]

    # The officer opens the link in their email and presses the button.
    page.goto(link_from_last_email("priya.shah@testshire.gov.uk"))
    assert heading(page) == "Confirm your email address"
    assert_accessible(page)
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_CONFIRMATION
    tab_to(page, "main button.govuk-button")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sign/email-confirmed/")
    assert_accessible(page)
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.AWAITING_REVIEW

    # A moderator approves; the approver reads and signs.
    moderator = moderator_user()
    sign_up_approve(sign_up=sign_up, by=moderator)
    page.goto(link_from_last_email("tom.evans@testshire.gov.uk"))
    assert "Sign the Local Digital Declaration for Testshire District Council" in heading(page)
    assert "Online licence renewals by March 2027" in page.locator("main").inner_text()
    assert_accessible(page)
    tab_to(page, "#typed_name")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # sent empty
    assert page.title().startswith("Error: ")
    assert "Type your full name to sign" in page.locator(".govuk-error-summary").inner_text()
    assert_accessible(page)
    tab_to(page, "#typed_name")
    page.keyboard.type("Tom Evans")
    page.keyboard.press("Enter")
    page.wait_for_url("**/sign/signed/")
    assert_accessible(page)
    assert "Testshire District Council has signed" in page.locator(".govuk-panel").inner_text()
    sign_up.refresh_from_db()
    assert sign_up.state == SignUpState.SIGNED
    assert page.console_errors == []
