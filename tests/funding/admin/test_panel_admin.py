"""The panel in the bid admin: agreed scores, recorded after the assessors'
and apart from them, and the round's ranking with its funding line."""

import pytest

from funding.models import AgreedScore, Score
from tests.admin_pages import make_staff, page_text
from tests.factories import RoundFactory
from tests.funding.admin.fund_admin import (
    ROUNDS,
    agree_url,
    bid_in_assessment,
    change_url,
    scored,
    submitted_bid,
)
from tests.funding.panel import agree

pytestmark = pytest.mark.django_db


def agree_form(bid, scores: list[int], notes: list[str] | None = None) -> dict:
    criteria = list(bid.round.criteria.all())
    notes = notes or [f"The panel settled on {score}." for score in scores]
    data = {}
    for criterion, score, note in zip(criteria, scores, notes, strict=True):
        data[f"score_{criterion.pk}"] = str(score)
        data[f"note_{criterion.pk}"] = note
    return data


def test_agreed_scores_are_refused_before_any_assessor_has_scored_every_criterion(
    assessor_client,
):
    bid = bid_in_assessment()

    page = assessor_client.get(agree_url(bid), follow=True)
    posted = assessor_client.post(agree_url(bid), agree_form(bid, [3, 3, 3]), follow=True)

    for response in (page, posted):
        assert (
            f"{bid.reference} has no individual scores yet. The panel agrees its scores after "
            "at least one assessor has scored every criterion." in page_text(response)
        )
    assert not AgreedScore.objects.filter(bid=bid).exists()
    assert agree_url(bid) not in page_text(assessor_client.get(change_url(bid)))


def test_a_submitted_bid_cannot_be_given_agreed_scores(assessor_client):
    bid = submitted_bid()

    response = assessor_client.get(agree_url(bid), follow=True)

    assert "Agreed scores are recorded while a bid is in assessment." in page_text(response)


def test_agreed_scores_are_kept_apart_from_the_assessors_and_shown_beside_them(
    assessor_client, assessor
):
    bid = bid_in_assessment()
    scored(bid, assessor, [2, 4, 1])

    response = assessor_client.post(
        agree_url(bid),
        agree_form(bid, [3, 3, 2], ["Between the two views.", "Sound plan.", "Costs are high."]),
        follow=True,
    )

    page = page_text(response)
    assert f"The panel's agreed scores for {bid.reference} are saved." in page
    # The assessor's own scores are as they gave them.
    assert sorted(Score.objects.filter(bid=bid).values_list("score", flat=True)) == [1, 2, 4]
    agreed = list(AgreedScore.objects.filter(bid=bid).order_by("criterion__order"))
    assert [(a.score, a.note, a.agreed_by) for a in agreed] == [
        (3, "Between the two views.", assessor),
        (3, "Sound plan.", assessor),
        (2, "Costs are high.", assessor),
    ]
    assert "Ada Okoro: 230 out of 400 (57.5%)" in page
    assert "Agreed weighted score: 270 out of 400 (67.5%)" in page
    assert "Strategic fit 2 0 3 out of 4 Between the two views." in page


def test_the_spread_of_the_assessors_scores_is_shown(assessor_client, assessor, django_user_model):
    second = make_staff(django_user_model, "second", "Fund assessors", first_name="Bo")
    bid = bid_in_assessment()
    scored(bid, assessor, [1, 4, 2])
    scored(bid, second, [4, 4, 3])

    page = page_text(assessor_client.get(change_url(bid)))

    assert "Strategic fit 1, 4 3 Not agreed" in page
    assert "Deliverability 4, 4 0 Not agreed" in page


def test_an_agreed_score_needs_a_note_and_a_score_on_the_scale(assessor_client, assessor):
    bid = bid_in_assessment()
    scored(bid, assessor, [2, 2, 2])
    data = agree_form(bid, [3, 3, 3], ["Fine.", "  ", "Fine."])
    data[f"score_{bid.round.criteria.first().pk}"] = "9"

    response = assessor_client.post(agree_url(bid), data)

    page = page_text(response)
    assert "Choose an agreed score from 0 to 4 for Strategic fit." in page
    assert "Give a note for the agreed score of Deliverability." in page
    assert not AgreedScore.objects.filter(bid=bid).exists()


def test_the_ranking_page_ranks_by_agreed_score_and_draws_the_funding_line(
    assessor_client, assessor
):
    round_ = RoundFactory(budget=150_000, name="Round 9")
    bids = {}
    for title, amount, agreed in [
        ("Best bid", 90_000, [4, 4, 4]),
        ("Runner up", 60_000, [3, 3, 3]),
        ("Below the line", 20_000, [2, 2, 2]),
        ("Not agreed yet", 10_000, None),
    ]:
        bid = bid_in_assessment(round=round_, title=title, amount=amount)
        scored(bid, assessor, [2, 2, 2])
        if agreed:
            agree(bid, assessor, agreed)
        bids[title] = bid

    page = page_text(assessor_client.get(f"{ROUNDS}{round_.pk}/ranking/"))

    assert "Budget: £150,000." in page
    assert "Bids above the line cost £150,000, leaving £0." in page
    assert "Equal agreed scores are ranked by cost, smallest first" in page
    best, runner, below = (bids[t].reference for t in ["Best bid", "Runner up", "Below the line"])
    assert page.index(best) < page.index(runner) < page.index("Funding line: the budget runs out")
    assert page.index("Funding line: the budget runs out") < page.index(below)
    assert "£60,000 £150,000 Above the line" in page
    assert "£20,000 £170,000 Below the line" in page
    apart = page[page.index("Bids without a complete agreed score") :]
    assert f"{bids['Not agreed yet'].reference}: Not agreed yet (in assessment)" in apart
    assert "Ranking and funding line" in page_text(
        assessor_client.get(f"{ROUNDS}{round_.pk}/change/")
    )


def test_a_round_without_a_budget_says_how_to_draw_the_line(assessor_client):
    round_ = RoundFactory(budget=None)

    page = page_text(assessor_client.get(f"{ROUNDS}{round_.pk}/ranking/"))

    assert "This round has no budget, so no funding line." in page
    assert "No bid has an agreed score on every criterion yet." in page
