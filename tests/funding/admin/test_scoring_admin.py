"""Assessors score a bid in assessment against its round's criteria from the
bid's admin page."""

import pytest
from django.contrib.auth.models import Permission

from funding.models import Bid, BidState, Score
from tests.admin_pages import make_staff, page_text
from tests.factories import RoundFactory, decided_bid
from tests.funding.admin.fund_admin import (
    bid_in_assessment,
    change_url,
    score_url,
    scored,
    submitted_bid,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = BidState


def score_form(bid: Bid, scores: list, justifications: list | None = None) -> dict:
    criteria = list(bid.round.criteria.all())
    justifications = justifications or [f"Reason {n}" for n in range(len(criteria))]
    data = {}
    for criterion, score, justification in zip(criteria, scores, justifications, strict=True):
        if score is not None:
            data[f"score_{criterion.pk}"] = str(score)
        data[f"justification_{criterion.pk}"] = justification
    return data


def test_a_round_without_criteria_says_so_instead_of_scoring(assessor_client):
    bid = decided_bid(state=State.IN_ASSESSMENT)
    bid.round.criteria.all().delete()

    response = assessor_client.get(score_url(bid), follow=True)

    assert "has no assessment criteria yet" in response.content.decode()
    assert not bid.scores.exists()


def test_the_score_form_asks_for_each_criterion_on_the_rounds_scale(assessor_client):
    round_ = RoundFactory(score_min=1, score_max=5, scoring_guide="**5** means outstanding.")
    bid = bid_in_assessment(round=round_)
    Criterion = bid.round.criteria.model
    Criterion.objects.filter(round=round_, name="Deliverability").update(
        description="Can the team deliver it?"
    )

    response = assessor_client.get(score_url(bid))

    page = page_text(response)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Strategic fit (weight 40)" in page
    assert "Deliverability (weight 30) Can the team deliver it?" in page
    assert "Value for money (weight 30)" in page
    assert "Score each criterion from 1 to 5, and say why." in page
    assert "<strong>5</strong> means outstanding." in html
    strategic = round_.criteria.get(name="Strategic fit")
    for value in range(1, 6):
        assert f'name="score_{strategic.pk}" value="{value}"' in html
    assert f'name="score_{strategic.pk}" value="0"' not in html
    assert f'name="justification_{strategic.pk}"' in html


def test_an_assessor_scores_a_bid_and_is_shown_their_weighted_total(assessor_client, assessor):
    bid = bid_in_assessment()

    response = assessor_client.post(
        score_url(bid),
        score_form(bid, [3, 2, 4], ["Strong fit.", "Thin plan.", "Cheap."]),
        follow=True,
    )

    page = page_text(response)
    assert f"Your scores for {bid.reference} are saved." in page
    assert "Your weighted total: 300 out of 400 (75.0%)." in page
    assert "Ada Okoro: 300 out of 400 (75.0%)" in page
    saved = {s.criterion.name: (s.score, s.justification) for s in Score.objects.filter(bid=bid)}
    assert saved == {
        "Strategic fit": (3, "Strong fit."),
        "Deliverability": (2, "Thin plan."),
        "Value for money": (4, "Cheap."),
    }
    assert all(s.assessor == assessor for s in Score.objects.all())


def test_scoring_again_shows_and_replaces_the_earlier_scores(assessor_client, assessor):
    bid = bid_in_assessment()
    scored(bid, assessor, [1, 1, 1])

    response = assessor_client.get(score_url(bid))
    html = response.content.decode()
    strategic = bid.round.criteria.get(name="Strategic fit")
    assert f'value="1" required id="id_score_{strategic.pk}_1" checked' in html
    assert "Gave 1</textarea>" in html
    assert "Your earlier scores are filled in: saving replaces them." in page_text(response)
    assessor_client.post(score_url(bid), score_form(bid, [4, 4, 4]))

    assert sorted(Score.objects.values_list("score", flat=True)) == [4, 4, 4]


def test_each_assessor_keeps_their_own_scores(assessor_client, assessor, django_user_model):
    bid = bid_in_assessment()
    other = make_staff(django_user_model, "other", "Fund assessors")
    scored(bid, other, [0, 0, 0])

    assessor_client.post(score_url(bid), score_form(bid, [4, 4, 4]))

    assert sorted(Score.objects.filter(assessor=other).values_list("score", flat=True)) == [0] * 3
    assert (
        sorted(Score.objects.filter(assessor=assessor).values_list("score", flat=True)) == [4] * 3
    )


@pytest.mark.parametrize(
    ("scores", "justifications", "message"),
    [
        ([5, 2, 2], None, "Choose a score from 0 to 4 for Strategic fit."),
        ([-1, 2, 2], None, "Choose a score from 0 to 4 for Strategic fit."),
        (["three", 2, 2], None, "Choose a score from 0 to 4 for Strategic fit."),
        ([None, 2, 2], None, "Choose a score from 0 to 4 for Strategic fit."),
        (
            [2, 2, 2],
            ["Fine.", "   ", "Fine."],
            "Give a justification for your score for Deliverability.",
        ),
        (
            [2, 2, 2],
            ["Fine.", "Fine.", ""],
            "Give a justification for your score for Value for money.",
        ),
    ],
)
def test_a_score_off_the_scale_or_without_a_justification_is_refused(
    assessor_client, scores, justifications, message
):
    bid = bid_in_assessment()

    response = assessor_client.post(score_url(bid), score_form(bid, scores, justifications))

    page = page_text(response)
    assert response.status_code == 200
    assert message in page
    assert "<title>Error: " in response.content.decode()
    assert not Score.objects.exists()


def test_answers_are_kept_after_an_error(assessor_client):
    bid = bid_in_assessment()

    response = assessor_client.post(
        score_url(bid), score_form(bid, [3, 9, 1], ["Kept reason", "x", "y"])
    )

    html = response.content.decode()
    assert "Kept reason</textarea>" in html
    strategic = bid.round.criteria.get(name="Strategic fit")
    assert f'value="3" required id="id_score_{strategic.pk}_3" checked' in html


def test_only_a_bid_in_assessment_can_be_scored(assessor_client):
    bid = submitted_bid()

    for response in [
        assessor_client.get(score_url(bid), follow=True),
        assessor_client.post(score_url(bid), score_form(bid, [2, 2, 2]), follow=True),
    ]:
        assert (
            f"{bid.reference} is submitted. Only a bid in assessment can be scored: start its "
            "assessment first." in page_text(response)
        )
    assert not Score.objects.exists()
    assert score_url(bid) not in assessor_client.get(change_url(bid)).content.decode()


def test_a_bid_decided_while_the_form_was_open_is_not_scored(assessor_client, assessor):
    bid = bid_in_assessment()
    form = assessor_client.get(score_url(bid))
    assert form.status_code == 200
    Bid.objects.filter(pk=bid.pk).update(state=State.WITHDRAWN, lead_slot=None)

    response = assessor_client.post(score_url(bid), score_form(bid, [2, 2, 2]), follow=True)

    assert "Only a bid in assessment can be scored" in page_text(response)
    assert not Score.objects.exists()


def test_scoring_needs_the_permission_to_add_scores(client, django_user_model):
    reader = make_staff(django_user_model, "reader")
    reader.user_permissions.add(
        Permission.objects.get(codename="view_bid"), Permission.objects.get(codename="change_bid")
    )
    sign_in_staff(client, reader)
    bid = bid_in_assessment()

    assert client.get(score_url(bid)).status_code == 403
    assert client.post(score_url(bid), score_form(bid, [2, 2, 2])).status_code == 403
    assert score_url(bid) not in client.get(change_url(bid)).content.decode()
    assert not Score.objects.exists()
