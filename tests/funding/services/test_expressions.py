"""Expressions of interest through the services: sending (numbered, recorded,
a receipt emailed), the invite and decline moves (feedback required, the
outcome emailed), the full bid started from an invited expression, and the
rule that a round with the stage takes bids only from invited leads."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from funding import services
from funding.models import Bid, BidStateChange, ExpressionState, ExpressionStateChange, Phase
from localdigital.core.models import OutboundEmail
from localdigital.core.workflow import IllegalMove
from tests.factories import RoundFactory, signed_council
from tests.funding.expressions import FEEDBACK, days, decide, eoi_round, officer_of, send

pytestmark = pytest.mark.django_db


def test_sending_numbers_the_expression_records_it_and_emails_a_receipt(
    django_capture_on_commit_callbacks,
):
    round_ = eoi_round(name="Round 8", reference_prefix="R8")
    lead = signed_council(name="Testshire County Council")

    with django_capture_on_commit_callbacks(execute=True):
        first = send(round_, lead)
        second = send(round_)

    assert (first.reference, second.reference) == ("R8-EOI-0001", "R8-EOI-0002")
    assert first.state == ExpressionState.SUBMITTED
    assert first.partners.count() == 2
    history = ExpressionStateChange.objects.get(expression=first)
    assert (history.from_state, history.to_state, history.note) == (
        "",
        "submitted",
        "Expression sent",
    )
    receipt = next(m for m in mail.outbox if m.to == [officer_of(lead)])
    assert receipt.subject == "Your expression of interest has been sent – reference R8-EOI-0001"
    assert "Estimated cost: £60,000" in receipt.body


def test_nothing_is_sent_outside_the_expression_dates_or_to_a_round_without_them():
    closed = eoi_round(expressions_open_at=days(-9), expressions_close_at=days(-2))
    without = RoundFactory()

    for round_ in (closed, without):
        with pytest.raises(services.ExpressionNotAccepted) as refused:
            send(round_)
        assert refused.value.reasons[0] == ("expressions_not_open", {"round": round_.name})
    assert not OutboundEmail.objects.exists()


def test_an_officer_cannot_send_for_a_council_that_is_not_theirs():
    round_ = eoi_round()
    lead = signed_council(name="Otherton Borough Council")

    with pytest.raises(services.ExpressionNotAccepted) as refused:
        send(round_, lead, email="someone@elsewhere.gov.uk")

    assert refused.value.reasons == [("address_not_of_lead", {"lead": "Otherton Borough Council"})]
    assert not round_.expressions.exists()


@pytest.mark.parametrize("invited", [True, False])
def test_a_decision_needs_feedback_and_changes_nothing_without_it(invited):
    expression = send(eoi_round())

    with pytest.raises(ValidationError) as refused:
        services.expression_decide(expression=expression, invited=invited, by=None, feedback="  ")

    assert refused.value.code == "feedback_missing"
    expression.refresh_from_db()
    assert expression.state == ExpressionState.SUBMITTED
    assert expression.state_changes.count() == 1
    assert not OutboundEmail.objects.exclude(subject__startswith="Your expression").exists()


@pytest.mark.parametrize(
    "invited, state, subject",
    [
        (True, "invited", "You are invited to make a full bid – reference {ref}"),
        (False, "declined", "Decision on your expression of interest – reference {ref}"),
    ],
)
def test_the_lead_officer_is_emailed_the_outcome_with_the_feedback(
    invited, state, subject, django_capture_on_commit_callbacks
):
    lead = signed_council()
    expression = send(eoi_round(), lead)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        decide(expression, invited=invited)

    assert expression.state == state
    assert expression.feedback == FEEDBACK
    change = expression.state_changes.last()
    assert (change.from_state, change.to_state, change.note) == ("submitted", state, FEEDBACK)
    [message] = mail.outbox
    assert message.to == [officer_of(lead)]
    assert message.subject == subject.format(ref=expression.reference)
    assert FEEDBACK in message.body


def test_a_decided_expression_cannot_be_decided_again():
    expression = decide(send(eoi_round()), invited=False)

    with pytest.raises(IllegalMove):
        services.expression_decide(expression=expression, invited=True, by=None, feedback="Yes")

    expression.refresh_from_db()
    assert expression.state == ExpressionState.DECLINED


def test_the_full_bid_starts_from_the_invited_expression_once():
    round_ = eoi_round()
    lead = signed_council()
    partners = [signed_council(), signed_council()]
    expression = decide(
        send(round_, lead, partners=partners, phase=Phase.ALPHA, estimated_cost=150_000),
        invited=True,
    )

    bid = services.bid_start_from_expression(expression=expression, email=officer_of(lead))
    again = services.bid_start_from_expression(expression=expression, email=officer_of(lead))

    assert again.pk == bid.pk
    assert Bid.objects.count() == 1
    assert (bid.state, bid.title, bid.problem) == ("draft", expression.title, expression.problem)
    assert (bid.phase, bid.amount) == (Phase.ALPHA, 150_000)
    assert set(bid.partners.all()) == set(partners)
    expression.refresh_from_db()
    assert expression.bid == bid
    start = BidStateChange.objects.get(bid=bid)
    assert start.note == f"Bid started from expression of interest {expression.reference}"


def test_a_declined_expression_starts_no_bid():
    lead = signed_council()
    expression = decide(send(eoi_round(), lead), invited=False)

    with pytest.raises(services.NotEligible) as refused:
        services.bid_start_from_expression(expression=expression, email=officer_of(lead))

    assert refused.value.problems[0][0] == "not_invited"
    assert not Bid.objects.exists()


def test_a_round_with_the_stage_takes_bids_only_from_invited_leads():
    round_ = eoi_round()
    invited, declined, silent = signed_council(), signed_council(), signed_council()
    decide(send(round_, invited), invited=True)
    decide(send(round_, declined), invited=False)

    for lead in (declined, silent):
        with pytest.raises(services.NotEligible) as refused:
            services.bid_start(round_=round_, lead=lead, email=officer_of(lead))
        assert ("not_invited", {"round": round_.name, "lead": lead.name}) in refused.value.problems
    bid = services.bid_start(round_=round_, lead=invited, email=officer_of(invited))
    assert bid.state == "draft"


def test_a_round_without_the_stage_takes_bids_as_before():
    lead = signed_council()
    bid = services.bid_start(round_=RoundFactory(), lead=lead, email=officer_of(lead))
    assert bid.pk
