"""Stories of a sign-up, told through the browser by the people in them.

An officer signs up in one browser, a moderator decides in Django's admin in
another, and the senior approver signs in a third; then anyone can see the
result on the public pages and in the open data. The links each person opens
come from the emails the site sent them.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from tests.browser.steps import (
    MODERATOR_PASSWORD,
    approver_signs,
    assert_signed,
    emails_to,
    follow_link,
    heading,
    last_email_to,
    link_from_last_email,
    main_text,
    moderator_approves,
    moderator_opens,
    moderator_rejects,
    moderator_requests_changes,
    moderator_signs_in,
    officer_confirms_email,
    officer_signs_up,
    press_button,
    tab_to,
)
from tests.factories import OrganisationFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

ORGANISATION = "Testshire District Council"
OFFICER_EMAIL = "priya.shah@testshire.gov.uk"
APPROVER_EMAIL = "tom.evans@testshire.gov.uk"


@pytest.fixture
def organisation():
    OrganisationFactory(name="Otherton Borough Council")
    return OrganisationFactory(name=ORGANISATION, email_domains="testshire.gov.uk")


@pytest.fixture
def moderator():
    """A member of staff in the Moderators group, as the site's admins would set one up."""
    user = get_user_model().objects.create_user(
        "moderator",
        email="moderator@communities.gov.uk",
        password=MODERATOR_PASSWORD,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def the_public_sees_the_signatory(
    page, assert_accessible, *, organisation: str, slug: str, title: str
) -> None:
    """The organisation is in the list and has its own page, and the open data has it,
    with its commitment, but never the email addresses of the people who signed it up."""
    page.goto("/signatories/")
    assert heading(page) == "Signatories"
    assert_accessible(page)
    follow_link(page, organisation)
    assert page.url.endswith(f"/signatories/{slug}/")
    assert heading(page) == organisation
    assert title in main_text(page)
    assert_accessible(page)

    csv = page.request.get("/signatories.csv")
    assert csv.status == 200
    assert organisation in csv.text()
    assert title in csv.text()
    data = page.request.get("/signatories.json")
    assert data.status == 200
    rows = [row for row in data.json()["results"] if row["name"] == organisation]
    assert [row["commitment_title"] for row in rows] == [title]
    for published in (csv.text(), data.text()):
        assert OFFICER_EMAIL not in published
        assert APPROVER_EMAIL not in published
        assert "@testshire.gov.uk" not in published


def test_the_whole_story_from_sign_up_to_the_public_register(
    page_without_js, new_browser, assert_accessible, organisation, moderator
):
    # The officer has no JavaScript, so every page they use works without it.
    officer = page_without_js
    reference = officer_signs_up(
        officer,
        assert_accessible,
        organisation=ORGANISATION,
        search="testshire",
        email=OFFICER_EMAIL,
        approver_email=APPROVER_EMAIL,
        title="Online licence renewals by March 2027",
    )
    officer_confirms_email(officer, assert_accessible, email=OFFICER_EMAIL, reference=reference)

    moderator_browser = new_browser()
    moderator_signs_in(moderator_browser)
    moderator_approves(moderator_browser, reference)
    assert last_email_to(APPROVER_EMAIL).subject == (
        f"Sign the Local Digital Declaration for {ORGANISATION} – reference {reference}"
    )
    # Not public yet: approved is not signed.
    assert officer.goto(f"/signatories/{organisation.slug}/").status == 404

    approver = new_browser()
    approver.goto(link_from_last_email(APPROVER_EMAIL))
    assert heading(approver) == f"Sign the Local Digital Declaration for {ORGANISATION}"
    assert reference in main_text(approver)
    assert "Online licence renewals by March 2027" in main_text(approver)
    assert_accessible(approver)
    # The approver signs with the keyboard alone.
    tab_to(approver, "#typed_name")
    approver.keyboard.type("Tom Evans")
    approver.keyboard.press("Tab")
    assert approver.evaluate("document.activeElement.textContent.trim()") == (
        "Sign the declaration"
    )
    with approver.expect_navigation():
        approver.keyboard.press("Space")
    assert_signed(approver, assert_accessible, organisation=ORGANISATION)

    for person in (OFFICER_EMAIL, APPROVER_EMAIL):
        assert last_email_to(person).subject == (
            f"{ORGANISATION} has signed the Local Digital Declaration – reference {reference}"
        )
    moderator_opens(moderator_browser, reference, state="Signed")

    the_public_sees_the_signatory(
        new_browser(),
        assert_accessible,
        organisation=ORGANISATION,
        slug=organisation.slug,
        title="Online licence renewals by March 2027",
    )
    assert approver.console_errors == []
    # Django's admin links no icon, so the browser's guess at /favicon.ico is
    # not found there; what matters is that our policy blocked none of its scripts.
    assert not [e for e in moderator_browser.console_errors if "Content Security Policy" in e]


def test_changes_requested_then_resubmitted_then_signed(
    page, new_browser, assert_accessible, organisation, moderator
):
    officer = page
    reference = officer_signs_up(
        officer,
        assert_accessible,
        organisation=ORGANISATION,
        search="Testsh",
        email=OFFICER_EMAIL,
        approver_email=APPROVER_EMAIL,
        title="Better online services",
    )
    officer_confirms_email(officer, assert_accessible, email=OFFICER_EMAIL, reference=reference)

    moderator_browser = new_browser()
    moderator_signs_in(moderator_browser)
    advice = "Name the service and give a date by which it will be delivered."
    moderator_requests_changes(moderator_browser, reference, advice=advice)

    email = last_email_to(OFFICER_EMAIL)
    assert email.subject == f"Your sign-up needs changes – reference {reference}"
    assert advice in email.body
    assert emails_to(APPROVER_EMAIL) == []

    officer.goto(link_from_last_email(OFFICER_EMAIL))
    assert heading(officer) == "Check your answers before sending them"
    assert advice in officer.locator(".govuk-inset-text").inner_text()
    assert reference in officer.locator(".govuk-inset-text").inner_text()
    assert_accessible(officer)
    follow_link(officer, "Change the project title")
    assert heading(officer).endswith("Your declaration project")
    officer.get_by_label("Title").fill("Online licence renewals by March 2027")
    press_button(officer, "Continue")
    assert heading(officer) == "Check your answers before sending them"
    assert "Online licence renewals by March 2027" in main_text(officer)
    assert "Better online services" not in main_text(officer)
    press_button(officer, "Send your changes")
    assert heading(officer) == "Changes sent"
    assert reference in officer.locator(".govuk-panel").inner_text()
    assert_accessible(officer)

    # Back in the moderator's queue, with the new title.
    moderator_opens(moderator_browser, reference, state="Awaiting review")
    commitment = moderator_browser.locator(".inline-group", has_text="commitment").first
    assert "Online licence renewals by March 2027" in commitment.inner_text()
    assert "Better online services" not in commitment.inner_text()
    moderator_approves(moderator_browser, reference)

    approver = new_browser()
    approver_signs(
        approver,
        assert_accessible,
        link_from_last_email(APPROVER_EMAIL),
        organisation=ORGANISATION,
        name="Tom Evans",
        title="Online licence renewals by March 2027",
    )

    the_public_sees_the_signatory(
        officer,
        assert_accessible,
        organisation=ORGANISATION,
        slug=organisation.slug,
        title="Online licence renewals by March 2027",
    )
    assert "Better online services" not in officer.request.get("/signatories.csv").text()
    assert officer.console_errors == []
    assert approver.console_errors == []


def test_rejected_sign_up_never_appears_publicly(
    page, new_browser, assert_accessible, organisation, moderator
):
    officer = page
    reference = officer_signs_up(
        officer,
        assert_accessible,
        organisation=ORGANISATION,
        search="Testsh",
        email=OFFICER_EMAIL,
        approver_email=APPROVER_EMAIL,
        title="Buy a new case management system",
    )
    officer_confirms_email(officer, assert_accessible, email=OFFICER_EMAIL, reference=reference)

    moderator_browser = new_browser()
    moderator_signs_in(moderator_browser)
    reason = "The commitment could not be delivered within a year"
    note = "A smaller first step, such as one service, would be welcome."
    moderator_rejects(moderator_browser, reference, reason=reason, note=note)

    email = last_email_to(OFFICER_EMAIL)
    assert email.subject == f"Your sign-up has not been accepted – reference {reference}"
    assert f"The reason is: {reason}" in email.body
    assert note in email.body
    assert emails_to(APPROVER_EMAIL) == []

    # Nowhere on the public pages, nor in the open data.
    anyone = new_browser()
    anyone.goto("/signatories/")
    assert heading(anyone) == "Signatories"
    assert anyone.get_by_role("link", name=ORGANISATION).count() == 0
    assert_accessible(anyone)
    response = anyone.goto(f"/signatories/{organisation.slug}/")
    assert response.status == 404
    assert heading(anyone) == "Page not found"
    assert_accessible(anyone)
    for path in ("/signatories.csv", "/signatories.json"):
        published = anyone.request.get(path).text()
        assert ORGANISATION not in published
        assert "Buy a new case management system" not in published

    # The organisation may try again, with a new sign-up and a new reference.
    again = officer_signs_up(
        officer,
        assert_accessible,
        organisation=ORGANISATION,
        search="Testsh",
        email=OFFICER_EMAIL,
        approver_email=APPROVER_EMAIL,
        title="Online licence renewals by March 2027",
        check_accessibility=False,
    )
    assert again != reference
    assert last_email_to(OFFICER_EMAIL).subject == (
        f"Confirm your email address – reference {again}"
    )
    moderator_opens(moderator_browser, reference, state="Rejected")
    assert officer.console_errors == []
