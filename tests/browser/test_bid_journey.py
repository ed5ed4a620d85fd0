"""The story of a bid to the Local Digital Fund, told in Chromium by the people in it.

An officer of a signed council signs in by an emailed link, answers the
eligibility questions, fills in every section of the bid over two visits,
checks the answers and submits. An assessor scores the bid in Django's admin
and records it as funded; an editor publishes the round's decisions; then
anyone can see the project. The officer's journey is told again with
JavaScript off, and its last steps with the keyboard alone.
"""

import dataclasses
import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from funding.models import Bid, BidState, Phase, Round, Section
from signatories.models import Organisation
from tests.browser.bid_answers import BidAnswers, pounds
from tests.browser.fund_staff_steps import (
    assessor_opens_bid,
    assessor_records_funded,
    assessor_scores,
    assessor_starts_assessment,
    editor_publishes_decisions,
)
from tests.browser.officer_bid_steps import (
    add_partner,
    answer_completed,
    assert_submission_emails,
    back_on_task_list,
    complete_first_sections,
    complete_partners,
    complete_remaining_sections,
    officer_answers_eligibility,
    officer_asks_for_a_link,
    officer_checks_answers,
    officer_follows_the_link,
    officer_signs_in,
    officer_signs_out,
    officer_submits,
    open_section,
    sign_in_path_from_last_email,
    task_statuses,
)
from tests.browser.steps import (
    MODERATOR_PASSWORD,
    follow_link,
    heading,
    last_email_to,
    main_text,
    moderator_signs_in,
    press_button,
    tab_to,
)
from tests.factories import BidFactory, RoundFactory, signed_council

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LEAD = "Leadshire County Council"
PARTNERS = {
    "Northam Borough Council": "northam.gov.uk",
    "Southby District Council": "southby.gov.uk",
}
OFFICER_EMAIL = "sam.okafor@leadshire.gov.uk"


def staff_user(username: str, *, group: str, first_name: str, last_name: str):
    user = get_user_model().objects.create_user(
        username,
        email=f"{username}@communities.gov.uk",
        password=MODERATOR_PASSWORD,
        first_name=first_name,
        last_name=last_name,
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def assessor():
    # A fund manager: she sees every bid without assigning it to herself.
    return staff_user("assessor", group="Fund managers", first_name="Jo", last_name="Bloggs")


@pytest.fixture
def editor():
    return staff_user("editor", group="Content editors", first_name="Ray", last_name="Lee")


@pytest.fixture
def round_():
    """An open round that needs two partner councils (its name and prefix from the factory)."""
    return RoundFactory(min_partners=2)


@dataclasses.dataclass
class Councils:
    lead: Organisation
    partners: list[Organisation]
    # Each partner council's name, and the address of its contact for the
    # declaration, who is told when a bid names the council.
    contacts: dict[str, str]


@pytest.fixture
def councils() -> Councils:
    """The lead council, with the officer's email domain, and two signed partners."""
    lead = signed_council(name=LEAD, email_domains="leadshire.gov.uk")
    partners = [
        signed_council(name=name, email_domains=domain) for name, domain in PARTNERS.items()
    ]
    contacts = {partner.name: partner.sign_ups.get().officer_email for partner in partners}
    return Councils(lead=lead, partners=partners, contacts=contacts)


def cap_for(round_: Round, bid: BidAnswers) -> int:
    """The most the round gives for the phase the officer chooses (by its label)."""
    phase = next(value for value, label in Phase.choices if label == bid.phase)
    return round_.cap_for(phase)


def spaced(text: str) -> str:
    return " ".join(text.split())


def test_an_officer_bids_an_assessor_funds_it_and_the_public_sees_the_project(
    page, new_browser, assert_accessible, round_, councils, assessor, editor
):
    bid = BidAnswers()
    partners = list(PARTNERS)

    # The officer finds the round and starts; they are asked to sign in first.
    officer = page
    officer.goto(f"/fund/{round_.slug}/")
    assert heading(officer) == round_.name
    assert_accessible(officer)
    press_button(officer, "Start now")
    officer_asks_for_a_link(officer, assert_accessible, email=OFFICER_EMAIL, try_empty_first=True)
    officer_follows_the_link(officer, assert_accessible, email=OFFICER_EMAIL)
    officer_answers_eligibility(
        officer,
        assert_accessible,
        lead=LEAD,
        minimum_partners=round_.min_partners,
        round_name=round_.name,
    )

    complete_first_sections(officer, assert_accessible, bid=bid)

    # One partner so far: the officer will come back to the rest later.
    open_section(officer, assert_accessible, "Partners")
    add_partner(officer, assert_accessible, partners[0])
    answer_completed(officer, completed=False)
    back_on_task_list(officer, title=bid.title, section="Partners", status="In progress")
    assert_accessible(officer)
    officer_signs_out(officer, assert_accessible)
    # Signed out means signed out: the bid's address asks them to sign in.
    officer.goto(f"/fund/apply/bids/{Bid.objects.get().pk}/")
    assert heading(officer) == "Sign in to bid"

    # Another day, another browser: a new link, and the bid as they left it.
    officer = new_browser()
    officer_signs_in(officer, assert_accessible, email=OFFICER_EMAIL)
    assert heading(officer) == "Your bids"
    assert_accessible(officer)
    follow_link(officer, bid.title)
    assert heading(officer) == bid.title
    statuses = task_statuses(officer)
    assert statuses[Section.PROJECT.label] == "Completed"
    assert statuses[Section.PROBLEM.label] == "Completed"
    assert statuses[Section.PARTNERS.label] == "In progress"
    assert statuses[Section.BUDGET.label] == "Not started"
    assert "You have completed 2 of 8 sections." in main_text(officer)
    assert_accessible(officer)

    open_section(officer, assert_accessible, "Partners")
    assert partners[0] in officer.locator(".govuk-summary-list").inner_text()
    assert officer.get_by_label("No, I’ll come back later").is_checked()
    add_partner(officer, assert_accessible, partners[1])
    answer_completed(officer)
    back_on_task_list(officer, title=bid.title, section="Partners", status="Completed")

    complete_remaining_sections(officer, assert_accessible, bid=bid, cap=cap_for(round_, bid))
    officer_checks_answers(officer, assert_accessible, bid=bid, partners=partners)
    reference = officer_submits(officer, assert_accessible, bid=bid, prefix=round_.reference_prefix)
    assert reference == f"{round_.reference_prefix}-0001"
    assert_submission_emails(reference=reference, officer=OFFICER_EMAIL, partners=councils.contacts)
    assert officer.console_errors == []

    # Time passes and the round closes; its bids are assessed.
    Round.objects.filter(pk=round_.pk).update(
        closes_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    staff = new_browser()
    moderator_signs_in(staff, username="assessor")
    assessor_opens_bid(staff, reference, state="Submitted")
    submitted = staff.locator("#submitted-bid").inner_text()
    for answer in (bid.title, *partners, bid.attachment_name, bid.sponsor_name):
        assert answer in submitted
    assessor_starts_assessment(staff, reference)
    scored = assessor_scores(
        staff,
        reference,
        {
            "Strategic fit": (3, "Clear fit with the fund's aims."),
            "Deliverability": (2, "The plan is thin on how partners share the work."),
            "Value for money": (4, "Modest costs for three councils."),
        },
    )
    # Weights 40, 30 and 30 on a scale to 4: 3×40 + 2×30 + 4×30 = 300 of 400.
    assert "Your weighted total: 300 out of 400 (75.0%)." in scored
    scores = spaced(staff.locator("#scores").inner_text())
    assert "Average weighted score: 75.0%, from 1 assessor" in scores
    assert "Jo Bloggs: 300 out of 400 (75.0%)" in scores
    assessor_records_funded(staff, reference, note="Recommended by the panel on 3 March.")
    outcome = last_email_to(OFFICER_EMAIL)
    assert outcome.subject == f"Your bid has been funded – reference {reference}"
    assert reference in outcome.body

    # Decided, but not public until the round's decisions are published.
    anyone = page
    assert anyone.goto(f"/fund/projects/{reference}/").status == 404
    # The browser logs that 404 as an error; it was expected, and is no fault of the page.
    anyone.console_errors.clear()
    content_editor = new_browser()
    moderator_signs_in(content_editor, username="editor")
    editor_publishes_decisions(content_editor, round_name=round_.name)
    round_.refresh_from_db()
    assert round_.results_published

    anyone.goto("/fund/projects/")
    assert heading(anyone) == "Funded projects"
    listed = anyone.locator("main li", has=anyone.get_by_role("link", name=bid.title))
    listed_text = spaced(listed.inner_text())
    for shown in (reference, LEAD, *partners, bid.phase, pounds(bid.amount)):
        assert shown in listed_text
    assert_accessible(anyone)

    follow_link(anyone, bid.title)
    assert heading(anyone) == bid.title
    assert f"Funded project {reference}" in main_text(anyone)
    details = spaced(anyone.locator(".govuk-summary-list").inner_text())
    assert f"Lead council {LEAD}" in details
    assert f"Partner councils {partners[0]}, {partners[1]}" in details
    assert f"Phase {bid.phase}" in details
    assert f"Amount awarded {pounds(bid.amount)}" in details
    assert_accessible(anyone)

    anyone.goto("/fund/bids/")
    assert heading(anyone) == "Bids to the fund"
    published = anyone.locator("main li", has=anyone.get_by_role("link", name=bid.title))
    assert "Funded" in published.locator(".govuk-tag").inner_text()
    assert_accessible(anyone)

    anyone.goto("/fund/")
    totals = spaced(main_text(anyone))
    assert "1 project funded" in totals
    assert f"{pounds(bid.amount)} awarded in all" in totals
    assert "3 councils leading or partnering a funded project" in totals
    assert_accessible(anyone)
    assert anyone.console_errors == []


def test_an_officer_bids_with_javascript_off(page_without_js, assert_accessible, round_, councils):
    officer = page_without_js
    bid = BidAnswers()
    partners = list(PARTNERS)

    officer.goto(f"/fund/{round_.slug}/")
    assert heading(officer) == round_.name
    assert_accessible(officer)
    press_button(officer, "Start now")
    officer_asks_for_a_link(officer, assert_accessible, email=OFFICER_EMAIL, try_empty_first=True)
    officer_follows_the_link(officer, assert_accessible, email=OFFICER_EMAIL)
    officer_answers_eligibility(
        officer,
        assert_accessible,
        lead=LEAD,
        minimum_partners=round_.min_partners,
        round_name=round_.name,
    )
    complete_first_sections(officer, assert_accessible, bid=bid)
    # Partners are chosen from the plain list of signed councils.
    complete_partners(officer, assert_accessible, bid=bid, partners=partners)
    complete_remaining_sections(officer, assert_accessible, bid=bid, cap=cap_for(round_, bid))
    officer_checks_answers(officer, assert_accessible, bid=bid, partners=partners)

    # A change from check your answers comes back to it.
    follow_link(officer, "Change the title")
    assert heading(officer) == "Project summary"
    bid = dataclasses.replace(bid, title="A shared enforcement case tool")
    officer.get_by_label("Project title").fill(bid.title)
    press_button(officer, "Save and continue")
    assert heading(officer) == "Check your answers before submitting your bid"
    assert bid.title in main_text(officer)

    reference = officer_submits(officer, assert_accessible, bid=bid, prefix=round_.reference_prefix)
    assert reference == f"{round_.reference_prefix}-0001"
    assert_submission_emails(reference=reference, officer=OFFICER_EMAIL, partners=councils.contacts)
    submitted = Bid.objects.get()
    assert submitted.state == BidState.SUBMITTED
    assert submitted.submission.answers["title"] == bid.title


def test_an_officer_finishes_and_submits_a_bid_with_the_keyboard_alone(
    page, assert_accessible, round_, councils
):
    """The last section and the submission, with Tab, Space and Enter only."""
    # A draft with every section done but the delivery plan, as a colleague left it.
    draft = BidFactory(
        round=round_,
        lead=councils.lead,
        partners=councils.partners,
        created_by_email=OFFICER_EMAIL,
        delivery_plan="",
        team="",
        completed_sections=[s for s in Section.values if s != Section.DELIVERY],
    )
    officer = page

    # Signing in: type the address and press Enter; open the link, Tab to its button.
    officer.goto("/fund/apply/sign-in/")
    tab_to(officer, "#email")
    officer.keyboard.type(OFFICER_EMAIL)
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Check your email"
    officer.goto(sign_in_path_from_last_email(OFFICER_EMAIL))
    tab_to(officer, "main button.govuk-button")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Your bids"

    tab_to(officer, f"main a[href='/fund/apply/bids/{draft.pk}/']")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == draft.title
    assert task_statuses(officer)["Delivery plan and team"] == "Not started"

    tab_to(officer, f"a[href='/fund/apply/bids/{draft.pk}/delivery/']")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Delivery plan and team"
    tab_to(officer, "#delivery_plan")
    officer.keyboard.type("Twelve weeks of discovery.")
    tab_to(officer, "#team")
    officer.keyboard.type("A product manager and two researchers.")
    # Tab reaches the first radio of the question; Space chooses it.
    tab_to(officer, "input[name=completed]")
    officer.keyboard.press("Space")
    assert officer.get_by_label("Yes, I’ve completed this section").is_checked()
    tab_to(officer, "button[name=action][value=save]")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    back_on_task_list(
        officer, title=draft.title, section="Delivery plan and team", status="Completed"
    )

    tab_to(officer, f"a[href='/fund/apply/bids/{draft.pk}/check-your-answers/']")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Check your answers before submitting your bid"
    assert "Twelve weeks of discovery." in main_text(officer)
    tab_to(officer, "main button.govuk-button", limit=120)
    assert officer.evaluate("document.activeElement.textContent.trim()") == "Submit bid"
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    panel = officer.locator(".govuk-panel").inner_text()
    assert f"{round_.reference_prefix}-0001" in panel
    assert_accessible(officer)
    assert last_email_to(OFFICER_EMAIL).subject == (
        f"Your bid has been submitted – reference {round_.reference_prefix}-0001"
    )
    assert officer.console_errors == []
