"""The task list of a bid: each section's status and whether it can be sent."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding import services
from funding.models import CostCategory, CostLine, Section
from tests.factories import BidFactory, signed_council
from tests.funding.apply.journey import (
    new_draft,
)
from tests.govuk_pages import text, title

pytestmark = pytest.mark.django_db


def task_statuses(response) -> dict[str, str]:
    """Each task's name and status, as the task list shows them."""
    html = response.content.decode()
    items = re.findall(r'<li class="govuk-task-list__item.*?</li>', html, re.S)
    found = {}
    for item in items:
        name_html, status_html = item.split('<div class="govuk-task-list__status', 1)
        name = " ".join(re.sub(r"<[^>]+>", " ", name_html).split())
        status = " ".join(re.sub(r"<[^>]+>", " ", status_html.split(">", 1)[1]).split())
        found[name] = status
    return found


# The task list -----------------------------------------------------------------


def test_a_new_draft_has_every_section_not_started(officer, round_, council):
    bid = new_draft(round_, council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert response.status_code == 200
    assert "You have completed 0 of 8 sections" in text(response)
    statuses = task_statuses(response)
    assert statuses == {
        **{label: "Not started" for label in Section.labels},
        "Check your answers and submit": "Cannot start yet",
    }
    html = response.content.decode()
    for section in Section.values:
        assert f'href="/fund/apply/bids/{bid.pk}/{section}/"' in html
    assert "govuk-tag--blue" in html
    assert "govuk-task-list__status--cannot-start-yet" in html
    assert "check-your-answers" not in html
    assert "Submit your bid by" in text(response)


def test_sections_show_in_progress_and_completed(officer, round_, council):
    bid = new_draft(round_, council)
    services.bid_save_section(
        bid=bid, section=Section.PROJECT, values={"title": "Shared bins"}, completed=False
    )
    services.bid_save_section(
        bid=bid,
        section=Section.PROBLEM,
        values={"problem": "Missed bins", "users": "Residents"},
        completed=True,
    )

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    statuses = task_statuses(response)
    assert statuses["Project summary"] == "In progress"
    assert statuses["Problem and users"] == "Completed"
    assert statuses["Partners"] == "Not started"
    assert "You have completed 1 of 8 sections" in text(response)
    assert title(response) == "Shared bins – Local Digital"
    assert "govuk-tag--light-blue" in response.content.decode()


def test_a_complete_draft_links_to_check_your_answers(officer, round_, council):
    bid = BidFactory(round=round_, lead=council)

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert "You have completed 8 of 8 sections" in text(response)
    assert set(task_statuses(response).values()) == {"Completed", "Not started"}
    assert task_statuses(response)["Check your answers and submit"] == "Not started"
    assert f'href="/fund/apply/bids/{bid.pk}/check-your-answers/"' in response.content.decode()


def test_after_the_round_closes_the_draft_is_kept_but_cannot_be_submitted(officer, round_, council):
    bid = BidFactory(round=round_, lead=council)
    round_.closes_at = round_.opens_at + (round_.closes_at - round_.opens_at) / 1000
    round_.save()

    response = officer.get(f"/fund/apply/bids/{bid.pk}/")

    assert "Round 7 closed on" in text(response)
    assert "This draft has been kept, but it can no longer be submitted" in text(response)
    assert task_statuses(response)["Check your answers and submit"] == "Round closed"
    assert "check-your-answers" not in response.content.decode()


def test_the_task_list_runs_the_same_queries_whatever_the_size_of_the_bid(
    officer, round_, council, django_assert_num_queries
):
    small = BidFactory(round=round_, lead=council)
    with CaptureQueriesContext(connection) as few:
        assert officer.get(f"/fund/apply/bids/{small.pk}/").status_code == 200
    large = BidFactory(
        round=round_, lead=council, partners=[signed_council() for _ in range(6)], amount=60_000
    )
    for number in range(10):
        CostLine.objects.create(
            bid=large, category=CostCategory.PARTNER, description=f"Line {number}", amount=1
        )

    with django_assert_num_queries(len(few)):
        assert officer.get(f"/fund/apply/bids/{large.pk}/").status_code == 200
