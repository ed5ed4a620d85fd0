"""An email queued with an HTML alternative goes out as multipart through
Django's mail, and as its plain text alone through GOV.UK Notify, which
takes no HTML here."""

import pytest
from django.core import mail
from django.db import transaction

from localdigital.core.models import OutboundEmail
from localdigital.core.outbox import queue_email
from tests.fake_notify import API_KEY, FakeNotify

pytestmark = pytest.mark.django_db

TEXT = "Round 8 opens on 1 April.\n"
HTML = "<p>Round 8 opens on <strong>1 April</strong>.</p>"


def _queue(capture) -> OutboundEmail:
    with capture(execute=True), transaction.atomic():
        email = queue_email(to="reader@example.com", subject="Round 8", body=TEXT, html_body=HTML)
    email.refresh_from_db()
    return email


def test_django_mail_sends_the_text_and_the_html_parts(django_capture_on_commit_callbacks):
    email = _queue(django_capture_on_commit_callbacks)

    [sent] = mail.outbox
    assert sent.body == TEXT
    assert sent.alternatives == [(HTML, "text/html")]
    message = sent.message()
    assert message.get_content_type() == "multipart/alternative"
    assert email.state == OutboundEmail.State.SENT


def test_an_email_without_html_stays_plain_text(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_email(to="reader@example.com", subject="Plain", body=TEXT)

    [sent] = mail.outbox
    assert sent.message().get_content_type() == "text/plain"


def test_notify_is_given_the_plain_text_alone(settings, django_capture_on_commit_callbacks):
    with FakeNotify() as notify:
        settings.EMAIL_BACKEND = "localdigital.core.notify.NotifyEmailBackend"
        settings.NOTIFY_API_KEY = API_KEY
        settings.NOTIFY_TEMPLATE_ID = "1c2b3a49-5d6e-4f70-8192-a3b4c5d6e7f8"
        settings.NOTIFY_BASE_URL = notify.base_url
        email = _queue(django_capture_on_commit_callbacks)

    [received] = notify.received
    assert received["personalisation"] == {"subject": "Round 8", "body": TEXT}
    assert email.state == OutboundEmail.State.SENT
