"""GOV.UK Notify as the outbox's way to send email, against a fake of its API on loopback."""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.utils import timezone

from localdigital.core.models import Delivery, OutboundEmail
from localdigital.core.outbox import queue_email, send_due_emails
from tests.fake_notify import API_KEY, FakeNotify

pytestmark = pytest.mark.django_db

TEMPLATE_ID = "1c2b3a49-5d6e-4f70-8192-a3b4c5d6e7f8"
CALLBACK_TOKEN = "receipts-token-for-tests-only-0123456789"


@pytest.fixture
def notify(settings):
    with FakeNotify() as fake:
        settings.EMAIL_BACKEND = "localdigital.core.notify.NotifyEmailBackend"
        settings.NOTIFY_API_KEY = API_KEY
        settings.NOTIFY_TEMPLATE_ID = TEMPLATE_ID
        settings.NOTIFY_BASE_URL = fake.base_url
        settings.NOTIFY_CALLBACK_TOKEN = CALLBACK_TOKEN
        yield fake


def queued(django_capture_on_commit_callbacks) -> OutboundEmail:
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        email = queue_email(
            to="sam.patel@leeds.gov.uk",
            subject="Confirm your email address – reference LDD-AB12CD34",
            body="Your reference is LDD-AB12CD34.\n\nThank you.",
            reference="LDD-AB12CD34",
        )
    email.refresh_from_db()
    return email


def test_email_goes_through_notify_with_the_one_template(
    notify, django_capture_on_commit_callbacks
):
    email = queued(django_capture_on_commit_callbacks)

    [sent] = notify.received
    assert sent["email_address"] == "sam.patel@leeds.gov.uk"
    assert sent["template_id"] == TEMPLATE_ID
    assert sent["personalisation"] == {
        "subject": "Confirm your email address – reference LDD-AB12CD34",
        "body": "Your reference is LDD-AB12CD34.\n\nThank you.",
    }
    assert sent["reference"] == "LDD-AB12CD34"
    assert email.state == OutboundEmail.State.SENT
    assert email.provider_reference


def test_notify_is_given_the_one_click_unsubscribe_address_of_an_email_that_has_one(
    notify, django_capture_on_commit_callbacks
):
    one_click = "http://testserver/subscriptions/one-click/abc/"
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        queue_email(
            to="reader@example.com",
            subject="New update",
            body="Something new.",
            headers={
                "List-Unsubscribe": f"<{one_click}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )

    [sent] = notify.received
    assert sent["one_click_unsubscribe_url"] == one_click


def test_a_message_notify_refuses_is_not_retried_and_staff_see_why(
    notify, django_capture_on_commit_callbacks, admin_client
):
    notify.answers = [400]
    email = queued(django_capture_on_commit_callbacks)

    assert email.state == OutboundEmail.State.FAILED
    assert email.attempts == 1
    assert "Not a valid email address" in email.last_error
    assert send_due_emails(now=timezone.now() + timedelta(days=1)) == {}
    assert len(notify.received) == 1
    page = admin_client.get(f"/admin/localdigital/outboundemail/{email.pk}/change/")
    assert "Not a valid email address" in page.content.decode()


@pytest.mark.parametrize("status", [429, 500])
def test_too_many_requests_and_notify_s_own_errors_are_retried(
    status, notify, django_capture_on_commit_callbacks
):
    notify.answers = [status]
    email = queued(django_capture_on_commit_callbacks)

    assert email.state == OutboundEmail.State.QUEUED
    assert email.attempts == 1
    assert email.next_attempt_at > timezone.now()

    send_due_emails(now=email.next_attempt_at + timedelta(seconds=1))
    email.refresh_from_db()
    assert email.state == OutboundEmail.State.SENT
    assert len(notify.received) == 2


def post_receipt(client, document, *, token=CALLBACK_TOKEN):
    return client.post(
        "/notify/delivery-receipts/",
        json.dumps(document),
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"},
    )


@pytest.mark.parametrize(
    ("status", "delivery"),
    [
        ("delivered", Delivery.DELIVERED),
        ("permanent-failure", Delivery.NOT_DELIVERED),
        ("temporary-failure", Delivery.NOT_DELIVERED),
        ("technical-failure", Delivery.NOT_DELIVERED),
    ],
)
def test_a_delivery_receipt_marks_the_message(
    status, delivery, client, notify, django_capture_on_commit_callbacks
):
    email = queued(django_capture_on_commit_callbacks)

    response = post_receipt(
        client,
        {"id": email.provider_reference, "reference": email.reference, "status": status},
    )

    assert response.status_code == 204
    email.refresh_from_db()
    assert (email.delivery, email.delivery_detail) == (delivery, status)
    assert email.delivery_reported_at is not None


@pytest.mark.parametrize(
    "token", ["", "wrong-token", CALLBACK_TOKEN + "x"], ids=["none", "wrong", "longer"]
)
def test_a_receipt_without_notify_s_token_changes_nothing(
    token, client, notify, django_capture_on_commit_callbacks
):
    email = queued(django_capture_on_commit_callbacks)

    response = post_receipt(
        client, {"id": email.provider_reference, "status": "delivered"}, token=token
    )

    assert response.status_code == 403
    email.refresh_from_db()
    assert email.delivery == Delivery.NOT_REPORTED


@pytest.mark.parametrize(
    "body",
    ["not json", "[]", '{"id": 7, "status": "delivered"}', '{"id": "x", "status": "lost"}'],
)
def test_a_receipt_that_is_not_one_is_refused_with_400(body, client, notify):
    response = client.post(
        "/notify/delivery-receipts/",
        body,
        content_type="application/json",
        headers={"Authorization": f"Bearer {CALLBACK_TOKEN}"},
    )
    assert response.status_code == 400


def test_no_receipts_are_taken_when_no_token_is_configured(client, settings):
    settings.NOTIFY_CALLBACK_TOKEN = ""
    response = client.post(
        "/notify/delivery-receipts/",
        '{"id": "x", "status": "delivered"}',
        content_type="application/json",
        headers={"Authorization": "Bearer "},
    )
    assert response.status_code == 403
