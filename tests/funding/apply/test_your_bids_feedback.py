"""The panel's feedback on the lead's decided bids, on "Your bids" once the
round's decisions are published (until then the outcome email carries it)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from funding.models import BidState, CriterionFeedback
from tests.factories import decided_bid
from tests.funding.apply.sections import text
from tests.funding.fund_pages import published_round

pytestmark = pytest.mark.django_db

YOUR_BIDS = "/fund/apply/"


def with_feedback(bid, *texts: str):
    for criterion, words in zip(bid.round.criteria.all(), texts, strict=False):
        CriterionFeedback.objects.create(bid=bid, criterion=criterion, text=words)
    return bid


def test_feedback_is_shown_once_the_decisions_are_published(officer, round_, council):
    published = published_round(name="Round 6")
    funded = decided_bid(
        state=BidState.FUNDED,
        round=published,
        lead=council,
        title="Shared repairs",
        amount=90_000,
        amount_awarded=75_000,
    )
    with_feedback(funded, "A strong fit.", "A clear plan.", "Costs trimmed.")
    waiting = decided_bid(state=BidState.NOT_FUNDED, round=round_, lead=council, title="Later one")
    with_feedback(waiting, "Not yet public.")

    page = text(officer.get(YOUR_BIDS))

    feedback = page[page.index("Decisions and feedback") :]
    assert f"{funded.reference}: Shared repairs Funded" in feedback
    assert "Awarded £75,000 (you asked for £90,000)." in feedback
    assert "Strategic fit A strong fit." in feedback
    assert "Value for money Costs trimmed." in feedback
    assert "Not yet public." not in page


def test_feedback_costs_the_same_queries_however_many_decided_bids(
    officer, council, django_assert_num_queries
):
    published = published_round(name="Round 6")
    with_feedback(decided_bid(round=published, lead=council), "One.", "Two.", "Three.")
    with CaptureQueriesContext(connection) as few:
        assert officer.get(YOUR_BIDS).status_code == 200

    for _ in range(4):
        with_feedback(decided_bid(round=published, lead=council), "One.", "Two.", "Three.")

    with django_assert_num_queries(len(few)):
        assert officer.get(YOUR_BIDS).status_code == 200
