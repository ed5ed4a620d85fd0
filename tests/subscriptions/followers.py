"""Helpers for the tests of following by email: ask to follow a topic and
confirm it, as a person does from the emails the outbox holds."""

import re

from localdigital.core.models import OutboundEmail
from subscriptions import services
from subscriptions.models import Subscriber

READER = "reader@example.com"


def link_path(body: str, kind: str) -> str:
    """The path of the link of `kind` (confirm, manage, unsubscribe) in an email's body."""
    return re.search(rf"https?://[^/\s]+(/subscriptions/{kind}/[^/\s]+/)", body)[1]


def last_email_to(address: str) -> OutboundEmail:
    return OutboundEmail.objects.filter(to_address=address).latest("pk")


def follow(
    client,
    *,
    topic: str = "project:R1-0001",
    label: str = "the project",
    frequency: str = "each",
    email: str = READER,
) -> Subscriber:
    """Ask to follow and press the button behind the emailed link."""
    services.follow_request(email=email, topic=topic, label=label, frequency=frequency)
    response = client.post(link_path(last_email_to(email).body, "confirm"))
    assert response.status_code == 302
    return Subscriber.objects.get(email=email)
