"""Seams between the panel and assessor assignment, found by the panel's
browser story: a conflict of interest keeps a member of staff from agreeing a
bid's scores as it keeps them from scoring it, and the round's ranking, which
names every bid, is for those who may see every bid."""

import pytest

from funding import services
from funding.models import AgreedScore, AssessorProfile, Conflict, ConflictKind
from tests.admin_pages import page_text
from tests.funding.admin.fund_admin import ROUNDS, agree_url, bid_in_assessment, scored
from tests.funding.assessors import fund_manager, plain_assessor
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db


def agreed(bid, score: int) -> list[services.AgreedCriterionScore]:
    return [
        services.AgreedCriterionScore(criterion=criterion, score=score, note="Settled.")
        for criterion in bid.round.criteria.all()
    ]


@pytest.fixture
def scored_bid(assessor):
    bid = bid_in_assessment(title="Shared street lighting faults")
    scored(bid, assessor, [3, 3, 3])
    return bid


def test_a_manager_whose_council_leads_the_bid_is_refused_its_agreed_scores_page(
    client, django_user_model, scored_bid
):
    manager = fund_manager(django_user_model)
    AssessorProfile.objects.create(user=manager, organisation=scored_bid.lead)
    sign_in_staff(client, manager)
    form = {f"score_{c.pk}": "4" for c in scored_bid.round.criteria.all()}
    form.update({f"note_{c.pk}": "Settled." for c in scored_bid.round.criteria.all()})

    page = client.get(agree_url(scored_bid))
    posted = client.post(agree_url(scored_bid), form)

    for response in (page, posted):
        assert response.status_code == 403
        text = page_text(response)
        assert f"You have a conflict of interest with {scored_bid.reference}" in text
        assert "Shared street lighting faults" not in text
    assert not AgreedScore.objects.filter(bid=scored_bid).exists()


def test_agreed_scores_from_someone_who_declared_a_conflict_are_refused(
    django_user_model, scored_bid
):
    manager = fund_manager(django_user_model)
    Conflict.objects.create(
        bid=scored_bid,
        assessor=manager,
        kind=ConflictKind.DECLARED,
        reason="I advised the lead council.",
    )

    with pytest.raises(services.ConflictOfInterest) as refused:
        services.bid_agree_scores(bid=scored_bid, by=manager, scores=agreed(scored_bid, 4))

    assert refused.value.reason == "I advised the lead council."
    assert not AgreedScore.objects.filter(bid=scored_bid).exists()


def test_the_ranking_is_refused_to_an_assessor_of_only_their_assigned_bids(
    client, django_user_model, scored_bid
):
    ranking = f"{ROUNDS}{scored_bid.round.pk}/ranking/"
    sign_in_staff(client, plain_assessor(django_user_model, "bo"))

    response = client.get(ranking)

    assert response.status_code == 403
    assert "Shared street lighting faults" not in page_text(response)


def test_the_ranking_is_shown_to_a_fund_manager(client, django_user_model, scored_bid):
    sign_in_staff(client, fund_manager(django_user_model))

    response = client.get(f"{ROUNDS}{scored_bid.round.pk}/ranking/")

    assert response.status_code == 200
    assert f"Ranking of {scored_bid.round.name}" in page_text(response)
