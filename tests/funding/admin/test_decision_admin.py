"""Recording an outcome: who approved it, the amount awarded, and feedback
on every criterion, which the outcome email carries."""

import pytest
from django.core import mail

from funding.models import BidApproval, BidState, CriterionFeedback
from tests.admin_pages import page_text
from tests.funding.admin.fund_admin import bid_in_assessment, decision_form, move_url

pytestmark = pytest.mark.django_db


def decide(client, bid, move, capture, **changes):
    data = {"seen_state": bid.state, "note": "Panel of 3 March", **decision_form(bid, move)}
    data.update(changes)
    with capture(execute=True):
        return client.post(move_url(bid, move), data, follow=True)


def test_funding_records_the_approver_the_award_and_the_feedback(
    assessor_client, assessor, django_capture_on_commit_callbacks
):
    bid = bid_in_assessment(amount=90_000)
    criteria = list(bid.round.criteria.all())
    mail.outbox.clear()

    response = decide(
        assessor_client,
        bid,
        "fund",
        django_capture_on_commit_callbacks,
        amount_awarded="75000",
        **{f"feedback_{criteria[0].pk}": "A clear fit with the principles."},
    )

    bid.refresh_from_db()
    assert bid.state == BidState.FUNDED
    assert (bid.amount, bid.amount_awarded, bid.awarded) == (90_000, 75_000, 75_000)
    approval = BidApproval.objects.get(bid=bid)
    assert (approval.approver_name, approval.approver_role, approval.recorded_by) == (
        "Sam Minister",
        "Minister for Local Government",
        assessor,
    )
    assert approval.recorded_at is not None
    assert [f.text for f in CriterionFeedback.objects.filter(bid=bid)] == [
        "A clear fit with the principles.",
        "Feedback on Deliverability.",
        "Feedback on Value for money.",
    ]
    [email] = mail.outbox
    assert "will fund your project, with £75,000 (you asked for £90,000)" in email.body
    assert "Strategic fit\nA clear fit with the principles." in email.body
    assert "Value for money\nFeedback on Value for money." in email.body
    page = page_text(response)
    assert "Approved by Sam Minister, Minister for Local Government" in page
    assert "Recorded by Ada Okoro" in page
    assert "Amount awarded £75,000 (asked for £90,000)" in page


def test_not_funding_needs_feedback_too_and_emails_it(
    assessor_client, django_capture_on_commit_callbacks
):
    bid = bid_in_assessment()
    criteria = list(bid.round.criteria.all())
    mail.outbox.clear()

    refused = decide(
        assessor_client,
        bid,
        "not_fund",
        django_capture_on_commit_callbacks,
        **{f"feedback_{criteria[1].pk}": " "},
    )

    assert "Give feedback on Deliverability." in page_text(refused)
    bid.refresh_from_db()
    assert bid.state == BidState.IN_ASSESSMENT
    assert mail.outbox == []

    decide(assessor_client, bid, "not_fund", django_capture_on_commit_callbacks)

    bid.refresh_from_db()
    assert (bid.state, bid.amount_awarded, bid.awarded) == (BidState.NOT_FUNDED, None, None)
    [email] = mail.outbox
    assert "Deliverability\nFeedback on Deliverability." in email.body


def test_the_approver_is_required(assessor_client, django_capture_on_commit_callbacks):
    bid = bid_in_assessment()

    response = decide(
        assessor_client,
        bid,
        "fund",
        django_capture_on_commit_callbacks,
        approver_name="",
        approver_role="",
    )

    page = page_text(response)
    assert "Enter the name of who approved the decision." in page
    assert "Enter the role of who approved the decision." in page
    assert not BidApproval.objects.filter(bid=bid).exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("0", "The amount awarded must be at least £1."),
        ("ninety", "Enter the amount awarded as a whole number of pounds, like 90000."),
        (
            "100000",
            "The amount awarded, £100,000, is more than the £90,000 asked for. Tick the box "
            "below to confirm it, or enter a smaller amount.",
        ),
    ],
)
def test_an_award_must_be_positive_and_not_above_the_ask_unless_confirmed(
    assessor_client, django_capture_on_commit_callbacks, amount, message
):
    bid = bid_in_assessment(amount=90_000)

    response = decide(
        assessor_client, bid, "fund", django_capture_on_commit_callbacks, amount_awarded=amount
    )

    assert message in page_text(response)
    assert "<title>Error: " in response.content.decode()
    bid.refresh_from_db()
    assert (bid.state, bid.amount_awarded) == (BidState.IN_ASSESSMENT, None)


def test_an_award_above_the_ask_is_recorded_once_confirmed(
    assessor_client, django_capture_on_commit_callbacks
):
    bid = bid_in_assessment(amount=90_000)

    decide(
        assessor_client,
        bid,
        "fund",
        django_capture_on_commit_callbacks,
        amount_awarded="100000",
        above_ask_confirmed="on",
    )

    bid.refresh_from_db()
    assert (bid.state, bid.awarded) == (BidState.FUNDED, 100_000)


def test_the_award_is_the_amount_asked_unless_changed(assessor_client):
    bid = bid_in_assessment(amount=90_000)

    html = assessor_client.get(move_url(bid, "fund")).content.decode()

    assert 'name="amount_awarded" value="90000"' in html
