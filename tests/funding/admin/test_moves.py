"""Assessors score bids and record outcomes from a bid's admin page."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from funding.models import Bid, BidState, BidStateChange, Score
from localdigital.core.models import OutboundEmail
from tests.factories import RoundFactory, decided_bid
from tests.funding.admin.test_rounds_and_bids import (
    BIDS,
    bid_in_assessment,
    change_url,
    make_staff,
    scored,
    submitted_bid,
)
from tests.signatories.test_admin import page_text
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = BidState


@pytest.fixture
def assessor(django_user_model):
    return make_staff(
        django_user_model, "assessor", "Fund assessors", first_name="Ada", last_name="Okoro"
    )


@pytest.fixture
def assessor_client(client, assessor):
    sign_in_staff(client, assessor)
    return client


def score_url(bid: Bid) -> str:
    return f"{BIDS}{bid.pk}/score/"


def move_url(bid: Bid, move: str) -> str:
    return f"{BIDS}{bid.pk}/move/{move}/"


def score_form(bid: Bid, scores: list, justifications: list | None = None) -> dict:
    criteria = list(bid.round.criteria.all())
    justifications = justifications or [f"Reason {n}" for n in range(len(criteria))]
    data = {}
    for criterion, score, justification in zip(criteria, scores, justifications, strict=True):
        if score is not None:
            data[f"score_{criterion.pk}"] = str(score)
        data[f"justification_{criterion.pk}"] = justification
    return data


def post_move(client, bid, move, data=None, *, seen_state=None, capture):
    data = {"seen_state": seen_state or bid.state, **(data or {})}
    with capture(execute=True):
        return client.post(move_url(bid, move), data, follow=True)


# Scoring


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


# Moves


def test_the_bid_page_offers_only_the_moves_allowed_from_its_state(assessor_client):
    submitted = submitted_bid()
    in_assessment = bid_in_assessment()
    withdrawn = submitted_bid()
    Bid.objects.filter(pk=withdrawn.pk).update(state=State.WITHDRAWN, lead_slot=None)

    submitted_html = assessor_client.get(change_url(submitted)).content.decode()
    assessing_html = assessor_client.get(change_url(in_assessment)).content.decode()
    withdrawn_page = page_text(assessor_client.get(change_url(withdrawn)))

    assert move_url(submitted, "start_assessment") in submitted_html
    assert move_url(submitted, "fund") not in submitted_html
    assert score_url(submitted) not in submitted_html
    assert move_url(in_assessment, "fund") in assessing_html
    assert move_url(in_assessment, "not_fund") in assessing_html
    assert score_url(in_assessment) in assessing_html
    assert move_url(in_assessment, "start_assessment") not in assessing_html
    assert "There is nothing for an assessor to do in this state." in withdrawn_page
    assert "This bid is in assessment. Score this bid Record as funded Record as not funded" in (
        page_text(assessor_client.get(change_url(in_assessment)))
    )


def test_starting_assessment_records_who_when_and_why(
    assessor_client, assessor, django_capture_on_commit_callbacks
):
    bid = submitted_bid()
    mail.outbox.clear()

    response = post_move(
        assessor_client,
        bid,
        "start_assessment",
        {"note": "Eligible and complete."},
        capture=django_capture_on_commit_callbacks,
    )

    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT
    assert f"{bid.reference} is in assessment: it can now be scored." in page_text(response)
    change = BidStateChange.objects.filter(bid=bid).latest("at")
    assert (change.from_state, change.to_state) == (State.SUBMITTED, State.IN_ASSESSMENT)
    assert change.by_user == assessor
    assert change.by_label == "assessor"
    assert change.note == "Eligible and complete."
    assert change.at is not None
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("move", "state", "subject_start", "words"),
    [
        (
            "fund",
            State.FUNDED,
            "Your bid has been funded",
            "will fund your project, with £90,000",
        ),
        (
            "not_fund",
            State.NOT_FUNDED,
            "Decision on your bid",
            "will not fund your project at this stage",
        ),
    ],
)
def test_recording_an_outcome_emails_the_officers(
    assessor_client,
    assessor,
    django_capture_on_commit_callbacks,
    move,
    state,
    subject_start,
    words,
):
    bid = bid_in_assessment()
    mail.outbox.clear()
    form = page_text(assessor_client.get(move_url(bid, move)))
    assert f"{bid.created_by_email} will be emailed" in form

    response = post_move(
        assessor_client,
        bid,
        move,
        {"note": "The panel's recommendation, approved by the minister."},
        capture=django_capture_on_commit_callbacks,
    )

    bid.refresh_from_db()
    assert bid.state == state
    assert bid.decided_at is not None
    change = BidStateChange.objects.filter(bid=bid).latest("at")
    assert (change.from_state, change.to_state, change.by_user) == (
        State.IN_ASSESSMENT,
        state,
        assessor,
    )
    assert change.note == "The panel's recommendation, approved by the minister."
    [email] = mail.outbox
    assert email.to == [bid.created_by_email]
    assert email.subject.startswith(subject_start)
    assert bid.reference in email.subject
    assert words in email.body
    outbound = OutboundEmail.objects.get(reference=bid.reference, subject=email.subject)
    assert outbound.state == OutboundEmail.State.SENT
    page = page_text(response)
    assert "The officers have been emailed." in page
    assert f"Emails about {bid.reference}" in page
    assert email.subject in page


def test_a_decision_needs_a_reason(assessor_client, django_capture_on_commit_callbacks):
    bid = bid_in_assessment()

    response = post_move(
        assessor_client, bid, "fund", {"note": "  "}, capture=django_capture_on_commit_callbacks
    )

    assert "Enter the reason for the decision." in page_text(response)
    assert "<title>Error: " in response.content.decode()
    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT


def test_a_move_the_workflow_does_not_allow_is_refused(
    assessor_client, django_capture_on_commit_callbacks
):
    bid = submitted_bid()
    mail.outbox.clear()

    form = assessor_client.get(move_url(bid, "fund"), follow=True)
    posted = post_move(
        assessor_client, bid, "fund", {"note": "Yes"}, capture=django_capture_on_commit_callbacks
    )

    for response in (form, posted):
        assert (
            f"{bid.reference} is submitted, so “Record as funded” is not possible. "
            "Nothing has been changed." in page_text(response)
        )
    bid.refresh_from_db()
    assert bid.state == State.SUBMITTED
    assert not BidStateChange.objects.filter(bid=bid, to_state=State.FUNDED).exists()
    assert mail.outbox == []


def test_a_decision_from_a_stale_page_is_refused(
    assessor_client, django_capture_on_commit_callbacks
):
    bid = bid_in_assessment()
    mail.outbox.clear()
    # The assessor opened the page when the bid was submitted; someone else
    # has since started its assessment, and the assessor now presses a button
    # meant for the bid as they saw it.
    response = post_move(
        assessor_client,
        bid,
        "fund",
        {"note": "Funded"},
        seen_state=State.SUBMITTED,
        capture=django_capture_on_commit_callbacks,
    )

    assert (
        f"{bid.reference} became in assessment while you had it open, so it has not been "
        "changed. Check its history before you decide again." in page_text(response)
    )
    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT
    assert mail.outbox == []


def test_a_decision_on_a_bid_withdrawn_meanwhile_is_refused(
    assessor_client, django_capture_on_commit_callbacks
):
    bid = bid_in_assessment()
    form = assessor_client.get(move_url(bid, "fund"))
    assert form.status_code == 200
    Bid.objects.filter(pk=bid.pk).update(state=State.WITHDRAWN, lead_slot=None)

    response = post_move(
        assessor_client,
        bid,
        "fund",
        {"note": "Funded"},
        seen_state=State.IN_ASSESSMENT,
        capture=django_capture_on_commit_callbacks,
    )

    assert "is withdrawn, so “Record as funded” is not possible." in page_text(response)
    bid.refresh_from_db()
    assert bid.state == State.WITHDRAWN


def test_a_tampered_page_state_is_refused(assessor_client, django_capture_on_commit_callbacks):
    bid = bid_in_assessment()

    response = post_move(
        assessor_client,
        bid,
        "fund",
        {"note": "Funded"},
        seen_state="nonsense",
        capture=django_capture_on_commit_callbacks,
    )

    assert "This page was out of date. Open the bid again." in page_text(response)
    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT


def test_moves_need_the_permission_to_change_bids(client, django_user_model):
    viewer = make_staff(django_user_model, "viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_bid"))
    sign_in_staff(client, viewer)
    bid = bid_in_assessment()

    page = page_text(client.get(change_url(bid)))

    assert "You do not have permission to assess bids." in page
    assert client.get(move_url(bid, "fund")).status_code == 403
    assert (
        client.post(move_url(bid, "fund"), {"seen_state": bid.state, "note": "x"}).status_code
        == 403
    )
    bid.refresh_from_db()
    assert bid.state == State.IN_ASSESSMENT


def test_the_decision_page_shows_the_scores_so_far(assessor_client, assessor):
    bid = bid_in_assessment()
    scored(bid, assessor, [4, 4, 4])

    page = page_text(assessor_client.get(move_url(bid, "fund")))

    assert "Average weighted score: 100.0%, from 1 assessor who scored every criterion." in page
    assert "Ada Okoro: 400 out of 400 (100.0%)" in page
