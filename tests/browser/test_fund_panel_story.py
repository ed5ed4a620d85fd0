"""The fund as its panel runs it, told in Chromium by the people in it (issue #15).

An officer of a signed council, with JavaScript off, sends an expression of
interest; a fund manager invites it with feedback; the officer starts the full
bid from it, completes and submits it. The manager assigns two assessors, and
a third, whose council partners the bid, is refused (and refused the bid's
page). Both assessors score; the panel agrees a score per criterion; the
round's ranking puts the bid above its budget's funding line; the decision
records who approved it, an award below the ask and feedback per criterion,
which the officer is emailed and then reads in "Your bids". Once the round's
decisions are published, /fund/grants.json holds the grant as 360Giving data.

A rival bid, which the story is not about, is made with factories and services.
"""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from funding import services
from funding.grant_schemas import package_errors
from funding.models import (
    AgreedScore,
    AssessorProfile,
    Assignment,
    Bid,
    BidApproval,
    BidState,
    CriterionFeedback,
    Expression,
    Round,
    Score,
)
from tests.browser.bid_answers import BidAnswers, pounds
from tests.browser.fund_staff_steps import (
    assessor_opens_bid,
    assessor_scores,
    editor_publishes_decisions,
    messages_shown,
)
from tests.browser.officer_bid_steps import (
    add_cost,
    answer_completed,
    back_on_task_list,
    complete_attachments,
    complete_simple_section,
    fill_declarations,
    fill_delivery,
    fill_phase_and_amount,
    fill_principles,
    fill_problem,
    fill_project,
    officer_asks_for_a_link,
    officer_checks_answers,
    officer_follows_the_link,
    officer_submits,
    open_section,
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
from tests.factories import BidFactory, decision_for, signed_council
from tests.funding.expressions import eoi_round
from tests.funding.panel import agree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LEAD = "Leadshire County Council"
PARTNERS = ["Northam Borough Council", "Southby District Council"]
OFFICER_EMAIL = "sam.okafor@leadshire.gov.uk"
ASK = 90_000
AWARD = 75_000
# Enough for our bid, not for the rival below it as well.
BUDGET = 150_000
BID = BidAnswers(title="Shared pest control bookings", amount=ASK)
INVITATION = "A clear, shared problem. In the full bid, show what residents told you."
FEEDBACK = {
    "Strategic fit": "A strong fit: three councils share one booking service.",
    "Deliverability": "The plan is credible; name who runs the service after beta.",
    "Value for money": "Costs are modest, but the research budget was trimmed.",
}
# The panel's agreed score for each criterion, and its note.
AGREED = {
    "Strategic fit": (4, "Both assessors rated the fit highly."),
    "Deliverability": (3, "The spread of one was settled at three."),
    "Value for money": (3, "Agreed as given."),
}


def not_checked(page) -> None:
    """For steps whose pages other stories check with axe already (axe takes a while)."""


def staff(username: str, first_name: str, *groups: str, organisation=None):
    user = get_user_model().objects.create_user(
        username,
        email=f"{username}@communities.gov.uk",
        password=MODERATOR_PASSWORD,
        first_name=first_name,
        last_name="Tester",
        is_staff=True,
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    if organisation is not None:
        AssessorProfile.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def round_():
    signed_council(name=LEAD, email_domains="leadshire.gov.uk")
    partners = [signed_council(name=name) for name in PARTNERS]
    staff("manager", "Mo", "Fund assessors", "Fund managers")
    staff("ana", "Ana", "Fund assessors")
    staff("ben", "Ben", "Fund assessors")
    staff("cat", "Cat", "Fund assessors", organisation=partners[0])
    staff("editor", "Ray", "Content editors")
    return eoi_round(
        name="Round 9",
        slug="round-9",
        reference_prefix="R9",
        min_partners=2,
        min_assessors=2,
        budget=BUDGET,
    )


def rival_bid(round_: Round) -> Bid:
    """Another council's bid, submitted, scored and agreed lower than ours."""
    manager = get_user_model().objects.get(username="manager")
    bid = BidFactory(round=round_, title="Shared bin collection reports", amount=80_000)
    bid = services.bid_submit(bid=bid, email=bid.created_by_email)
    services.bid_start_assessment(bid=bid, by=manager, note="")
    criteria = list(round_.criteria.all())
    services.bid_score(
        bid=bid,
        assessor=manager,
        scores=[services.CriterionScore(c, 2, "Adequate.") for c in criteria],
    )
    agree(bid, manager, [2, 2, 2])
    return bid


# The officer ----------------------------------------------------------------------


def officer_expresses_interest(officer) -> str:
    officer.goto("/fund/round-9/")
    press_button(officer, "Express interest")
    officer_asks_for_a_link(officer, not_checked, email=OFFICER_EMAIL)
    officer_follows_the_link(officer, not_checked, email=OFFICER_EMAIL)
    assert heading(officer) == "Express interest in bidding"
    officer.get_by_label(LEAD).check()
    officer.get_by_label("Project name").fill(BID.title)
    officer.get_by_label("What problem will the project solve?").fill(BID.problem)
    officer.get_by_label("Partner council 1", exact=True).select_option(label=PARTNERS[0])
    officer.get_by_label("Partner council 2", exact=True).select_option(label=PARTNERS[1])
    officer.get_by_label("Discovery").check()
    officer.get_by_label("Estimated cost").fill("90,000")
    press_button(officer, "Continue")
    assert heading(officer) == "Check your expression of interest before sending it"
    tab_to(officer, "button.govuk-button:not(.govuk-button--secondary)")
    with officer.expect_navigation():
        officer.keyboard.press("Enter")
    assert heading(officer) == "Expression of interest sent"
    return Expression.objects.get().reference


def officer_starts_the_full_bid(officer, reference: str) -> None:
    officer.goto("/fund/apply/")
    row = officer.locator("tr", has_text=reference)
    assert "Invited to bid" in row.inner_text()
    follow_link(officer, BID.title, within=row)
    assert INVITATION in main_text(officer)
    press_button(officer, "Start your full bid")
    assert heading(officer) == BID.title


def officer_completes_and_submits(officer, assert_accessible) -> str:
    """Every section from the task list; the expression's answers are already in."""
    for label, fill in (
        ("Project summary", fill_project),
        ("Problem and users", fill_problem),
    ):
        complete_simple_section(officer, assert_accessible, label=label, fill=fill, bid=BID)
    open_section(officer, assert_accessible, "Partners")
    answer_completed(officer)
    back_on_task_list(officer, title=BID.title, section="Partners", status="Completed")
    open_section(officer, assert_accessible, "Phase and budget")
    fill_phase_and_amount(officer, BID)
    for cost in BID.costs:
        add_cost(officer, cost)
    answer_completed(officer)
    back_on_task_list(officer, title=BID.title, section="Phase and budget", status="Completed")
    for label, fill in (
        ("Delivery plan and team", fill_delivery),
        ("How it meets the principles", fill_principles),
    ):
        complete_simple_section(officer, assert_accessible, label=label, fill=fill, bid=BID)
    complete_attachments(officer, assert_accessible, bid=BID)
    complete_simple_section(
        officer,
        assert_accessible,
        label="Declarations and senior sponsor",
        fill=fill_declarations,
        bid=BID,
    )
    officer_checks_answers(officer, assert_accessible, bid=BID, partners=PARTNERS)
    return officer_submits(officer, assert_accessible, bid=BID, prefix="R9")


# The fund manager and the assessors, in admin ---------------------------------------


def manager_invites(manager, reference: str) -> None:
    open_from_admin_list(manager, "/admin/funding/expression/", reference, state="Sent")
    follow_link(manager, "Invite to bid", within=manager.locator("#decision"))
    manager.get_by_label("Feedback for the lead council").fill(INVITATION)
    press_button(manager, "Invite to bid")
    assert f"{reference}: {LEAD} is invited to bid." in messages_shown(manager)


def manager_assigns(manager, reference: str) -> None:
    """Ana and Ben are assigned; Cat, whose council partners the bid, is refused."""
    open_from_admin_list(manager, "/admin/funding/bid/", reference, state="Submitted")
    follow_link(manager, "Assign assessors", within=manager.locator("#assessment"))
    manager.get_by_label("Ana Tester").check()
    manager.get_by_label("Ben Tester").check()
    manager.get_by_label(f"Cat Tester ({PARTNERS[0]})").check()
    press_button(manager, "Assign")
    shown = messages_shown(manager)
    assert "2 assignments made." in shown
    assert (
        f"Cat Tester cannot assess {reference}: Their organisation, {PARTNERS[0]}, "
        "is a partner in the bid."
    ) in shown
    assert "Assessors assigned: 2 of 2." in manager.locator("#assessment").inner_text()


def manager_starts_assessment(manager, reference: str) -> None:
    follow_link(manager, "Start assessment", within=manager.locator("#assessment"))
    press_button(manager, "Start assessment")
    assert f"{reference} is in assessment: it can now be scored." in messages_shown(manager)


def assessor_scores_from_my_assessments(assessor, reference: str, scores: dict) -> None:
    assessor.goto("/admin/funding/bid/")
    follow_link(assessor, "My assessments")
    row = assessor.locator("#my-assessments tbody tr")
    assert row.count() == 1
    assert BID.title in row.inner_text()
    assessor_opens_bid(assessor, reference, state="In assessment")
    assessor_scores(assessor, reference, scores)


def manager_agrees_scores(manager, reference: str) -> None:
    open_from_admin_list(manager, "/admin/funding/bid/", reference, state="In assessment")
    follow_link(manager, "Record the agreed scores", within=manager.locator("#agreed-scores"))
    for criterion, (score, note) in AGREED.items():
        box = manager.locator("fieldset.module", has_text=f"{criterion} (weight")
        box.get_by_label(str(score), exact=True).check()
        manager.get_by_label(f"Why the panel agreed this score for {criterion}").fill(note)
    press_button(manager, "Save the agreed scores")
    assert f"The panel's agreed scores for {reference} are saved." in messages_shown(manager)
    panel = manager.locator("#agreed-scores").inner_text()
    # 4×40 + 3×30 + 3×30 = 340 of 400.
    assert "340 out of 400 (85.0%)" in panel
    assert "4 out of 4" in panel


def manager_reads_the_ranking(manager, reference: str, rival: Bid) -> None:
    manager.goto("/admin/funding/round/")
    follow_link(manager, "Round 9", within=manager.locator("#result_list"))
    follow_link(manager, "Ranking and funding line")
    assert f"Budget: {pounds(BUDGET)}" in manager.locator("#how-ranked").inner_text()
    rows = manager.locator("#ranking tbody tr")
    assert rows.nth(0).inner_text().startswith(f"1\t{reference}")
    assert "Above the line" in rows.nth(0).inner_text()
    assert "Funding line" in rows.nth(1).inner_text()
    assert rival.reference in rows.nth(2).inner_text()
    assert "Below the line" in rows.nth(2).inner_text()


def manager_records_funded(manager, reference: str) -> None:
    open_from_admin_list(manager, "/admin/funding/bid/", reference, state="In assessment")
    follow_link(manager, "Record as funded", within=manager.locator("#assessment"))
    manager.get_by_label("Approved by").fill("Sam Minister")
    manager.get_by_label("Their role").fill("Minister for Local Government")
    assert manager.get_by_label("Amount awarded (£)").input_value() == str(ASK)
    manager.get_by_label("Amount awarded (£)").fill(str(AWARD))
    for criterion, text in FEEDBACK.items():
        manager.get_by_label(f"Feedback on {criterion}").fill(text)
    manager.get_by_label("Reason for the decision").fill("Above the funding line.")
    press_button(manager, "Record as funded")
    assert f"{reference} recorded as funded. The officers have been emailed." in messages_shown(
        manager
    )
    decision = manager.locator("#decision").inner_text()
    assert "Sam Minister, Minister for Local Government" in decision
    assert f"{pounds(AWARD)} (asked for {pounds(ASK)})" in decision


def test_an_expression_becomes_a_funded_grant_through_the_panel(
    page_without_js, new_browser, assert_accessible, round_
):
    officer = page_without_js
    expression = officer_expresses_interest(officer)
    manager = new_browser()
    moderator_signs_in(manager, username="manager")
    manager_invites(manager, expression)
    assert INVITATION in last_email_to(OFFICER_EMAIL).body

    officer_starts_the_full_bid(officer, expression)
    # The bid's pages are axe-checked by test_bid_journey; here, only the pages new to the story.
    reference = officer_completes_and_submits(officer, not_checked)
    assert reference == "R9-0001"
    rival = rival_bid(round_)
    # Time passes: expressions close, then the round (a check keeps them in that order).
    Round.objects.filter(pk=round_.pk).update(
        expressions_close_at=timezone.now() - datetime.timedelta(minutes=2),
        closes_at=timezone.now() - datetime.timedelta(minutes=1),
    )

    manager_assigns(manager, reference)
    manager_starts_assessment(manager, reference)
    cat = new_browser()
    moderator_signs_in(cat, username="cat")
    bid = Bid.objects.get(reference=reference)
    assert cat.goto(f"/admin/funding/bid/{bid.pk}/change/").status == 403
    assert f"You have a conflict of interest with {reference}" in main_text(cat)
    assert BID.summary not in main_text(cat)

    for username, scores in (
        ("ana", {"Strategic fit": 4, "Deliverability": 3, "Value for money": 3}),
        ("ben", {"Strategic fit": 4, "Deliverability": 2, "Value for money": 3}),
    ):
        assessor = new_browser()
        moderator_signs_in(assessor, username=username)
        assessor_scores_from_my_assessments(
            assessor, reference, {c: (s, "As the guide says.") for c, s in scores.items()}
        )

    manager_agrees_scores(manager, reference)
    manager_reads_the_ranking(manager, reference, rival)
    manager_records_funded(manager, reference)

    # The rows: scores kept apart from the agreed ones, the approval, the award, the feedback.
    assert Score.objects.filter(bid=bid).count() == 6
    assert AgreedScore.objects.filter(bid=bid).count() == 3
    assert Assignment.objects.filter(bid=bid).count() == 2
    bid.refresh_from_db()
    assert (bid.state, bid.amount, bid.amount_awarded) == (BidState.FUNDED, ASK, AWARD)
    assert BidApproval.objects.get(bid=bid).approver_name == "Sam Minister"
    assert CriterionFeedback.objects.filter(bid=bid).count() == 3

    outcome = last_email_to(OFFICER_EMAIL)
    assert outcome.subject == f"Your bid has been funded – reference {reference}"
    assert pounds(AWARD) in outcome.body
    for text in FEEDBACK.values():
        assert text in outcome.body

    # Decisions are published once every bid has one: the rival, below the line, is not funded.
    manager_user = get_user_model().objects.get(username="manager")
    services.bid_decide(
        bid=rival, funded=False, by=manager_user, decision=decision_for(rival), note="Below."
    )
    editor = new_browser()
    moderator_signs_in(editor, username="editor")
    editor_publishes_decisions(editor, round_name="Round 9")

    officer.goto("/fund/apply/")
    decided = officer.locator("#feedback ~ *").all_inner_texts()
    decided = " ".join(decided)
    assert f"Awarded {pounds(AWARD)} (you asked for {pounds(ASK)})." in decided
    for text in FEEDBACK.values():
        assert text in decided
    assert_accessible(officer)

    package = officer.request.get("/fund/grants.json").json()
    assert package_errors(package) == []
    (grant,) = [g for g in package["grants"] if g["title"] == BID.title]
    assert grant["amountAwarded"] == AWARD
    assert grant["currency"] == "GBP"
    assert grant["id"].startswith("360G-")
