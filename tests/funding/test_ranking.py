"""The panel's ranking of a round: by agreed weighted score, ties by cost and
then reference, and the funding line where the budget runs out."""

import pytest

from funding import ranking
from funding.models import AgreedScore, Bid, Score
from funding.services import AgreedCriterionScore, bid_agree_scores
from tests.factories import RoundFactory, decided_bid
from tests.funding.admin.fund_admin import scored
from tests.funding.panel import agree

pytestmark = pytest.mark.django_db


def bid_agreed(round_, assessor, *, amount: int, agreed: list[int] | None, number: int) -> Bid:
    bid = decided_bid(state="in_assessment", round=round_, amount=amount, number=number)
    scored(bid, assessor, [2, 2, 2])
    if agreed is not None:
        agree(bid, assessor, agreed)
    return bid


def ranked(round_):
    bids = Bid.objects.filter(round=round_).prefetch_related("agreed_scores")
    return ranking.rank(round_, bids)


def line(result) -> list[tuple[str, int, bool]]:
    return [(row.bid.title, row.cumulative, row.above_line) for row in result.ranked]


def test_bids_rank_by_agreed_score_and_the_budget_draws_the_line(assessor):
    round_ = RoundFactory(budget=150_000)
    bid_agreed(round_, assessor, amount=100_000, agreed=[4, 4, 4], number=1)
    bid_agreed(round_, assessor, amount=50_000, agreed=[3, 3, 3], number=2)
    bid_agreed(round_, assessor, amount=10_000, agreed=[1, 1, 1], number=3)
    Bid.objects.filter(number=1).update(title="Best")
    Bid.objects.filter(number=2).update(title="Second")
    Bid.objects.filter(number=3).update(title="Third")

    result = ranked(round_)

    # The budget covers the first two exactly: a bid costing what is left is above the line.
    assert line(result) == [
        ("Best", 100_000, True),
        ("Second", 150_000, True),
        ("Third", 160_000, False),
    ]
    assert result.line_after == 2
    assert result.funded_by_budget == 150_000


def test_equal_agreed_scores_rank_the_cheaper_bid_first_then_the_earlier_reference(assessor):
    round_ = RoundFactory(budget=100_000)
    for number, amount in [(1, 80_000), (2, 40_000), (3, 40_000)]:
        bid_agreed(round_, assessor, amount=amount, agreed=[3, 3, 3], number=number)

    result = ranked(round_)

    assert [(row.bid.number, row.cumulative, row.above_line) for row in result.ranked] == [
        (2, 40_000, True),
        (3, 80_000, True),
        (1, 160_000, False),
    ]


def test_the_line_follows_the_ranking_even_when_a_later_bid_would_fit(assessor):
    round_ = RoundFactory(budget=100_000)
    bid_agreed(round_, assessor, amount=60_000, agreed=[4, 4, 4], number=1)
    bid_agreed(round_, assessor, amount=60_000, agreed=[3, 3, 3], number=2)
    bid_agreed(round_, assessor, amount=10_000, agreed=[2, 2, 2], number=3)

    result = ranked(round_)

    assert [row.above_line for row in result.ranked] == [True, False, False]
    assert result.line_after == 1


def test_bids_without_every_agreed_score_are_listed_apart(assessor):
    round_ = RoundFactory(budget=500_000)
    whole = bid_agreed(round_, assessor, amount=50_000, agreed=[2, 2, 2], number=1)
    none = bid_agreed(round_, assessor, amount=50_000, agreed=None, number=2)
    partial = bid_agreed(round_, assessor, amount=50_000, agreed=None, number=3)
    first = partial.round.criteria.first()
    bid_agree_scores(
        bid=partial,
        by=assessor,
        scores=[AgreedCriterionScore(criterion=first, score=4, note="Agreed on one only")],
    )

    result = ranked(round_)

    assert [row.bid for row in result.ranked] == [whole]
    assert result.unranked == [none, partial]


def test_without_a_budget_there_is_no_line(assessor):
    round_ = RoundFactory(budget=None)
    bid_agreed(round_, assessor, amount=50_000, agreed=[2, 2, 2], number=1)

    result = ranked(round_)

    assert result.line_after is None
    assert [row.above_line for row in result.ranked] == [False]


def test_the_ranking_reads_agreed_scores_not_the_assessors_own(assessor):
    round_ = RoundFactory(budget=100_000)
    bid = bid_agreed(round_, assessor, amount=50_000, agreed=[4, 4, 4], number=1)

    [row] = ranked(round_).ranked

    assert str(row.agreed) == "400 out of 400 (100.0%)"
    # The assessor's own scores (all 2) are kept as they gave them.
    assert sorted(Score.objects.filter(bid=bid).values_list("score", flat=True)) == [2, 2, 2]
    assert AgreedScore.objects.filter(bid=bid).count() == 3
