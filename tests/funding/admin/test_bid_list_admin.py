"""Assessors find bids in the admin's list: drafts left out, average scores,
filters and search, in a fixed number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from funding.models import Bid, BidState, Phase
from tests.admin_pages import make_staff, page_text
from tests.factories import BidFactory, RoundFactory, decided_bid, signed_council
from tests.funding.admin.fund_admin import (
    BIDS,
    bid_in_assessment,
    list_rows,
    listed_titles,
    scored,
    submitted_bid,
)

pytestmark = pytest.mark.django_db


def test_drafts_are_left_out_of_the_list_unless_asked_for(assessor_client):
    draft = BidFactory(title="A draft still being written")
    submitted = submitted_bid(title="A submitted bid")
    bids = {"draft": draft, "submitted": submitted}

    assert listed_titles(assessor_client.get(BIDS), bids) == ["submitted"]
    assert listed_titles(assessor_client.get(BIDS, {"state": "any"}), bids) == [
        "draft",
        "submitted",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"state": "draft"}), bids) == ["draft"]
    assert "All but drafts" in page_text(assessor_client.get(BIDS))


def test_the_list_shows_each_bid_with_its_average_weighted_score(assessor_client, assessor):
    bid = bid_in_assessment(title="Shared waste booking", phase=Phase.ALPHA, amount=150_000)
    scored(bid, assessor, [3, 2, 4])  # 300 out of 400: 75.0%
    BidFactory(title="Unscored draft")

    [row] = list_rows(assessor_client.get(BIDS))

    assert row.startswith(f"{bid.reference} Shared waste booking {bid.lead.name} Alpha £150,000")
    assert "In assessment 0 of 2: needs more 75.0% (1 assessor)" in row


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({}, ["alpha", "funded", "north"]),
        ({"state": "funded"}, ["funded"]),
        ({"state": "in_assessment"}, ["north"]),
        ({"phase__exact": "alpha"}, ["alpha"]),
        ({"lead__region": "North West"}, ["north"]),
        ({"q": "Hilltop"}, ["alpha"]),
        ({"q": "cycle lanes"}, ["funded"]),
    ],
)
def test_the_list_can_be_filtered_and_searched(assessor_client, query, expected):
    bids = {
        "alpha": submitted_bid(
            lead=signed_council(name="Hilltop Borough Council"),
            phase=Phase.ALPHA,
            amount=150_000,
        ),
        "north": bid_in_assessment(lead=signed_council(region="North West")),
        "funded": submitted_bid(title="Cycle lanes mapped"),
    }
    Bid.objects.filter(pk=bids["funded"].pk).update(
        state=BidState.FUNDED, decided_at=timezone.now()
    )

    assert listed_titles(assessor_client.get(BIDS, query), bids) == expected


def test_the_list_can_be_filtered_by_round_and_lead(assessor_client):
    first, second = RoundFactory(), RoundFactory()
    lead = signed_council(name="Lakeside District Council")
    bids = {
        "first": submitted_bid(round=first, lead=lead, title="Lakeside's first"),
        "second": submitted_bid(round=second, lead=lead, title="Lakeside's second"),
        "other": submitted_bid(round=first, title="Someone else's"),
    }

    assert listed_titles(assessor_client.get(BIDS, {"round__id__exact": first.pk}), bids) == [
        "first",
        "other",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"lead__id__exact": lead.pk}), bids) == [
        "first",
        "second",
    ]
    assert listed_titles(assessor_client.get(BIDS, {"q": bids["second"].reference}), bids) == [
        "second"
    ]
    page = page_text(assessor_client.get(BIDS))
    for heading in ["By round", "By state", "By phase", "By lead's region", "By lead"]:
        assert heading in page


def test_the_list_reads_the_same_number_of_queries_however_many_bids_and_scores(
    assessor_client, assessor, django_user_model
):
    other = make_staff(django_user_model, "second", "Fund assessors")

    def queries_for_list() -> int:
        # The first request after signing in may read the session; count the next.
        assessor_client.get(BIDS)
        with CaptureQueriesContext(connection) as captured:
            assert assessor_client.get(BIDS).status_code == 200
        return len(captured)

    bid = bid_in_assessment()
    scored(bid, assessor, [1, 2, 3])
    few = queries_for_list()
    for _ in range(4):
        more = bid_in_assessment(round=bid.round)
        scored(more, assessor, [4, 4, 4])
        scored(more, other, [0, 1, 2])
    submitted_bid()

    assert queries_for_list() == few


@pytest.mark.parametrize("query", ["state=%00", "phase=%00", "lead__region=%00", "q=%00"])
def test_a_nul_byte_in_the_bid_lists_filters_is_a_bad_request_not_an_error(assessor_client, query):
    decided_bid(state=BidState.SUBMITTED)

    response = assessor_client.get(f"/admin/funding/bid/?{query}")

    assert response.status_code == 400
