"""The rules of assignment and conflicts of interest, in the service layer."""

import pytest
from django.core.exceptions import ValidationError

from funding import services
from funding.models import AssessorProfile, Assignment, BidState, Conflict, ConflictKind, Score
from tests.factories import decided_bid, signed_council
from tests.funding.admin.fund_admin import bid_in_assessment, scored, submitted_bid
from tests.funding.assessors import fund_manager, plain_assessor

pytestmark = pytest.mark.django_db


def refusal(call) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        call()
    return refused.value


def test_an_assessor_is_assigned_a_bid_and_only_once(django_user_model):
    manager = fund_manager(django_user_model)
    bo = plain_assessor(django_user_model, "bo", first_name="Bo", last_name="Li")
    bid = submitted_bid()

    assignment = services.assign_assessor(bid=bid, assessor=bo, by=manager)
    again = refusal(lambda: services.assign_assessor(bid=bid, assessor=bo, by=manager))

    assert (assignment.bid, assignment.assessor, assignment.assigned_by) == (bid, bo, manager)
    assert again.code == "already_assigned"
    assert again.messages == [f"Bo Li is assigned {bid.reference} already."]
    assert Assignment.objects.count() == 1


def test_an_assessor_whose_organisation_leads_the_bid_is_never_assigned_it(django_user_model):
    lead = signed_council(name="Kirklees Council")
    bo = plain_assessor(django_user_model, "bo", organisation=lead, first_name="Bo", last_name="Li")
    bid = submitted_bid(lead=lead)

    refused = refusal(lambda: services.assign_assessor(bid=bid, assessor=bo, by=None))

    assert refused.code == "conflicted"
    assert refused.messages == [
        f"Bo Li cannot assess {bid.reference}: Their organisation, Kirklees Council, leads the bid."
    ]
    assert not Assignment.objects.exists()
    conflict = Conflict.objects.get()
    assert (conflict.bid, conflict.assessor, conflict.kind) == (bid, bo, ConflictKind.AUTOMATIC)


def test_an_assessor_whose_organisation_partners_the_bid_is_never_assigned_it(django_user_model):
    partner = signed_council(name="Calderdale Council")
    bo = plain_assessor(django_user_model, "bo", organisation=partner)
    bid = submitted_bid(partners=[partner, signed_council()])

    refused = refusal(lambda: services.assign_assessor(bid=bid, assessor=bo, by=None))

    assert "Their organisation, Calderdale Council, is a partner in the bid." in refused.messages[0]
    assert not Assignment.objects.exists()


def test_only_assessors_and_bids_still_to_be_decided_are_assigned(django_user_model):
    outsider = django_user_model.objects.create_user("outsider", is_staff=True)
    bo = plain_assessor(django_user_model, "bo")
    withdrawn = decided_bid(state=BidState.NOT_FUNDED)

    assert (
        refusal(
            lambda: services.assign_assessor(bid=submitted_bid(), assessor=outsider, by=None)
        ).code
        == "not_an_assessor"
    )
    assert (
        refusal(lambda: services.assign_assessor(bid=withdrawn, assessor=bo, by=None)).code
        == "not_assignable"
    )
    assert not Assignment.objects.exists()


def test_a_declared_conflict_is_recorded_and_ends_the_assignment(django_user_model):
    bo = plain_assessor(django_user_model, "bo")
    bid = submitted_bid()
    services.assign_assessor(bid=bid, assessor=bo, by=None)

    services.declare_conflict(bid=bid, assessor=bo, reason="  I advised the lead on this bid. ")

    conflict = Conflict.objects.get()
    assert (conflict.kind, conflict.reason) == (
        ConflictKind.DECLARED,
        "I advised the lead on this bid.",
    )
    assert not Assignment.objects.exists()
    again = refusal(lambda: services.assign_assessor(bid=bid, assessor=bo, by=None))
    assert again.code == "conflicted"


def test_a_conflict_needs_a_reason_and_a_bid_assigned_to_the_assessor(django_user_model):
    bo = plain_assessor(django_user_model, "bo")
    bid = submitted_bid()

    unassigned = refusal(lambda: services.declare_conflict(bid=bid, assessor=bo, reason="Why"))
    services.assign_assessor(bid=bid, assessor=bo, by=None)
    blank = refusal(lambda: services.declare_conflict(bid=bid, assessor=bo, reason="   "))

    assert unassigned.code == "not_assigned"
    assert blank.messages == ["Enter why you have a conflict of interest"]
    assert not Conflict.objects.exists()
    assert Assignment.objects.count() == 1


def test_a_conflicted_assessor_cannot_score_the_bid_even_through_the_service(django_user_model):
    lead = signed_council()
    # A fund manager sees every bid, but is conflicted on their organisation's all the same.
    manager = fund_manager(django_user_model)
    AssessorProfile.objects.create(user=manager, organisation=lead)
    bid = bid_in_assessment(lead=lead)

    with pytest.raises(services.ConflictOfInterest) as refused:
        scored(bid, manager, [3, 2, 4])

    assert "leads the bid" in refused.value.reason
    assert not Score.objects.exists()


def test_a_declared_conflict_stops_scoring_too(django_user_model):
    bo = plain_assessor(django_user_model, "bo")
    bid = bid_in_assessment()
    services.assign_assessor(bid=bid, assessor=bo, by=None)
    services.declare_conflict(bid=bid, assessor=bo, reason="My partner works for the lead.")

    with pytest.raises(services.ConflictOfInterest) as refused:
        scored(bid, bo, [3, 2, 4])

    assert refused.value.reason == "My partner works for the lead."
    assert not Score.objects.exists()
