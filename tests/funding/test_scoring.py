"""Weighted totals of assessors' scores, with exact numbers."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from funding import scoring, services
from funding.models import Score
from tests.admin_pages import make_staff
from tests.factories import RoundFactory
from tests.funding.admin.fund_admin import bid_in_assessment, scored

pytestmark = pytest.mark.django_db


def test_a_weighted_total_multiplies_each_score_by_its_weight():
    round_ = RoundFactory()  # weights 40, 30, 30 on a scale of 0 to 4
    fit, deliverability, value = round_.criteria.all()

    total = scoring.weighted_total(
        scores={fit.pk: 3, deliverability.pk: 2, value.pk: 4},
        criteria=[fit, deliverability, value],
        round_=round_,
    )

    assert (total.points, total.out_of) == (300, 400)
    assert total.percentage == Decimal("75.0")
    assert str(total) == "300 out of 400 (75.0%)"


def test_the_most_possible_follows_the_rounds_scale_and_weights():
    round_ = RoundFactory(
        score_min=1,
        score_max=5,
        criteria={
            "Strategic fit": 30,
            "User need": 25,
            "Deliverability": 25,
            "Value for money": 20,
        },
    )
    criteria = list(round_.criteria.all())

    total = scoring.weighted_total(
        scores=dict(zip([c.pk for c in criteria], [5, 4, 3, 1], strict=True)),
        criteria=criteria,
        round_=round_,
    )

    # Counted from the bottom of the scale (1): 4×30 + 3×25 + 2×25 + 0×20 = 245,
    # out of 4×100 = 400.
    assert (total.points, total.out_of) == (245, 400)
    assert str(total) == "245 out of 400 (61.3%)"
    lowest = scoring.weighted_total(
        scores={c.pk: 1 for c in criteria}, criteria=criteria, round_=round_
    )
    assert lowest.percentage == Decimal("0.0")


def test_a_percentage_is_rounded_half_up_to_one_place():
    assert scoring.WeightedTotal(points=1, out_of=3).percentage == Decimal("33.3")
    assert scoring.WeightedTotal(points=2, out_of=3).percentage == Decimal("66.7")
    assert scoring.WeightedTotal(points=1, out_of=8).percentage == Decimal("12.5")
    assert scoring.WeightedTotal(points=1, out_of=16).percentage == Decimal("6.3")


def test_no_total_until_every_criterion_is_scored():
    round_ = RoundFactory()
    fit, deliverability, value = round_.criteria.all()

    assert (
        scoring.weighted_total(
            scores={fit.pk: 4, deliverability.pk: 4},
            criteria=[fit, deliverability, value],
            round_=round_,
        )
        is None
    )
    assert scoring.weighted_total(scores={}, criteria=[], round_=round_) is None


def test_totals_by_assessor_and_their_average(django_user_model):
    ada = make_staff(django_user_model, "ada", "Fund assessors")
    bo = make_staff(django_user_model, "bo", "Fund assessors")
    cy = make_staff(django_user_model, "cy", "Fund assessors")
    bid = bid_in_assessment()
    scored(bid, ada, [3, 2, 4])  # 300 of 400: 75.0%
    scored(bid, bo, [4, 4, 2])  # 340 of 400: 85.0%
    scored(bid, cy, [0, 0, 1])  # 30 of 400: 7.5%
    Score.objects.filter(assessor=cy).first().delete()  # cy has not finished

    totals = scoring.totals_by_assessor(
        scores=Score.objects.filter(bid=bid).select_related("assessor"),
        criteria=bid.round.criteria.all(),
        round_=bid.round,
    )

    assert {user.username: str(total) if total else None for user, total in totals.items()} == {
        "ada": "300 out of 400 (75.0%)",
        "bo": "340 out of 400 (85.0%)",
        "cy": None,
    }
    # The average leaves out the unfinished total rather than counting it as low.
    assert scoring.average_percentage(totals.values()) == Decimal("80.0")


def test_the_average_of_percentages_is_rounded_half_up():
    totals = [
        scoring.WeightedTotal(points=3, out_of=4),  # 75.0
        scoring.WeightedTotal(points=1, out_of=8),  # 12.5
        None,
    ]

    # (75.0 + 12.5) / 2 = 43.75, shown as 43.8.
    assert scoring.average_percentage(totals) == Decimal("43.8")
    assert scoring.average_percentage([None]) is None
    assert scoring.average_percentage([]) is None


def test_a_score_outside_the_rounds_scale_is_refused(django_user_model):
    ada = make_staff(django_user_model, "ada", "Fund assessors")
    bid = bid_in_assessment(round=RoundFactory(score_min=1, score_max=3))

    for score in (0, 4):
        with pytest.raises(ValidationError) as refused:
            services.bid_score(
                bid=bid,
                assessor=ada,
                scores=[
                    services.CriterionScore(
                        criterion=bid.round.criteria.first(), score=score, justification="x"
                    )
                ],
            )
        assert refused.value.message_dict["score"] == ["Give a score from 1 to 3."]
    assert not Score.objects.exists()
