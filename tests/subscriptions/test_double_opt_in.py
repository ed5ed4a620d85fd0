"""Following is double opt-in: nothing is sent until the person presses the
button behind the emailed link, and opening the link alone changes nothing."""

import datetime

import time_machine
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from subscriptions import services
from subscriptions.models import Subscriber, Subscription
from tests.govuk_pages import text
from tests.subscriptions.followers import READER, follow, last_email_to, link_path


def test_asking_to_follow_emails_a_confirmation_link_and_follows_nothing_yet(db):
    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="each")

    email = last_email_to(READER)
    assert email.subject == "Confirm you want email updates from Local Digital"
    assert "about Leeds" in email.body
    assert not Subscription.objects.confirmed().exists()


def test_opening_the_link_shows_a_button_and_confirms_nothing(client, db):
    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="each")
    path = link_path(last_email_to(READER).body, "confirm")

    response = client.get(path)

    assert response.status_code == 200
    assert "Confirm email updates" in text(response)
    assert Subscriber.objects.get().confirmed_at is None


def test_pressing_the_button_confirms_and_shows_what_they_follow(client, db):
    services.follow_request(
        email=READER, topic="council:leeds", label="Leeds City Council projects", frequency="each"
    )
    path = link_path(last_email_to(READER).body, "confirm")

    response = client.post(path, follow=True)

    assert Subscriber.objects.get().confirmed_at is not None
    assert "Your email updates" in text(response)
    assert "Leeds City Council projects" in text(response)
    assert "An email for each update" in text(response)


def test_a_confirmation_link_works_once(client, db):
    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="each")
    path = link_path(last_email_to(READER).body, "confirm")
    client.post(path)

    response = client.post(path)

    assert response.status_code == 404
    assert "This link does not work" in text(response)


def test_a_confirmation_link_expires_after_a_week(client, db):
    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="each")
    path = link_path(last_email_to(READER).body, "confirm")

    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        response = client.post(path)

    assert response.status_code == 404
    assert Subscriber.objects.get().confirmed_at is None


def test_asking_again_for_what_they_follow_changes_nothing_and_says_so(client, db):
    follow(client, topic="council:leeds", label="Leeds")

    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="weekly")

    email = last_email_to(READER)
    assert email.subject == "You already get email updates from Local Digital"
    assert Subscription.objects.get().frequency == "each"


def test_requests_nobody_confirmed_are_forgotten_after_a_week(db):
    services.follow_request(email=READER, topic="council:leeds", label="Leeds", frequency="each")

    services.forget_unconfirmed(now=timezone.now() + datetime.timedelta(days=8))

    assert not Subscriber.objects.exists()


def test_one_address_is_sent_only_a_few_requests_an_hour(db):
    for number in range(8):
        services.follow_request(
            email=READER, topic=f"council:c{number}", label=f"C{number}", frequency="each"
        )

    assert (
        OutboundEmail.objects.filter(to_address=READER).count()
        == services.following.REQUESTS_PER_ADDRESS
    )
