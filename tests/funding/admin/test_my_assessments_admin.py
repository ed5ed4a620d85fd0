"""An assessor's own pages: "My assessments" and declaring a conflict of interest."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.models import AssessorProfile, Assignment, Conflict, ConflictKind
from tests.admin_pages import make_staff, page_text
from tests.factories import RoundFactory, signed_council
from tests.funding.admin.fund_admin import BIDS, bid_in_assessment, scored, submitted_bid
from tests.funding.assessors import plain_assessor
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

MINE = f"{BIDS}my-assessments/"


@pytest.fixture
def bo(django_user_model):
    return plain_assessor(django_user_model, "bo", first_name="Bo", last_name="Li")


def rows(response) -> list[str]:
    """Each row of the table of assessments, as text."""
    html = response.content.decode()
    table = html[html.index('<table id="my-assessments"') :]
    table = table[: table.index("</table>")]
    cells = re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)[1:]
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", row)).split()) for row in cells]


def test_my_assessments_lists_due_dates_soonest_first_with_overdue_marked(client, bo):
    later = RoundFactory(assessment_due_on=datetime.date(2026, 6, 30))
    sooner = RoundFactory(assessment_due_on=datetime.date(2026, 5, 1))
    undated = RoundFactory(assessment_due_on=None)
    late_bid = bid_in_assessment(round=sooner)
    done_bid = bid_in_assessment(round=later)
    open_bid = submitted_bid(round=undated)
    for bid in [open_bid, done_bid, late_bid]:
        Assignment.objects.create(bid=bid, assessor=bo)
    scored(done_bid, bo, [3, 2, 4])
    sign_in_staff(client, bo)

    with time_machine.travel(datetime.datetime(2026, 5, 12, 9, tzinfo=datetime.UTC)):
        listed = rows(client.get(MINE))

    assert len(listed) == 3
    assert listed[0].startswith(late_bid.reference)
    assert "1 May 2026 Overdue Not scored" in listed[0]
    assert listed[1].startswith(done_bid.reference)
    assert "30 June 2026 Scored" in listed[1]
    assert "Overdue" not in listed[1]
    assert listed[2].startswith(open_bid.reference)
    assert "No due date Not scored" in listed[2]


def test_my_assessments_reads_a_fixed_number_of_queries(client, bo):
    def page_queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(MINE).status_code == 200
        return len(captured)

    sign_in_staff(client, bo)
    Assignment.objects.create(bid=bid_in_assessment(), assessor=bo)
    few = page_queries()
    for _ in range(3):
        Assignment.objects.create(bid=bid_in_assessment(), assessor=bo)

    assert page_queries() == few


def test_an_assessor_with_nothing_assigned_is_told_so(client, bo):
    sign_in_staff(client, bo)

    assert "You have no assessments to do." in page_text(client.get(MINE))


def test_an_assessor_declares_a_conflict_and_the_bid_leaves_their_list(client, bo):
    bid = submitted_bid()
    Assignment.objects.create(bid=bid, assessor=bo)
    sign_in_staff(client, bo)
    url = f"{BIDS}{bid.pk}/declare-conflict/"

    response = client.post(url, {"reason": "I used to manage this project."}, follow=True)

    assert f"Your conflict of interest with {bid.reference} is recorded." in page_text(response)
    assert "You have no assessments to do." in page_text(response)
    conflict = Conflict.objects.get()
    assert (conflict.kind, conflict.reason) == (
        ConflictKind.DECLARED,
        "I used to manage this project.",
    )
    assert client.get(f"{BIDS}{bid.pk}/change/").status_code == 403


def test_a_conflict_without_a_reason_is_an_error_that_changes_nothing(client, bo):
    bid = submitted_bid()
    Assignment.objects.create(bid=bid, assessor=bo)
    sign_in_staff(client, bo)

    response = client.post(f"{BIDS}{bid.pk}/declare-conflict/", {"reason": "  "})

    assert response.status_code == 200
    assert "Please correct the error below." in page_text(response)
    assert "Enter why you have a conflict of interest." in page_text(response)
    assert not Conflict.objects.exists()
    assert Assignment.objects.count() == 1


def test_a_conflict_cannot_be_declared_on_a_bid_not_assigned(client, bo):
    bid = submitted_bid()
    sign_in_staff(client, bo)

    response = client.post(f"{BIDS}{bid.pk}/declare-conflict/", {"reason": "x"}, follow=True)

    assert "That bid is not one of your assessments." in page_text(response)
    assert not Conflict.objects.exists()


def test_a_superuser_sets_an_assessors_organisation_on_their_account(client, django_user_model, bo):
    admin = make_staff(django_user_model, "root", is_superuser=True)
    council = signed_council(name="Barnsley Council")
    sign_in_staff(client, admin)
    page = client.get(f"/admin/auth/user/{bo.pk}/change/")
    form = {
        "username": bo.username,
        "first_name": bo.first_name,
        "last_name": bo.last_name,
        "email": bo.email,
        "is_active": "on",
        "is_staff": "on",
        "groups": list(bo.groups.values_list("pk", flat=True)),
        "date_joined_0": "2026-01-01",
        "date_joined_1": "09:00:00",
        "assessor_profile-TOTAL_FORMS": "1",
        "assessor_profile-INITIAL_FORMS": "0",
        "assessor_profile-0-organisation": council.pk,
    }

    response = client.post(f"/admin/auth/user/{bo.pk}/change/", form)

    assert "Organisation (for conflicts of interest" in page_text(page)
    assert response.status_code == 302, page_text(response)[:2000]
    assert AssessorProfile.objects.get(user=bo).organisation == council
