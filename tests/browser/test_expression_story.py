"""The story of an expression of interest, told in Chromium by the people in it.

An officer of a signed council, with JavaScript off, finds a round that starts
with an expression of interest, signs in by an emailed link, sends the short
form empty and is told what to answer, fills it in, checks the answers and
sends it with the keyboard alone. An assessor invites the council to bid from
Django's admin, with feedback (refused without). The officer is emailed the
outcome and the feedback, sees it in "Your bids" and starts the full bid from
the expression, its answers filled in.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from funding.models import Bid, Expression, ExpressionState
from tests.browser.fund_staff_steps import messages_shown
from tests.browser.officer_bid_steps import (
    assert_error_state,
    officer_asks_for_a_link,
    officer_follows_the_link,
)
from tests.browser.steps import (
    MODERATOR_PASSWORD,
    follow_link,
    heading,
    last_email_to,
    main_text,
    moderator_signs_in,
    open_from_admin_list,
    press_button,
    tab_to,
)
from tests.factories import signed_council
from tests.funding.expressions import eoi_round

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

LEAD = "Leadshire County Council"
PARTNERS = ["Northam Borough Council", "Southby District Council"]
OFFICER_EMAIL = "sam.okafor@leadshire.gov.uk"
PROJECT = "Shared pest control bookings"
FEEDBACK = "A clear, shared problem. In the full bid, show what residents told you."


@pytest.fixture
def assessor():
    user = get_user_model().objects.create_user(
        "assessor",
        email="assessor@communities.gov.uk",
        password=MODERATOR_PASSWORD,
        first_name="Jo",
        last_name="Bloggs",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name="Fund assessors"))
    return user


@pytest.fixture
def round_():
    signed_council(name=LEAD, email_domains="leadshire.gov.uk")
    for name in PARTNERS:
        signed_council(name=name)
    return eoi_round(name="Round 8", slug="round-8", reference_prefix="R8", min_partners=2)


def officer_sends_the_expression(officer, assert_accessible) -> str:
    """The form sent empty, then answered; check your answers; sent by keyboard."""
    assert heading(officer) == "Express interest in bidding"
    assert_accessible(officer)
    press_button(officer, "Continue")
    assert_error_state(
        officer,
        assert_accessible,
        "Select the council that is leading the project",
        "Enter the name of the project",
    )
    officer.get_by_label(LEAD).check()
    officer.get_by_label("Project name").fill(PROJECT)
    officer.get_by_label("What problem will the project solve?").fill(
        "Residents phone each council to book, and wait days for a call back."
    )
    officer.get_by_label("Partner council 1", exact=True).select_option(label=PARTNERS[0])
    officer.get_by_label("Partner council 2", exact=True).select_option(label=PARTNERS[1])
    officer.get_by_label("Discovery").check()
    officer.get_by_label("Estimated cost").fill("60,000")
    press_button(officer, "Continue")

    assert heading(officer) == "Check your expression of interest before sending it"
    summary = main_text(officer)
    assert PROJECT in summary and "£60,000" in summary and PARTNERS[1] in summary
    assert_accessible(officer)
    tab_to(officer, "button.govuk-button:not(.govuk-button--secondary)")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Expression of interest sent"
    assert_accessible(officer)
    return Expression.objects.get().reference


def assessor_invites(staff, reference: str) -> None:
    """From the list, the expression's page, Invite to bid: first without feedback."""
    moderator_signs_in(staff, username="assessor")
    open_from_admin_list(staff, "/admin/funding/expression/", reference, state="Sent")
    assert PROJECT in main_text(staff)
    follow_link(staff, "Invite to bid", within=staff.locator("#decision"))
    press_button(staff, "Invite to bid")
    assert "Enter feedback for the lead council." in main_text(staff)
    staff.get_by_label("Feedback for the lead council").fill(FEEDBACK)
    press_button(staff, "Invite to bid")
    assert f"{reference}: {LEAD} is invited to bid." in messages_shown(staff)


def test_an_officer_expresses_interest_is_invited_and_starts_the_full_bid(
    page_without_js, new_browser, assert_accessible, round_, assessor
):
    officer = page_without_js
    officer.goto("/fund/round-8/")
    assert "Expressions of interest close" in main_text(officer)
    assert_accessible(officer)
    press_button(officer, "Express interest")
    officer_asks_for_a_link(officer, assert_accessible, email=OFFICER_EMAIL)
    officer_follows_the_link(officer, assert_accessible, email=OFFICER_EMAIL)
    reference = officer_sends_the_expression(officer, assert_accessible)
    assert reference == "R8-EOI-0001"
    assert last_email_to(OFFICER_EMAIL).subject == (
        f"Your expression of interest has been sent – reference {reference}"
    )

    assessor_invites(new_browser(), reference)
    assert Expression.objects.get().state == ExpressionState.INVITED
    outcome = last_email_to(OFFICER_EMAIL)
    assert outcome.subject == f"You are invited to make a full bid – reference {reference}"
    assert FEEDBACK in outcome.body

    officer.goto("/fund/apply/")
    assert heading(officer) == "Your bids"
    row = officer.locator("tr", has_text=reference)
    assert "Invited to bid" in row.inner_text()
    assert_accessible(officer)
    follow_link(officer, PROJECT, within=row)
    assert FEEDBACK in main_text(officer)
    assert_accessible(officer)
    press_button(officer, "Start your full bid")

    bid = Bid.objects.get()
    assert heading(officer) == PROJECT
    assert (bid.title, bid.amount, bid.phase) == (PROJECT, 60_000, "discovery")
    assert sorted(partner.name for partner in bid.partners.all()) == PARTNERS
    assert Expression.objects.get().bid == bid
    assert_accessible(officer)
