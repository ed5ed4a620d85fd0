"""Assessors start assessment and record outcomes from a bid's admin page;
moves the workflow does not allow, and stale pages, are refused."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from funding.models import Bid, BidState, BidStateChange
from localdigital.core.models import OutboundEmail
from tests.admin_pages import make_staff, page_text
from tests.funding.admin.fund_admin import (
    bid_in_assessment,
    change_url,
    decision_form,
    move_url,
    score_url,
    scored,
    submitted_bid,
)
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = BidState


def post_move(client, bid, move, data=None, *, seen_state=None, capture):
    decision = decision_form(bid, move) if move in ("fund", "not_fund") else {}
    data = {"seen_state": seen_state or bid.state, **decision, **(data or {})}
    with capture(execute=True):
        return client.post(move_url(bid, move), data, follow=True)


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
    # Seeing every bid is not assessing one either.
    viewer.user_permissions.add(Permission.objects.get(codename="see_every_bid"))
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
