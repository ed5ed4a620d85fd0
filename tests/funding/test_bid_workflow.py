"""The bid workflow refuses every move its table does not allow, records every
one it makes, and gives back the lead's place when a bid is withdrawn."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError

from funding import services
from funding.models import Bid, BidState, BidStateChange
from funding.workflow import MOVES, IllegalMove, allowed_moves, move
from tests.factories import BidFactory, decided_bid, decision_for

pytestmark = pytest.mark.django_db

State = BidState

# The product's rules, written out again here rather than read from the
# table, so that a change to the table has to be made on purpose in both.
EXPECTED_MOVES = {
    State.DRAFT: {"submit", "withdraw"},
    State.SUBMITTED: {"start_assessment", "withdraw"},
    State.IN_ASSESSMENT: {"fund", "not_fund", "withdraw"},
    State.FUNDED: set(),
    State.NOT_FUNDED: set(),
    State.WITHDRAWN: set(),
}
ILLEGAL = [
    (state, name) for state in State.values for name in MOVES if name not in EXPECTED_MOVES[state]
]


@pytest.fixture
def assessor(django_user_model):
    user = django_user_model.objects.create_user(username="assessor", password="unused-pass-123")
    user.groups.add(Group.objects.get(name="Fund assessors"))
    return user


def submitted_bid(**fields) -> Bid:
    return decided_bid(state=State.SUBMITTED, **fields)


@pytest.mark.parametrize("state", State.values)
def test_each_state_allows_exactly_the_moves_the_product_describes(state):
    assert set(allowed_moves(state)) == EXPECTED_MOVES[state]


@pytest.mark.parametrize(("state", "move_name"), ILLEGAL)
def test_an_illegal_move_is_refused_and_changes_nothing(state, move_name, assessor):
    bid = BidFactory() if state == State.DRAFT else decided_bid(state=state)
    history_before = list(bid.state_changes.values_list("pk", flat=True))

    with pytest.raises(IllegalMove) as refused:
        move(bid, move_name, by_user=assessor, note="should not be kept")

    assert "bid" in str(refused.value)
    bid.refresh_from_db()
    assert bid.state == state
    assert list(bid.state_changes.values_list("pk", flat=True)) == history_before


def test_assessment_and_decision_are_recorded_with_who_when_and_why(
    assessor, django_capture_on_commit_callbacks
):
    bid = submitted_bid()

    services.bid_start_assessment(bid=bid, by=assessor, note="Screened: eligible")
    with django_capture_on_commit_callbacks(execute=True):
        services.bid_decide(
            bid=bid, funded=True, by=assessor, decision=decision_for(bid), note="Panel of 3 March"
        )

    bid.refresh_from_db()
    assert bid.state == State.FUNDED
    assert bid.decided_at is not None
    changes = list(BidStateChange.objects.filter(bid=bid).order_by("at", "pk"))
    assert [(c.from_state, c.to_state, c.by_user, c.note) for c in changes] == [
        (State.SUBMITTED, State.IN_ASSESSMENT, assessor, "Screened: eligible"),
        (State.IN_ASSESSMENT, State.FUNDED, assessor, "Panel of 3 March"),
    ]
    [email] = mail.outbox
    assert email.to == [bid.submitted_by_email]
    assert "has been funded" in email.subject
    assert bid.reference in email.body


def test_a_decision_on_a_page_read_before_another_decision_is_refused(assessor):
    bid = decided_bid(state=State.IN_ASSESSMENT)
    seen_earlier = Bid.objects.get(pk=bid.pk)
    services.bid_decide(
        bid=Bid.objects.get(pk=bid.pk),
        funded=False,
        by=assessor,
        decision=decision_for(bid),
        note="No",
    )

    with pytest.raises(IllegalMove) as refused:
        services.bid_decide(
            bid=seen_earlier,
            funded=True,
            by=assessor,
            decision=decision_for(bid),
            note="Yes",
        )

    assert refused.value.stale
    bid.refresh_from_db()
    assert bid.state == State.NOT_FUNDED


def test_withdrawing_frees_the_leads_place_and_tells_the_officer(
    django_capture_on_commit_callbacks,
):
    bid = submitted_bid()
    assert bid.lead_slot == 1

    with django_capture_on_commit_callbacks(execute=True):
        services.bid_withdraw(bid=bid, email=bid.created_by_email, reason="Partner pulled out")

    bid.refresh_from_db()
    assert bid.state == State.WITHDRAWN
    assert bid.lead_slot is None
    assert bid.reference  # a withdrawn bid keeps the reference it was given
    assert bid.state_changes.get().note == "Partner pulled out"
    [email] = mail.outbox
    assert "withdrawn" in email.subject
    assert email.to == [bid.created_by_email]


def test_a_decided_bid_cannot_be_withdrawn():
    bid = decided_bid(state=State.NOT_FUNDED)

    with pytest.raises(IllegalMove):
        services.bid_withdraw(bid=bid, email=bid.created_by_email)

    bid.refresh_from_db()
    assert bid.state == State.NOT_FUNDED


def test_a_decision_without_feedback_on_every_criterion_changes_nothing(assessor):
    bid = decided_bid(state=State.IN_ASSESSMENT)
    decision = decision_for(bid)
    decision.feedback.pop(bid.round.criteria.last().pk)

    with pytest.raises(ValidationError) as refused:
        services.bid_decide(bid=bid, funded=True, by=assessor, decision=decision)

    assert refused.value.code == "feedback_missing"
    bid.refresh_from_db()
    assert (bid.state, bid.amount_awarded) == (State.IN_ASSESSMENT, None)
    assert mail.outbox == []


def test_a_decision_without_an_approver_changes_nothing(assessor):
    bid = decided_bid(state=State.IN_ASSESSMENT)

    with pytest.raises(ValidationError) as refused:
        services.bid_decide(
            bid=bid, funded=False, by=assessor, decision=decision_for(bid, approver_name=" ")
        )

    assert refused.value.code == "approver_missing"
    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT
