"""Assigning assessors in the bid admin, what each assessor sees, and the
refusal a conflicted assessor meets when opening or scoring a bid."""

import pytest

from funding.models import AssessorProfile, Assignment, Conflict, ConflictKind, Score
from tests.admin_pages import page_text
from tests.factories import RoundFactory, signed_council
from tests.funding.admin.fund_admin import (
    BIDS,
    bid_in_assessment,
    change_url,
    list_rows,
    score_url,
    submitted_bid,
)
from tests.funding.assessors import fund_manager, plain_assessor
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def manager(django_user_model):
    return fund_manager(django_user_model, first_name="Mo", last_name="Patel")


@pytest.fixture
def bo(django_user_model):
    return plain_assessor(django_user_model, "bo", first_name="Bo", last_name="Li")


def assign_url(bid) -> str:
    return f"{BIDS}{bid.pk}/assign/"


def test_an_assessor_sees_only_the_bids_assigned_to_them(client, bo, manager):
    theirs, other = submitted_bid(), submitted_bid()
    Assignment.objects.create(bid=theirs, assessor=bo, assigned_by=manager)
    sign_in_staff(client, bo)

    rows = list_rows(client.get(BIDS))

    assert [theirs.reference in row for row in rows] == [True]
    assert client.get(change_url(theirs)).status_code == 200
    # Another bid is, to them, no bid at all.
    assert client.get(change_url(other)).status_code == 302
    assert client.get(score_url(other)).status_code == 404


def test_a_fund_manager_sees_every_bid_with_its_assessors_against_the_minimum(client, bo, manager):
    round_ = RoundFactory(min_assessors=2)
    short, full = submitted_bid(round=round_), submitted_bid(round=round_)
    Assignment.objects.create(bid=short, assessor=bo)
    Assignment.objects.create(bid=full, assessor=bo)
    Assignment.objects.create(bid=full, assessor=manager)
    sign_in_staff(client, manager)

    rows = list_rows(client.get(BIDS))
    below = list_rows(client.get(BIDS, {"assessors": "below"}))

    assert any(short.reference in row and "1 of 2: needs more" in row for row in rows)
    assert any(full.reference in row and "2 of 2" in row and "needs" not in row for row in rows)
    assert [short.reference in row for row in below] == [True]


def test_a_manager_assigns_assessors_on_a_bids_page(client, bo, manager):
    bid = submitted_bid()
    sign_in_staff(client, manager)

    form = client.get(assign_url(bid))
    response = client.post(assign_url(bid), {"assessors": [bo.pk]}, follow=True)

    assert "Bo Li" in page_text(form)
    assert "1 assignment made." in page_text(response)
    assert "Bo Li" in page_text(client.get(change_url(bid)))
    assert Assignment.objects.get().assessor == bo


def test_choosing_nobody_is_an_error_that_changes_nothing(client, manager):
    bid = submitted_bid()
    sign_in_staff(client, manager)

    response = client.post(assign_url(bid), {})

    assert response.status_code == 200
    assert "Choose at least one assessor." in page_text(response)
    assert not Assignment.objects.exists()


def test_assigning_a_conflicted_assessor_is_refused_with_a_clear_message(
    client, django_user_model, manager
):
    lead = signed_council(name="Kirklees Council")
    cy = plain_assessor(
        django_user_model, "cy", organisation=lead, first_name="Cy", last_name="Jones"
    )
    bid = submitted_bid(lead=lead)
    sign_in_staff(client, manager)

    response = client.post(assign_url(bid), {"assessors": [cy.pk]}, follow=True)

    text = page_text(response)
    assert (
        f"Cy Jones cannot assess {bid.reference}: Their organisation, Kirklees Council, "
        "leads the bid."
    ) in text
    assert not Assignment.objects.exists()
    # Recorded, and shown on the bid's page.
    assert "Conflicts of interest Assessor How Reason Recorded Cy Jones Automatic" in text


def test_the_bulk_action_assigns_assessors_to_every_bid_ticked(client, bo, manager):
    first, second = submitted_bid(), submitted_bid()
    sign_in_staff(client, manager)
    ticked = {"action": "assign_assessors", "_selected_action": [first.pk, second.pk]}

    asked = client.post(BIDS, ticked)
    done = client.post(BIDS, {**ticked, "apply": "yes", "assessors": [bo.pk]}, follow=True)

    assert "Assign assessors" in page_text(asked)
    assert first.reference in page_text(asked) and second.reference in page_text(asked)
    assert "2 assignments made." in page_text(done)
    assert set(Assignment.objects.values_list("bid", flat=True)) == {first.pk, second.pk}


def test_plain_assessors_cannot_assign(client, bo):
    bid = submitted_bid()
    sign_in_staff(client, bo)
    Assignment.objects.create(bid=bid, assessor=bo)

    assert client.post(assign_url(bid), {"assessors": [bo.pk]}).status_code == 403
    assert Assignment.objects.count() == 1


def test_a_manager_removes_an_assessor(client, bo, manager):
    bid = submitted_bid()
    assignment = Assignment.objects.create(bid=bid, assessor=bo)
    sign_in_staff(client, manager)
    url = f"{BIDS}{bid.pk}/unassign/{assignment.pk}/"

    asked = client.get(url)
    done = client.post(url, follow=True)

    assert "Remove Bo Li from" in page_text(asked)
    assert f"Bo Li is no longer assigned {bid.reference}." in page_text(done)
    assert not Assignment.objects.exists()


# A conflicted assessor


def conflicted(bid, assessor, reason="I advised the lead council on this project."):
    Assignment.objects.create(bid=bid, assessor=assessor)
    return Conflict.objects.create(
        bid=bid, assessor=assessor, kind=ConflictKind.DECLARED, reason=reason
    )


def test_a_conflicted_assessor_is_refused_the_bid_with_the_reason_and_nothing_of_it(client, bo):
    bid = bid_in_assessment()
    conflicted(bid, bo)
    sign_in_staff(client, bo)

    for url in [change_url(bid), score_url(bid), f"{BIDS}{bid.pk}/history/"]:
        response = client.get(url)
        text = page_text(response)
        assert response.status_code == 403
        assert f"You have a conflict of interest with {bid.reference}" in text
        assert "I advised the lead council on this project." in text
        assert bid.title not in text
        assert bid.summary not in text


def test_a_conflicted_assessor_cannot_post_scores(client, bo):
    bid = bid_in_assessment()
    conflicted(bid, bo)
    sign_in_staff(client, bo)
    form = {}
    for criterion in bid.round.criteria.all():
        form[f"score_{criterion.pk}"] = "4"
        form[f"justification_{criterion.pk}"] = "Strong."

    response = client.post(score_url(bid), form)

    assert response.status_code == 403
    assert not Score.objects.exists()


def test_a_manager_of_the_leading_council_is_refused_too(client, django_user_model):
    lead = signed_council(name="Wakefield Council")
    manager = fund_manager(django_user_model)
    AssessorProfile.objects.create(user=manager, organisation=lead)
    bid = bid_in_assessment(lead=lead)
    sign_in_staff(client, manager)

    response = client.get(change_url(bid))

    assert response.status_code == 403
    assert "Their organisation, Wakefield Council, leads the bid." in page_text(response)


def test_fund_managers_read_every_conflict_recorded_and_assessors_do_not(client, bo, manager):
    bid = submitted_bid()
    conflicted(bid, bo, reason="My sister leads the project.")
    sign_in_staff(client, manager)

    listed = list_rows(client.get("/admin/funding/conflict/"))

    assert len(listed) == 1
    assert bid.reference in listed[0] and "My sister leads the project." in listed[0]
    sign_in_staff(client, bo)
    assert client.get("/admin/funding/conflict/").status_code == 403
