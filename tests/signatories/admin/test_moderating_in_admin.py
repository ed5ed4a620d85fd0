"""Moderators approve, ask for changes, reject and remove from a sign-up's
admin page; moves the workflow does not allow, and stale pages, are refused."""

import pytest
from django.core import mail

from signatories.models import RejectionReason, SignUpState
from tests.admin_pages import page_text
from tests.factories import RejectionReasonFactory, SignUpFactory
from tests.signatories.admin.moderation_pages import QUEUE, change_url, moderate_url, post_move
from tests.staff import sign_in_staff

pytestmark = pytest.mark.django_db

State = SignUpState


def test_approving_through_admin_asks_the_approver_to_sign(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    form = page_text(moderator_client.get(moderate_url(sign_up, "approve")))
    assert f"The senior approver, Tom Evans ({sign_up.approver_email}), will be emailed" in form

    response = post_move(
        moderator_client, sign_up, "approve", capture=django_capture_on_commit_callbacks
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert response.redirect_chain[-1][0] == change_url(sign_up)
    assert f"{sign_up.reference} approved. Tom Evans has been emailed a link to sign." in page_text(
        response
    )
    [message] = mail.outbox
    assert message.to == [sign_up.approver_email]
    assert sign_up.reference in message.subject
    change = sign_up.state_changes.last()
    assert (change.to_state, change.by_user.username) == (State.AWAITING_SIGN_OFF, "moderator")


def test_asking_for_changes_through_admin_emails_the_advice(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    assert (
        'name="advice"'
        in moderator_client.get(moderate_url(sign_up, "request_changes")).content.decode()
    )

    response = post_move(
        moderator_client,
        sign_up,
        "request_changes",
        {"advice": "Say which year the service will be live."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.CHANGES_REQUESTED
    assert sign_up.changes_advice == "Say which year the service will be live."
    assert f"Advice on {sign_up.reference} sent to Priya Shah." in page_text(response)
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert "Say which year the service will be live." in message.body


def test_asking_for_changes_without_advice_is_refused_with_a_message(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    response = post_move(
        moderator_client,
        sign_up,
        "request_changes",
        {"advice": "   "},
        capture=django_capture_on_commit_callbacks,
    )

    assert response.status_code == 200
    page = page_text(response)
    assert "Enter the advice to send to the officer." in page
    assert "<title>Error: " in response.content.decode()
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
    assert mail.outbox == []


def test_rejecting_through_admin_gives_a_reason_from_the_list(
    moderator_client, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    reason = RejectionReason.objects.get(text__icontains="supplier")
    retired = RejectionReasonFactory(text="A reason no longer used", is_active=False)
    form = moderator_client.get(moderate_url(sign_up, "reject")).content.decode()
    assert reason.text in form
    assert retired.text not in form

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": reason.pk, "note": "It sells case management software."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED
    assert sign_up.rejection_reason == reason
    assert sign_up.rejection_note == "It sells case management software."
    assert f"{sign_up.reference} rejected." in page_text(response)
    [message] = mail.outbox
    assert reason.text in message.body
    assert "It sells case management software." in message.body


@pytest.mark.parametrize("reason", ["", "retired", "999999", "not a number"])
def test_rejecting_needs_an_active_reason(
    moderator_client, django_capture_on_commit_callbacks, reason
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    if reason == "retired":
        reason = RejectionReasonFactory(text="A reason no longer used", is_active=False).pk

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": reason},
        capture=django_capture_on_commit_callbacks,
    )

    assert response.status_code == 200
    page = page_text(response)
    assert (
        "Choose the reason for rejecting the sign-up." in page
        or "Choose a reason from the list." in page
    )
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
    assert mail.outbox == []


def test_removing_a_signatory_through_admin(moderator_client, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.SIGNED)
    assert 'name="reason"' in moderator_client.get(moderate_url(sign_up, "remove")).content.decode()

    response = post_move(
        moderator_client,
        sign_up,
        "remove",
        {"reason": "The council has merged into a new unitary authority."},
        capture=django_capture_on_commit_callbacks,
    )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REMOVED
    assert sign_up.removal_reason == "The council has merged into a new unitary authority."
    assert "removed from the signatories" in page_text(response)
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert sign_up.reference in message.subject


def test_removing_needs_a_reason(moderator_client, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.SIGNED)

    response = post_move(
        moderator_client,
        sign_up,
        "remove",
        {"reason": ""},
        capture=django_capture_on_commit_callbacks,
    )

    assert "Enter the reason for removing the organisation." in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == State.SIGNED


@pytest.mark.parametrize(
    ("state", "move", "data"),
    [
        (State.SIGNED, "approve", {}),
        (State.REJECTED, "request_changes", {"advice": "More detail"}),
        (State.AWAITING_REVIEW, "remove", {"reason": "Asked to"}),
        (State.AWAITING_CONFIRMATION, "approve", {}),
        (State.REMOVED, "reject", {"reason": "1"}),
    ],
)
def test_a_move_not_allowed_from_the_state_shows_an_error_and_changes_nothing(
    moderator_client, django_capture_on_commit_callbacks, state, move, data
):
    sign_up = SignUpFactory(state=state)

    shown = moderator_client.get(moderate_url(sign_up, move), follow=True)
    posted = post_move(
        moderator_client, sign_up, move, data, capture=django_capture_on_commit_callbacks
    )

    for response in (shown, posted):
        assert response.status_code == 200
        assert response.redirect_chain[-1][0] == change_url(sign_up)
        assert "is not possible. Nothing has been changed." in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == state
    assert sign_up.state_changes.count() == 1
    assert mail.outbox == []


def test_a_moderator_acting_on_a_page_that_is_out_of_date_is_refused(
    moderator_client, moderator, django_capture_on_commit_callbacks
):
    # Another moderator approved the sign-up while this one had the rejection
    # form open. Rejecting is allowed from awaiting sign-off, but this
    # moderator decided on what they saw, and that has changed.
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    moderator_client.get(moderate_url(sign_up, "reject"))
    post_move(moderator_client, sign_up, "approve", capture=django_capture_on_commit_callbacks)

    response = post_move(
        moderator_client,
        sign_up,
        "reject",
        {"reason": RejectionReason.objects.first().pk},
        seen_state=State.AWAITING_REVIEW,
        capture=django_capture_on_commit_callbacks,
    )

    assert "became awaiting senior sign-off while you had it open" in page_text(response)
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert len(mail.outbox) == 1


def test_an_unknown_move_or_sign_up_is_not_found(moderator_client):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    assert moderator_client.get(moderate_url(sign_up, "sign")).status_code == 404
    assert moderator_client.get(moderate_url(sign_up, "resubmit")).status_code == 404
    assert moderator_client.get(f"{QUEUE}999999/moderate/approve/").status_code == 404


def test_moderating_needs_a_csrf_token(client, moderator, django_capture_on_commit_callbacks):
    from django.test import Client

    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    strict = Client(enforce_csrf_checks=True)
    sign_in_staff(strict, moderator)

    response = strict.post(moderate_url(sign_up, "approve"), {"seen_state": sign_up.state})

    assert response.status_code == 403
    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_REVIEW
