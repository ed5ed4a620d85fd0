"""The queries each section page runs, and the rules of funding.sections
that decide each section's status."""

import pytest

from declaration.models import Principle, ServiceArea
from funding import sections
from funding.models import (
    Attachment,
    AttachmentKind,
    Bid,
    CostCategory,
    CostLine,
    Phase,
    Section,
)
from funding.section_forms import parse_pounds
from signatories.models import SignUpState
from tests.factories import (
    BidFactory,
    signed_council,
)
from tests.funding.apply.sections import (
    fresh,
    new_draft,
    officer_email,
    signed_in,
    url,
)

pytestmark = pytest.mark.django_db


# Queries ---------------------------------------------------------------------


def _grow(bid: Bid, size: int) -> None:
    """Give the bid `size` partners, cost lines, attachments and principles."""
    bid.partners.set([signed_council() for _ in range(size)])
    for number in range(size):
        CostLine.objects.create(
            bid=bid, category=CostCategory.LEAD, description=f"Cost {number}", amount=100
        )
        Attachment.objects.create(
            bid=bid,
            token=f"token-{bid.pk}-{number}",
            file=f"bids/{bid.pk}/token-{number}",
            original_name=f"Letter {number}.pdf",
            kind=AttachmentKind.PDF,
            size=1000,
            uploaded_by_email=bid.created_by_email,
        )
    bid.principles.set(Principle.objects.all()[:size])
    for _ in range(size):
        signed_council()


# The session, whom the officer's address belongs to, the bid with everything
# its sections hold (seven), and what the page offers to choose from.
QUERIES = {
    "project": 10,  # the service areas
    "problem": 9,
    "partners": 10,  # the councils that could join
    "budget": 9,
    "delivery": 9,
    "principles": 10,  # the principles
    "attachments": 9,
    "declarations": 9,
}


@pytest.mark.parametrize("size", [1, 4])
@pytest.mark.parametrize("section", Section.values)
def test_each_section_page_runs_the_same_queries_whatever_the_bid_holds(
    section, size, django_assert_num_queries
):
    bid = new_draft()
    _grow(bid, size)
    client = signed_in(officer_email(bid))

    with django_assert_num_queries(QUERIES[section]):
        response = client.get(url(bid, section))

    assert response.status_code == 200


# The rules of funding.sections ----------------------------------------------


def test_a_new_bid_has_every_section_not_started():
    bid = fresh(new_draft())

    assert set(sections.statuses(bid).values()) == {sections.Status.NOT_STARTED}
    assert sections.check_and_submit_status(bid) == sections.Status.CANNOT_START


def test_a_complete_bid_is_ready_to_submit():
    bid = fresh(BidFactory())

    assert set(sections.statuses(bid).values()) == {sections.Status.COMPLETED}
    assert sections.ready_to_submit(bid)
    assert sections.incomplete_sections(bid) == []


def test_a_section_marked_complete_reopens_when_its_answers_stop_being_complete():
    bid = BidFactory()
    bid.cost_lines.first().delete()

    bid = fresh(bid)

    assert sections.status(bid, "budget") == sections.Status.IN_PROGRESS
    assert sections.incomplete_sections(bid) == ["Phase and budget"]
    assert not sections.ready_to_submit(bid)


def test_a_partner_whose_signature_is_removed_reopens_partners():
    bid = BidFactory()
    partner = bid.partners.first()
    partner.sign_ups.update(state=SignUpState.REMOVED)

    found = sections.problems(fresh(bid), "partners")

    assert found[0].field == "partners"
    assert partner.name in found[0].message


def test_attachments_are_optional():
    bid = fresh(new_draft())

    assert sections.problems(bid, "attachments") == []


def test_budget_problems_name_the_cap_and_the_missing_costs():
    bid = BidFactory(amount=None)
    bid.cost_lines.all().delete()
    Bid.objects.filter(pk=bid.pk).update(phase=Phase.BETA, amount=400_000)

    found = sections.problems(fresh(bid), "budget")

    assert [problem.field for problem in found] == ["amount", "cost_lines"]
    assert "£350,000" in found[0].message


def test_an_unknown_section_is_a_programming_error():
    with pytest.raises(ValueError):
        sections.problems(fresh(BidFactory()), "nonsense")


def test_service_areas_exist_for_the_project_section():
    assert ServiceArea.objects.filter(slug="public-health").exists()


@pytest.mark.parametrize(
    "typed, pounds",
    [("£25,000", 25000), ("GBP 10", 10), ("-0", 0), ("7.0", 7), ("  ", None)],
)
def test_parse_pounds(typed, pounds):
    assert parse_pounds(typed, noun="amount") == pounds
