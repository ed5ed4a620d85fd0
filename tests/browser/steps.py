"""What the people in our browser tests do and see, shared by the journey and story tests.

Each step acts through the browser, as the person would; the only shortcut is
reading the emails the site sent, from Django's test outbox (the live server
runs in a thread of the test's process, and sends them when its change commits).
"""

import re

from django.contrib.auth import get_user_model
from django.core import mail

from tests.staff import authenticator_of, current_code

MODERATOR_PASSWORD = "a long moderator passphrase"


# Reading pages and emails


def heading(page) -> str:
    return page.locator("h1, .govuk-panel__title, legend h1").first.inner_text()


def main_text(page) -> str:
    return page.locator("main").inner_text()


def emails_to(address: str) -> list:
    return [message for message in mail.outbox if message.to == [address]]


def last_email_to(address: str):
    emails = emails_to(address)
    assert emails, f"No email was sent to {address}"
    return emails[-1]


def link_from_last_email(to: str) -> str:
    email = last_email_to(to)
    return re.search(r"https?://[^/\s]+(/sign/\S+)", email.body)[1]


def tab_to(page, selector: str, *, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement?.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


def press_button(page, name, *, within=None) -> None:
    """Press a button that sends a form, and wait for the page it leads to."""
    with page.expect_navigation():
        (within or page).get_by_role("button", name=name).click()


def follow_link(page, name, *, within=None) -> None:
    with page.expect_navigation():
        (within or page).get_by_role("link", name=name).click()


# The officer


def _not_checked(page) -> None:
    pass


def officer_signs_up(
    page,
    assert_accessible,
    *,
    organisation: str,
    search: str,
    name: str = "Priya Shah",
    email: str,
    approver_name: str = "Tom Evans",
    approver_email: str,
    title: str,
    check_accessibility: bool = True,
) -> str:
    """Answer every question, send the answers, and return the reference shown.

    With JavaScript the organisation is chosen from the autocomplete; without
    it, from the radios that a search shows. The pages are checked with axe
    unless the test has already checked them (axe takes a while on each page).
    """
    if not check_accessibility:
        assert_accessible = _not_checked
    page.goto("/declaration/")
    press_button(page, "Sign the declaration")
    assert heading(page) == "Sign the Local Digital Declaration"
    assert_accessible(page)
    press_button(page, "Start now")

    assert heading(page) == "Which organisation are you signing for?"
    if page.javascript_disabled:
        page.get_by_label("Search for your organisation by name").fill(search)
        # Not the site-wide search in the header: the page's own.
        press_button(page, "Search", within=page.locator("main"))
        page.get_by_label(organisation).check()
    else:
        page.locator("input#organisation.autocomplete__input").fill(search)
        page.locator(".autocomplete__option", has_text=organisation).click()
    assert_accessible(page)
    press_button(page, "Continue")

    assert heading(page).endswith("Your details")
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Job title").fill("Head of Digital")
    page.get_by_label("Work email address").fill(email)
    press_button(page, "Continue")

    assert heading(page).endswith("Who will sign for your organisation?")
    page.get_by_label("Their full name").fill(approver_name)
    page.get_by_label("Their role").fill("Chief Executive")
    page.get_by_label("Their work email address").fill(approver_email)
    press_button(page, "Continue")

    assert heading(page).endswith("Your declaration project")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Mission").fill("Replace paper renewal forms with an online service.")
    page.get_by_label("Impact").fill("Licence holders renew in minutes.")
    press_button(page, "Continue")

    assert heading(page) == "Which principles does your project follow?"
    page.get_by_label("1. Design services around the needs of people").check()
    press_button(page, "Continue")

    assert heading(page) == "Which service area is your project about?"
    page.get_by_label("Licences, permits and permissions").check()
    press_button(page, "Continue")

    assert heading(page) == "Confirm you can submit this"
    page.get_by_label(re.compile("I have authority to submit")).check()
    press_button(page, "Continue")

    assert heading(page) == "Check your answers before sending them"
    assert organisation in main_text(page)
    assert title in main_text(page)
    assert_accessible(page)
    press_button(page, "Accept and send")

    assert heading(page) == "Check your email"
    assert email in main_text(page)
    assert_accessible(page)
    reference = re.search(r"LDD-\w+", page.locator(".govuk-panel").inner_text())[0]
    return reference


def officer_confirms_email(page, assert_accessible, *, email: str, reference: str) -> None:
    """Open the link in the confirmation email and press its button."""
    confirmation = last_email_to(email)
    assert confirmation.subject == f"Confirm your email address – reference {reference}"
    page.goto(link_from_last_email(email))
    assert heading(page) == "Confirm your email address"
    assert reference in main_text(page)
    assert_accessible(page)
    press_button(page, "Confirm my email address")

    assert heading(page) == "Email address confirmed"
    assert reference in page.locator(".govuk-panel").inner_text()
    assert_accessible(page)
    received = last_email_to(email)
    assert received.subject == f"We have received your sign-up – reference {reference}"


# The moderator, in Django's admin


def moderator_signs_in(page, *, username: str = "moderator") -> None:
    """Password, then the code their authenticator app shows (staff in these
    tests have set theirs up already; the set-up is test_staff_sign_in_journey's)."""
    user = get_user_model().objects.get(username=username)
    authenticator_of(user)
    page.goto("/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(MODERATOR_PASSWORD)
    press_button(page, "Log in")
    assert page.locator("h1").inner_text() == "Enter your code"
    page.get_by_label("Code").fill(current_code(user))
    press_button(page, "Continue")
    assert page.locator("h1").inner_text() == "Manage the site"


def open_from_admin_list(page, list_path: str, reference: str, *, state: str) -> None:
    """Search an admin list for the reference, see its one row in `state`, and open it."""
    page.goto(list_path)
    page.locator("#searchbar").fill(reference)
    with page.expect_navigation():
        page.locator("#searchbar").press("Enter")
    row = page.locator("#result_list tbody tr")
    assert row.count() == 1
    assert state in row.inner_text()
    follow_link(page, reference, within=row)


def moderator_opens(page, reference: str, *, state: str) -> None:
    """Find the sign-up in the queue by its reference, and open it."""
    open_from_admin_list(page, "/admin/signatories/signup/", reference, state=state)
    assert f"This sign-up is {state.lower()}" in page.locator("#moderation").inner_text()


def _moderation_done(page, message: str, *, state: str) -> None:
    assert message in page.locator(".messagelist").inner_text()
    assert f"This sign-up is {state.lower()}" in page.locator("#moderation").inner_text()


def moderator_approves(page, reference: str) -> None:
    moderator_opens(page, reference, state="Awaiting review")
    follow_link(page, "Approve", within=page.locator("#moderation"))
    press_button(page, "Approve and ask for sign-off")
    _moderation_done(page, f"{reference} approved.", state="Awaiting senior sign-off")


def moderator_requests_changes(page, reference: str, *, advice: str) -> None:
    moderator_opens(page, reference, state="Awaiting review")
    follow_link(page, "Request changes", within=page.locator("#moderation"))
    page.get_by_label("Advice for the officer").fill(advice)
    press_button(page, "Send the advice")
    _moderation_done(page, f"Advice on {reference} sent", state="Changes requested")


def moderator_rejects(page, reference: str, *, reason: str, note: str) -> None:
    moderator_opens(page, reference, state="Awaiting review")
    follow_link(page, "Reject", within=page.locator("#moderation"))
    page.get_by_label("Reason").select_option(label=reason)
    page.get_by_label("Note (optional)").fill(note)
    press_button(page, "Reject the sign-up")
    _moderation_done(page, f"{reference} rejected.", state="Rejected")


# The senior approver


def approver_signs(
    page, assert_accessible, link: str, *, organisation: str, name: str, title: str
) -> None:
    """Open the link in the email, read the commitment, and sign by typing their name."""
    page.goto(link)
    assert heading(page) == f"Sign the Local Digital Declaration for {organisation}"
    assert title in main_text(page)
    assert_accessible(page)
    page.get_by_label(f"Type your full name to sign on behalf of {organisation}").fill(name)
    press_button(page, "Sign the declaration")
    assert_signed(page, assert_accessible, organisation=organisation)


def assert_signed(page, assert_accessible, *, organisation: str) -> None:
    assert heading(page) == "Declaration signed"
    assert f"{organisation} has signed" in page.locator(".govuk-panel").inner_text()
    assert_accessible(page)
