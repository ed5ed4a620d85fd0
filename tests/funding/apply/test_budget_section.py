"""The budget section of a bid: phases, amounts and costs."""

import re

import pytest
from django.urls import reverse

from funding import sections
from funding.models import (
    CostCategory,
    CostLine,
    Phase,
)
from tests.factories import (
    BidFactory,
)
from tests.funding.apply.sections import (
    error_summary,
    fresh,
    new_draft,
    officer_email,
    signed_in,
    status,
    text,
    url,
)

pytestmark = pytest.mark.django_db


# Phase and budget ------------------------------------------------------------


def budget_post(**values) -> dict:
    return {"phase": "discovery", "amount": "", "completed": "no", "action": "save", **values}


def test_only_the_rounds_phases_are_offered_each_with_its_cap():
    bid = new_draft(phases={Phase.DISCOVERY: 100_000, Phase.ALPHA: 180_000})
    page = text(signed_in(officer_email(bid)).get(url(bid, "budget")))

    assert "Discovery Up to £100,000" in page
    assert "Alpha Up to £180,000" in page
    assert "Beta Up to" not in page


def test_a_phase_the_round_does_not_fund_is_refused():
    bid = new_draft(phases={Phase.DISCOVERY: 100_000})
    response = signed_in(officer_email(bid)).post(url(bid, "budget"), budget_post(phase="beta"))

    assert error_summary(response) == [("Select a phase from the list", "phase")]


@pytest.mark.parametrize(
    "typed, saved",
    [("£1,200", 1200), (" 1 200 ", 1200), ("1200.00", 1200), ("0", 0), ("", None)],
)
def test_amounts_are_read_as_people_write_money(client_of, draft, typed, saved):
    response = client_of.post(url(draft, "budget"), budget_post(amount=typed))

    assert response.status_code == 302
    assert fresh(draft).amount == saved


@pytest.mark.parametrize(
    "typed, message",
    [
        ("12.50", "Enter the amount in whole pounds, without pence"),
        ("-5", "Amount must be £0 or more"),
        ("£-5", "Amount must be £0 or more"),
        (str(10**30), "Amount must be £100,000,000 or less"),
        ("1e9", "Enter the amount as a number of pounds, like 25000"),
        ("ten thousand", "Enter the amount as a number of pounds, like 25000"),
        ("١٢٣", "Enter the amount as a number of pounds, like 25000"),
    ],
)
def test_amounts_that_are_not_whole_pounds_are_refused(client_of, draft, typed, message):
    response = client_of.post(url(draft, "budget"), budget_post(amount=typed))

    assert error_summary(response) == [(message, "amount")]
    assert f'value="{typed}"' in response.content.decode()
    assert fresh(draft).amount is None
    # The phase, which was fine, is saved.
    assert fresh(draft).phase == "discovery"


def test_an_amount_over_the_phases_cap_is_refused_with_the_cap(client_of, draft):
    client_of.post(
        url(draft, "budget"),
        budget_post(
            action="add",
            cost_category="supplier",
            cost_description="Agency",
            cost_amount="150000",
        ),
    )

    response = client_of.post(url(draft, "budget"), budget_post(amount="150000", completed="yes"))

    assert error_summary(response) == [
        (
            "Enter an amount of no more than £100,000, the most this round gives for discovery",
            "amount",
        )
    ]
    assert fresh(draft).amount == 150_000
    assert status(draft, "budget") == sections.Status.IN_PROGRESS


def test_costs_are_added_listed_with_a_total_and_removed(client_of, draft):
    response = client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90,000",
            action="add",
            cost_category="lead",
            cost_description="Product manager",
            cost_amount="£50,000",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == url(draft, "budget") + "#cost-breakdown"
    page = client_of.get(response["Location"])
    words = text(page)
    assert "Cost added" in words
    assert "Lead council Product manager £50,000" in words
    assert "Total of the costs £50,000" in words
    assert "£40,000 less than the £90,000 you are asking for" in words
    # The amount typed before pressing "Add cost" was saved too.
    assert fresh(draft).amount == 90_000

    line = CostLine.objects.get(bid=draft)
    # A Remove button sends its own name and value, and no "action".
    response = client_of.post(
        url(draft, "budget"), {"phase": "discovery", "amount": "90000", "remove": line.pk}
    )

    assert response.status_code == 302
    assert not CostLine.objects.filter(bid=draft).exists()
    assert "Cost removed" in text(client_of.get(response["Location"]))


def test_costs_must_add_up_to_the_amount_to_complete_the_section(client_of, draft):
    client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90000",
            action="add",
            cost_category="supplier",
            cost_description="Research agency",
            cost_amount="60000",
        ),
    )

    response = client_of.post(url(draft, "budget"), budget_post(amount="90000", completed="yes"))

    assert error_summary(response) == [
        (
            "Make the costs add up to the amount you are asking for: they come to £60,000, "
            "and you are asking for £90,000",
            "cost_lines",
        )
    ]
    assert 'id="cost_lines"' in response.content.decode()

    response = client_of.post(
        url(draft, "budget"),
        budget_post(
            amount="90000",
            completed="yes",
            cost_category="partner",
            cost_description="Partner researchers",
            cost_amount="30000",
        ),
    )

    # The cost typed in with "Save and continue" was added, and the section is complete.
    assert response.status_code == 302
    assert response["Location"] == reverse("apply:bid", kwargs={"pk": draft.pk})
    assert status(draft, "budget") == sections.Status.COMPLETED
    assert [line.category for line in fresh(draft).cost_lines.all()] == [
        CostCategory.SUPPLIER,
        CostCategory.PARTNER,
    ]


def test_a_cost_with_missing_or_wrong_parts_is_not_added(client_of, draft):
    response = client_of.post(
        url(draft, "budget"),
        budget_post(action="add", cost_description="D" * 201, cost_amount="12.34"),
    )

    assert error_summary(response) == [
        ("Select who the cost is for", "cost_category"),
        ("The description must be 200 characters or fewer", "cost_description"),
        ("Enter the cost in whole pounds, without pence", "cost_amount"),
    ]
    assert not CostLine.objects.filter(bid=draft).exists()

    response = client_of.post(url(draft, "budget"), budget_post(action="add"))

    assert [message for message, _ in error_summary(response)] == [
        "Select who the cost is for",
        "Enter a description of the cost",
        "Enter the cost in pounds",
    ]


def test_pressing_enter_saves_and_stays_on_the_page(client_of, draft):
    page = client_of.get(url(draft, "budget")).content.decode()
    # The budget's form (after the sign-out button's, at the top of the page).
    form = page[page.rindex("<form", 0, page.index('name="amount"')) :]
    # The first button in the form is the hidden one that Enter presses.
    first_button = re.search(r"<button[^>]*>", form).group(0)
    assert 'value="update"' in first_button and 'tabindex="-1"' in first_button

    response = client_of.post(url(draft, "budget"), budget_post(action="update", amount="5000"))

    assert response["Location"] == url(draft, "budget") + "#cost-breakdown"
    assert fresh(draft).amount == 5000


def test_the_buttons_besides_save_do_not_ask_the_question(client_of, draft):
    response = client_of.post(
        url(draft, "budget"), {"action": "update", "amount": "5000", "phase": ""}
    )

    assert response.status_code == 302


def test_adding_a_cost_with_yes_still_checked_does_not_complain_of_the_rest(client):
    bid = BidFactory()
    client = signed_in(officer_email(bid))
    page = client.get(url(bid, "budget")).content.decode()
    assert re.search(r'value="yes"\s+checked', page)

    response = client.post(
        url(bid, "budget"),
        budget_post(
            amount="90000",
            completed="yes",
            action="add",
            cost_category="supplier",
            cost_description="Hosting",
            cost_amount="500",
        ),
    )

    # Adding a cost is not saying the section is complete: no errors, back to the costs.
    assert response["Location"] == url(bid, "budget") + "#cost-breakdown"
    assert status(bid, "budget") == sections.Status.IN_PROGRESS
    assert "£500 more than the £90,000 you are asking for" in text(client.get(response["Location"]))


def test_removing_a_cost_of_another_bid_does_nothing(client_of, draft):
    other = BidFactory()
    line = other.cost_lines.first()

    client_of.post(url(draft, "budget"), budget_post(remove=line.pk))

    assert CostLine.objects.filter(pk=line.pk).exists()
