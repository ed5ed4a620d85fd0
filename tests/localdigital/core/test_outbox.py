"""The outbox: emails written with the change that causes them, sent after commit, never lost."""

import logging
import socket
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from localdigital.core.outbox import (
    MAX_ATTEMPTS,
    queue_email,
    retry_delay,
    send_due_emails,
    send_email,
)

pytestmark = pytest.mark.django_db

LOCMEM_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

BODY = """Dear Sam,

We have received your sign-up to the Local Digital Declaration.

Your reference number is LD-2024-0042.

We will email you when we have checked it. This usually takes 5 working days.

Local Digital team
"""


def queue_sign_up_email(**overrides) -> OutboundEmail:
    arguments = {
        "to": "sam@example.gov.uk",
        "subject": "Sign-up received: LD-2024-0042",
        "body": BODY,
        "reference": "LD-2024-0042",
    }
    return queue_email(**(arguments | overrides))


@pytest.fixture
def mail_server_down(settings):
    """A real SMTP backend pointed at a local port where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 2
    return settings


def test_queued_email_is_sent_after_commit(django_capture_on_commit_callbacks, mailoutbox):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_sign_up_email()
        assert mailoutbox == [], "nothing may be sent before the transaction commits"

    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["sam@example.gov.uk"]
    assert message.subject == "Sign-up received: LD-2024-0042"
    assert message.body == BODY
    assert "LD-2024-0042" in message.body
    assert message.from_email == "Local Digital <noreply@localdigital.gov.uk>"
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    assert email.reference == "LD-2024-0042"


def test_nothing_is_sent_or_kept_when_the_change_rolls_back(
    django_capture_on_commit_callbacks, mailoutbox
):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        get_user_model().objects.create_user(username="sam")
        queue_sign_up_email()
        raise RuntimeError("the change that caused the email failed")

    assert callbacks == []
    assert mailoutbox == []
    assert not OutboundEmail.objects.exists()
    assert not get_user_model().objects.filter(username="sam").exists()


def test_mail_server_outage_keeps_the_message_queued_for_retry(
    django_capture_on_commit_callbacks, mail_server_down, mailoutbox, caplog
):
    before = timezone.now()
    # The user's request: it must finish normally even though sending fails.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        get_user_model().objects.create_user(username="sam")
        email = queue_sign_up_email()

    email.refresh_from_db()
    assert email.state == OutboundEmail.State.QUEUED
    assert email.attempts == 1
    assert "ConnectionRefusedError" in email.last_error
    assert email.next_attempt_at >= before + timedelta(minutes=1)
    assert email.sent_at is None
    assert mailoutbox == []
    assert "LD-2024-0042" in caplog.text
    assert get_user_model().objects.filter(username="sam").exists()


def test_message_queued_during_an_outage_is_delivered_exactly_once_later(
    django_capture_on_commit_callbacks, mail_server_down, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_sign_up_email()
    email.refresh_from_db()
    assert email.attempts == 1

    mail_server_down.EMAIL_BACKEND = LOCMEM_BACKEND  # the mail server is back

    # Before the back-off has passed, the message waits.
    call_command("send_queued_email", stdout=StringIO())
    assert mailoutbox == []

    OutboundEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() - timedelta(seconds=1)
    )
    call_command("send_queued_email", stdout=StringIO())
    call_command("send_queued_email", stdout=StringIO())

    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "Sign-up received: LD-2024-0042"
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.SENT
    assert email.attempts == 2
    assert "ConnectionRefusedError" in email.last_error, "the earlier failure is still on record"


def test_send_due_emails_sends_what_is_due_at_the_time_given(mailoutbox):
    email = queue_sign_up_email()  # outside a transaction nothing is pending
    OutboundEmail.objects.filter(pk=email.pk).update(
        next_attempt_at=timezone.now() + timedelta(minutes=5)
    )

    assert send_due_emails() == {}
    outcomes = send_due_emails(now=timezone.now() + timedelta(minutes=5))

    assert outcomes == {OutboundEmail.State.SENT: 1}
    assert len(mailoutbox) == 1


def test_back_off_doubles_and_is_capped():
    assert [retry_delay(attempts=n) for n in range(1, 6)] == [
        timedelta(minutes=minutes) for minutes in (1, 2, 4, 8, 16)
    ]
    assert retry_delay(attempts=10) == timedelta(hours=6)
    assert retry_delay(attempts=1000) == timedelta(hours=6)


def test_repeated_failures_back_off_and_end_in_failed(mail_server_down, mailoutbox, caplog):
    email = queue_sign_up_email()
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.QUEUED

    delays = []
    for _attempt in range(MAX_ATTEMPTS):
        now = email.next_attempt_at
        assert send_due_emails(now=now) in ({"queued": 1}, {"failed": 1})
        email.refresh_from_db()
        delays.append(email.next_attempt_at - now)

    assert delays[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert email.state == OutboundEmail.State.FAILED
    assert email.attempts == MAX_ATTEMPTS
    assert any(
        record.levelno == logging.ERROR and "Gave up" in record.getMessage()
        for record in caplog.records
    )
    # Given up on: the scheduler no longer tries it, whatever the time.
    assert send_due_emails(now=timezone.now() + timedelta(days=365)) == {}
    assert mailoutbox == []


def test_a_message_already_sent_is_never_sent_again(mailoutbox):
    email = queue_sign_up_email()
    assert send_email(email_id=email.pk) == OutboundEmail.State.SENT
    assert send_email(email_id=email.pk, now=timezone.now() + timedelta(days=1)) is None
    assert len(mailoutbox) == 1


def test_command_reports_what_it_did(settings, mail_server_down, mailoutbox):
    for number in range(3):
        queue_sign_up_email(to=f"person{number}@example.gov.uk")
    failing = queue_sign_up_email(to="failing@example.gov.uk")
    OutboundEmail.objects.filter(pk=failing.pk).update(attempts=MAX_ATTEMPTS - 1)
    later = queue_sign_up_email(to="later@example.gov.uk")
    OutboundEmail.objects.filter(pk=later.pk).update(
        next_attempt_at=timezone.now() + timedelta(hours=1)
    )

    out = StringIO()
    call_command("send_queued_email", stdout=out)
    assert out.getvalue() == "Sent 0, will retry 3, gave up on 1.\n"

    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    OutboundEmail.objects.filter(state=OutboundEmail.State.QUEUED).update(
        next_attempt_at=timezone.now()
    )
    out = StringIO()
    call_command("send_queued_email", stdout=out)
    assert out.getvalue() == "Sent 4, will retry 0, gave up on 0.\n"
    assert len(mailoutbox) == 4


def test_an_email_that_could_never_be_sent_is_refused_when_queued():
    with pytest.raises(ValidationError) as error:
        queue_sign_up_email(to="not an address", subject="Two\nlines")
    assert set(error.value.message_dict) == {"to_address", "subject"}
    assert not OutboundEmail.objects.exists()


def test_an_email_about_a_reference_must_name_it():
    with pytest.raises(ValidationError) as error:
        queue_sign_up_email(reference="LD-2024-9999")
    assert error.value.error_dict["body"][0].code == "reference_missing"


def test_database_refuses_a_sent_email_without_a_sent_time():
    email = queue_sign_up_email()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundEmail.objects.filter(pk=email.pk).update(state=OutboundEmail.State.SENT)


def test_database_refuses_an_unknown_state():
    email = queue_sign_up_email()
    with pytest.raises(IntegrityError), transaction.atomic():
        OutboundEmail.objects.filter(pk=email.pk).update(state="lost")


def test_admin_lists_emails_for_staff(admin_client):
    queue_sign_up_email()

    response = admin_client.get(
        reverse("admin:localdigital_outboundemail_changelist"), {"q": "LD-2024-0042"}
    )

    assert response.status_code == 200
    assert "Sign-up received: LD-2024-0042" in response.text
    assert "sam@example.gov.uk" in response.text


def test_admin_cannot_add_or_edit_an_email(admin_client):
    email = queue_sign_up_email()
    change_url = reverse("admin:localdigital_outboundemail_change", args=[email.pk])

    page = admin_client.get(change_url)
    posted = admin_client.post(change_url, {"body": "Something else", "subject": "Changed"})

    assert page.status_code == 200
    assert "<textarea" not in page.text
    assert "LD-2024-0042" in page.text
    assert posted.status_code == 403
    assert admin_client.get(reverse("admin:localdigital_outboundemail_add")).status_code == 403
    email.refresh_from_db()
    assert email.body == BODY


def test_admin_retry_now_requeues_failed_and_queued_emails(admin_client, settings):
    settings.EMAIL_BACKEND = LOCMEM_BACKEND
    later = timezone.now() + timedelta(hours=1)
    failed = queue_sign_up_email(to="failed@example.gov.uk")
    queued = queue_sign_up_email(to="queued@example.gov.uk")
    sent = queue_sign_up_email(to="sent@example.gov.uk")
    OutboundEmail.objects.filter(pk=failed.pk).update(
        state=OutboundEmail.State.FAILED, attempts=MAX_ATTEMPTS, next_attempt_at=later
    )
    OutboundEmail.objects.filter(pk=queued.pk).update(attempts=3, next_attempt_at=later)
    send_email(email_id=sent.pk)

    response = admin_client.post(
        reverse("admin:localdigital_outboundemail_changelist"),
        {"action": "retry_now", "_selected_action": [failed.pk, queued.pk, sent.pk]},
        follow=True,
    )

    assert response.status_code == 200
    shown = [str(message) for message in response.context["messages"]]
    assert "2 emails will be tried again within a minute." in shown
    assert "1 email already sent, so not retried." in shown
    failed.refresh_from_db()
    queued.refresh_from_db()
    assert failed.state == queued.state == OutboundEmail.State.QUEUED
    assert (failed.attempts, queued.attempts) == (MAX_ATTEMPTS, 3)
    assert failed.next_attempt_at <= timezone.now()
    assert queued.next_attempt_at <= timezone.now()
    assert send_due_emails() == {OutboundEmail.State.SENT: 2}


def test_the_headers_a_message_was_queued_with_are_sent_with_it(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue_email(
            to="reader@example.com",
            subject="New update",
            body="Something new.",
            headers={"List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )

    [email] = mail.outbox
    assert email.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
