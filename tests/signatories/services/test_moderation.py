"""What each moderator's service does to a sign-up: the state it leaves, what
it saves, the links and the emails it sends, and what it refuses."""

import pytest
from django.core import mail
from django.urls import resolve

from localdigital.core.models import OutboundEmail
from signatories import services
from signatories.models import LinkPurpose, SignUp, SignUpState
from signatories.workflow import IllegalMove
from tests.factories import RejectionReasonFactory, SignUpFactory, moderator_user
from tests.signatories.services.emailed_links import link_in

pytestmark = pytest.mark.django_db

State = SignUpState


@pytest.fixture
def moderator(django_user_model):
    return moderator_user("mod", password="unused-password-123")


def test_approving_asks_the_senior_approver_to_sign(moderator, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator)

    sign_up.refresh_from_db()
    assert sign_up.state == State.AWAITING_SIGN_OFF
    assert sign_up.state_changes.last().by_user == moderator
    [message] = mail.outbox
    assert message.to == [sign_up.approver_email]
    assert sign_up.reference in message.subject and sign_up.reference in message.body
    assert "Priya Shah (Head of Digital)" in message.body
    path, link = link_in(message, LinkPurpose.SIGN)
    assert resolve(path).view_name == "sign:approver-sign"
    assert link.sign_up == sign_up


def test_approving_an_organisation_with_a_very_long_name_still_sends_the_email(
    moderator, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(
        state=State.AWAITING_REVIEW,
        organisation__name="The Otherton " + "very " * 47 + "Trust",
        commitment__title="Shared case records by 2027",
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator)

    [message] = mail.outbox
    assert len(message.subject) <= 255
    assert message.subject.endswith(sign_up.reference)


def test_asking_for_changes_emails_the_advice_and_an_edit_link(
    moderator, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_request_changes(
            sign_up=sign_up, by=moderator, advice="Give the title a date in 2027."
        )

    sign_up.refresh_from_db()
    assert sign_up.state == State.CHANGES_REQUESTED
    assert sign_up.changes_advice == "Give the title a date in 2027."
    assert sign_up.state_changes.last().note == "Give the title a date in 2027."
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert sign_up.reference in message.subject and sign_up.reference in message.body
    assert "Give the title a date in 2027." in message.body
    path, link = link_in(message, LinkPurpose.EDIT)
    assert resolve(path).view_name == "sign:edit"
    assert link.sign_up == sign_up


def test_rejecting_records_the_reason_and_emails_it(moderator, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    reason = RejectionReasonFactory(text="The organisation is a supplier")

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_reject(
            sign_up=sign_up, by=moderator, reason=reason, note="It sells software to councils."
        )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REJECTED
    assert sign_up.rejection_reason == reason
    assert sign_up.rejection_note == "It sells software to councils."
    assert sign_up.state_changes.last().note == (
        "The organisation is a supplier. It sells software to councils."
    )
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert sign_up.reference in message.subject and sign_up.reference in message.body
    assert "The organisation is a supplier" in message.body
    assert "It sells software to councils." in message.body


def test_rejecting_stops_the_links_already_sent(moderator, django_capture_on_commit_callbacks):
    sign_up = SignUpFactory(state=State.AWAITING_REVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_approve(sign_up=sign_up, by=moderator)

    services.sign_up_reject(sign_up=sign_up, by=moderator, reason=RejectionReasonFactory())

    assert link_in(mail.outbox[0], LinkPurpose.SIGN)[1] is None


def test_removing_a_signatory_records_the_reason_and_emails_it(
    moderator, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=State.SIGNED)

    with django_capture_on_commit_callbacks(execute=True):
        services.sign_up_remove(
            sign_up=sign_up, by=moderator, reason="The council asked to withdraw."
        )

    sign_up.refresh_from_db()
    assert sign_up.state == State.REMOVED
    assert sign_up.removal_reason == "The council asked to withdraw."
    assert not SignUp.objects.signed().exists()
    assert sign_up.state_changes.last().note == "The council asked to withdraw."
    [message] = mail.outbox
    assert message.to == [sign_up.officer_email]
    assert sign_up.reference in message.subject and sign_up.reference in message.body
    assert "The council asked to withdraw." in message.body


@pytest.mark.parametrize(
    ("state", "action"),
    [
        (State.SIGNED, lambda s, by: services.sign_up_approve(sign_up=s, by=by)),
        (
            State.AWAITING_SIGN_OFF,
            lambda s, by: services.sign_up_request_changes(sign_up=s, by=by, advice="More"),
        ),
        (
            State.REMOVED,
            lambda s, by: services.sign_up_reject(
                sign_up=s, by=by, reason=RejectionReasonFactory()
            ),
        ),
        (
            State.AWAITING_REVIEW,
            lambda s, by: services.sign_up_remove(sign_up=s, by=by, reason="x"),
        ),
    ],
)
def test_a_refused_service_saves_nothing_and_sends_nothing(
    state, action, moderator, django_capture_on_commit_callbacks
):
    sign_up = SignUpFactory(state=state)

    with pytest.raises(IllegalMove), django_capture_on_commit_callbacks(execute=True):
        action(sign_up, moderator)

    sign_up.refresh_from_db()
    assert sign_up.state == state
    assert (sign_up.changes_advice, sign_up.removal_reason, sign_up.rejection_reason) == (
        "",
        "",
        None,
    )
    assert sign_up.state_changes.count() == 1
    assert not sign_up.links.exists()
    assert not OutboundEmail.objects.exists()
    assert mail.outbox == []
