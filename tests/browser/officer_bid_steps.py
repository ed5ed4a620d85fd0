"""What the officer in the fund's story does and sees in the browser: signing
in by an emailed link, starting a bid, answering its sections, checking the
answers and submitting.

Built on tests/browser/steps.py (reading pages and emails, pressing buttons);
each step acts as the officer would, and the only shortcut is reading the
emails the site sent from Django's test outbox.
"""

import re

from tests.browser.bid_answers import MINIMAL_PDF, BidAnswers, Cost, pounds
from tests.browser.steps import follow_link, heading, last_email_to, main_text, press_button

SIGN_IN_PATH = re.compile(r"https?://[^/\s]+(/fund/apply/sign-in/[^/\s]+/)")

# The labels of the two answers to "Have you completed this section?".
COMPLETED_YES = "Yes, I’ve completed this section"
COMPLETED_NO = "No, I’ll come back later"


# Reading the fund's pages ----------------------------------------------------


def sign_in_path_from_last_email(to: str) -> str:
    email = last_email_to(to)
    assert email.subject == "Sign in to bid to the Local Digital Fund"
    return SIGN_IN_PATH.search(email.body)[1]


def task_statuses(page) -> dict[str, str]:
    """Each task on the task list and its status, as the officer reads them."""
    statuses = {}
    for item in page.locator(".govuk-task-list__item").all():
        task = item.locator(".govuk-task-list__name-and-hint").inner_text().strip()
        statuses[task] = item.locator(".govuk-task-list__status").inner_text().strip()
    return statuses


def notice(page) -> str:
    return page.locator(".govuk-notification-banner").inner_text()


def assert_error_state(page, assert_accessible, *messages: str) -> None:
    """The GOV.UK error pattern: "Error: " in the title, a summary linking to each problem,
    and still nothing for axe to find."""
    assert page.title().startswith("Error: "), page.title()
    summary = page.locator(".govuk-error-summary")
    for message in messages:
        assert summary.get_by_role("link", name=message).count() == 1, (
            f"{message!r} not in the error summary: {summary.inner_text()}"
        )
    assert_accessible(page)


# The officer: signing in and out ------------------------------------------------


def officer_asks_for_a_link(
    page, assert_accessible, *, email: str, try_empty_first: bool = False
) -> None:
    """On the sign-in page, ask for a link (after sending the form empty, if asked to)."""
    assert heading(page) == "Sign in to bid"
    assert_accessible(page)
    if try_empty_first:
        press_button(page, "Send me a link")
        assert heading(page) == "Sign in to bid"
        assert_error_state(page, assert_accessible, "Enter your email address")
    page.get_by_label("Email address").fill(email)
    press_button(page, "Send me a link")
    assert heading(page) == "Check your email"
    assert email in main_text(page)
    assert_accessible(page)


def officer_follows_the_link(page, assert_accessible, *, email: str) -> None:
    """Open the link in the newest sign-in email: a page with a button, which signs them in."""
    page.goto(sign_in_path_from_last_email(email))
    assert heading(page) == "Sign in to bid"
    assert email in main_text(page)
    assert_accessible(page)
    press_button(page, "Sign in")
    assert f"Signed in as {email}" in page.locator("body").inner_text()


def officer_signs_in(page, assert_accessible, *, email: str) -> None:
    """From any page: the sign-in page, a new link by email, and its button."""
    page.goto("/fund/apply/sign-in/")
    officer_asks_for_a_link(page, assert_accessible, email=email)
    officer_follows_the_link(page, assert_accessible, email=email)


def officer_signs_out(page, assert_accessible) -> None:
    press_button(page, "Sign out")
    assert heading(page) == "You have signed out"
    assert_accessible(page)


# The officer: starting a bid ------------------------------------------------------


def officer_answers_eligibility(
    page, assert_accessible, *, lead: str, minimum_partners: int, round_name: str
) -> None:
    """Which council leads, whether enough partners have agreed; then the new bid's task list."""
    assert heading(page).endswith("Which council is leading the bid?")
    assert round_name in heading(page)
    assert_accessible(page)
    press_button(page, "Continue")
    assert_error_state(page, assert_accessible, "Select the council that is leading the bid")
    page.get_by_label(lead).check()
    press_button(page, "Continue")

    assert heading(page) == (
        f"Do you have at least {minimum_partners} signed partner councils "
        "that have agreed to take part?"
    )
    assert_accessible(page)
    page.get_by_label("Yes", exact=True).check()
    press_button(page, "Continue")

    assert heading(page) == "Your bid"
    assert f"draft bid led by {lead}" in main_text(page)
    statuses = task_statuses(page)
    assert set(list(statuses.values())[:-1]) == {"Not started"}
    assert statuses["Check your answers and submit"] == "Cannot start yet"
    assert_accessible(page)


# The officer: the sections ----------------------------------------------------------


def open_section(page, assert_accessible, label: str) -> None:
    follow_link(page, label)
    assert heading(page) == label
    assert_accessible(page)


def answer_completed(page, *, completed: bool = True) -> None:
    """Answer "Have you completed this section?" and press "Save and continue"."""
    page.get_by_label(COMPLETED_YES if completed else COMPLETED_NO).check()
    press_button(page, "Save and continue")


def back_on_task_list(page, *, title: str, section: str, status: str) -> None:
    assert heading(page) == title
    assert task_statuses(page)[section] == status, task_statuses(page)


def fill_project(page, bid: BidAnswers) -> None:
    page.get_by_label("Project title").fill(bid.title)
    page.get_by_label("Summary", exact=True).fill(bid.summary)
    page.get_by_label(bid.service_area, exact=True).check()


def fill_problem(page, bid: BidAnswers, *, users: bool = True) -> None:
    page.get_by_label("What problem will the project solve?").fill(bid.problem)
    if users:
        page.get_by_label("Who are the users, and what do they need?").fill(bid.users)


def add_partner(page, assert_accessible, name: str) -> None:
    """Choose a signed council: from the autocomplete with JavaScript, the plain select without."""
    if page.javascript_disabled:
        page.get_by_label("Add a partner council").select_option(label=name)
    else:
        page.locator("input#partner.autocomplete__input").fill(name.split()[0])
        page.locator(".autocomplete__option", has_text=name).click()
    press_button(page, "Add partner")
    assert heading(page) == "Partners"
    assert f"{name} added as a partner council" in notice(page)
    assert name in page.locator(".govuk-summary-list").inner_text()
    assert_accessible(page)


def fill_phase_and_amount(page, bid: BidAnswers, *, amount: int | None = None) -> None:
    page.get_by_label(bid.phase, exact=True).check()
    page.get_by_label("How much are you asking for?").fill(str(amount or bid.amount))


def add_cost(page, cost: Cost) -> None:
    page.get_by_label(cost.who_for, exact=True).check()
    page.get_by_label("Description", exact=True).fill(cost.description)
    page.get_by_label("Amount", exact=True).fill(str(cost.amount))
    press_button(page, "Add cost")
    assert heading(page) == "Phase and budget"
    assert "Cost added" in notice(page)
    assert cost.description in page.locator("table").inner_text()


def fill_delivery(page, bid: BidAnswers) -> None:
    page.get_by_label("How will you deliver the project?").fill(bid.delivery_plan)
    page.get_by_label("Who is in the team?").fill(bid.team)


def fill_principles(page, bid: BidAnswers) -> None:
    for principle in bid.principles:
        page.get_by_label(principle, exact=True).check()
    page.get_by_label("How does the project meet them?").fill(bid.principles_how)


def upload_attachment(page, assert_accessible, bid: BidAnswers) -> None:
    page.locator("input[type=file][name=attachment]").set_input_files(
        {"name": bid.attachment_name, "mimeType": "application/pdf", "buffer": MINIMAL_PDF}
    )
    press_button(page, "Upload file")
    assert heading(page) == "Attachments"
    assert f"{bid.attachment_name} uploaded" in notice(page)
    assert bid.attachment_name in page.locator(".govuk-summary-list").inner_text()
    assert_accessible(page)


def fill_declarations(page, bid: BidAnswers) -> None:
    page.get_by_label("The project’s outputs will be published under an open licence").check()
    page.get_by_label("Full name").fill(bid.sponsor_name)
    page.get_by_label("Role", exact=True).fill(bid.sponsor_role)
    page.get_by_label("Email address", exact=True).fill(bid.sponsor_email)


def complete_simple_section(page, assert_accessible, *, label: str, fill, bid: BidAnswers) -> None:
    """Open a one-form section from the task list, answer it all, say it is complete."""
    open_section(page, assert_accessible, label)
    fill(page, bid)
    answer_completed(page)
    back_on_task_list(page, title=bid.title, section=label, status="Completed")


def complete_partners(page, assert_accessible, *, bid: BidAnswers, partners: list[str]) -> None:
    open_section(page, assert_accessible, "Partners")
    for partner in partners:
        add_partner(page, assert_accessible, partner)
    answer_completed(page)
    back_on_task_list(page, title=bid.title, section="Partners", status="Completed")


def complete_budget(page, assert_accessible, *, bid: BidAnswers, cap: int) -> None:
    """Phase, amount and costs; first asking for more than the phase's cap, which is refused."""
    open_section(page, assert_accessible, "Phase and budget")
    fill_phase_and_amount(page, bid, amount=cap + 50_000)
    for cost in bid.costs:
        add_cost(page, cost)
    assert_accessible(page)
    answer_completed(page)
    assert heading(page) == "Phase and budget"
    assert_error_state(
        page,
        assert_accessible,
        f"Enter an amount of no more than {pounds(cap)}, the most this round gives "
        f"for {bid.phase.lower()}",
    )
    # What was typed is kept, the costs too.
    assert page.get_by_label("How much are you asking for?").input_value() == str(cap + 50_000)
    costs = page.locator("table").inner_text()
    assert all(cost.description in costs for cost in bid.costs)
    assert page.get_by_label(COMPLETED_YES).is_checked()
    page.get_by_label("How much are you asking for?").fill(str(bid.amount))
    press_button(page, "Save and continue")
    back_on_task_list(page, title=bid.title, section="Phase and budget", status="Completed")


def complete_attachments(page, assert_accessible, *, bid: BidAnswers) -> None:
    open_section(page, assert_accessible, "Attachments")
    upload_attachment(page, assert_accessible, bid)
    answer_completed(page)
    back_on_task_list(page, title=bid.title, section="Attachments", status="Completed")


def complete_first_sections(page, assert_accessible, *, bid: BidAnswers) -> None:
    """Project summary, then problem and users: said complete with an answer missing
    first, which is refused with the GOV.UK error pattern and the answers kept."""
    complete_simple_section(
        page, assert_accessible, label="Project summary", fill=fill_project, bid=bid
    )
    open_section(page, assert_accessible, "Problem and users")
    fill_problem(page, bid, users=False)
    answer_completed(page)
    assert heading(page) == "Problem and users"
    assert_error_state(page, assert_accessible, "Describe the users and what they need")
    assert page.get_by_label("What problem will the project solve?").input_value() == bid.problem
    fill_problem(page, bid)
    answer_completed(page)
    back_on_task_list(page, title=bid.title, section="Problem and users", status="Completed")


def complete_remaining_sections(page, assert_accessible, *, bid: BidAnswers, cap: int) -> None:
    """Every section after the partners, each ending "Yes, I've completed this section"."""
    complete_budget(page, assert_accessible, bid=bid, cap=cap)
    complete_simple_section(
        page, assert_accessible, label="Delivery plan and team", fill=fill_delivery, bid=bid
    )
    complete_simple_section(
        page, assert_accessible, label="How it meets the principles", fill=fill_principles, bid=bid
    )
    complete_attachments(page, assert_accessible, bid=bid)
    complete_simple_section(
        page,
        assert_accessible,
        label="Declarations and senior sponsor",
        fill=fill_declarations,
        bid=bid,
    )


# The officer: checking and submitting ------------------------------------------------


def officer_checks_answers(page, assert_accessible, *, bid: BidAnswers, partners: list[str]):
    """From the completed task list to check your answers, where every answer is shown."""
    statuses = task_statuses(page)
    # Every section done; the last task, no longer "Cannot start yet", can begin.
    assert statuses.pop("Check your answers and submit") == "Not started"
    assert set(statuses.values()) == {"Completed"}, statuses
    assert "You have completed 8 of 8 sections." in main_text(page)
    follow_link(page, "Check your answers and submit")
    assert heading(page) == "Check your answers before submitting your bid"
    shown = main_text(page)
    for answer in (
        bid.title,
        bid.summary,
        bid.service_area,
        bid.problem,
        bid.users,
        *partners,
        bid.phase,
        pounds(bid.amount),
        *(cost.description for cost in bid.costs),
        bid.delivery_plan,
        bid.team,
        *bid.principles,
        bid.principles_how,
        bid.attachment_name,
        bid.sponsor_name,
        bid.sponsor_role,
        bid.sponsor_email,
    ):
        assert answer in shown, f"{answer!r} is not on check your answers"
    assert_accessible(page)


def officer_submits(page, assert_accessible, *, bid: BidAnswers, prefix: str) -> str:
    """Press "Submit bid"; return the reference on the confirmation panel."""
    press_button(page, "Submit bid")
    panel = page.locator(".govuk-panel").inner_text()
    assert "Bid submitted" in panel
    reference = re.search(rf"\b{re.escape(prefix)}-\d{{4}}\b", panel)[0]
    assert bid.title in main_text(page)
    assert_accessible(page)
    return reference


def assert_submission_emails(*, reference: str, officer: str, partners: dict[str, str]) -> None:
    """The officer has a copy; each partner council's signatory contact is told.

    `partners` maps each partner council's name to its contact's address.
    """
    assert last_email_to(officer).subject == (
        f"Your bid has been submitted – reference {reference}"
    )
    for name, contact in partners.items():
        assert last_email_to(contact).subject == (
            f"{name} is a partner in a Local Digital Fund bid – reference {reference}"
        )
