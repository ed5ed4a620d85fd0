"""What followers are sent: an email for each announcement through the
outbox, or a weekly digest; each with the one-click unsubscribe headers."""

import datetime

from django.core import mail
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from subscriptions import services
from subscriptions.models import Announcement
from tests.subscriptions.followers import READER, follow

ANNOUNCEMENT = {
    "subject": "New update from R1-0001: Sprint 3",
    "title": "Sprint 3",
    "text": "We tested the form.",
    "url": "http://testserver/updates/1/",
}


def _announce(capture, *, key: str = "update:1", topics=("project:R1-0001",)):
    with capture(execute=True):
        services.announce(key=key, topics=list(topics), **ANNOUNCEMENT)


def test_each_update_followers_are_emailed_by_the_worker_through_the_outbox(
    client, db, django_capture_on_commit_callbacks
):
    follow(client)
    mail.outbox.clear()

    _announce(django_capture_on_commit_callbacks)

    [email] = mail.outbox
    assert email.to == [READER]
    assert email.subject == ANNOUNCEMENT["subject"]
    assert "We tested the form." in email.body
    assert "/subscriptions/manage/" in email.body
    row = OutboundEmail.objects.get(subject=ANNOUNCEMENT["subject"])
    assert row.state == OutboundEmail.State.SENT


def test_every_email_to_followers_carries_the_one_click_unsubscribe_headers(
    client, db, django_capture_on_commit_callbacks
):
    follow(client)
    mail.outbox.clear()

    _announce(django_capture_on_commit_callbacks)

    [email] = mail.outbox
    message = email.message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http://testserver/subscriptions/one-click/")


def test_one_email_however_many_of_their_topics_it_is_under(
    client, db, django_capture_on_commit_callbacks
):
    follow(client, topic="project:R1-0001")
    follow(client, topic="council:leeds")
    mail.outbox.clear()

    _announce(django_capture_on_commit_callbacks, topics=("project:R1-0001", "council:leeds"))

    assert len(mail.outbox) == 1


def test_nobody_who_has_not_confirmed_is_emailed(db, django_capture_on_commit_callbacks):
    services.follow_request(
        email=READER, topic="project:R1-0001", label="the project", frequency="each"
    )
    mail.outbox.clear()

    _announce(django_capture_on_commit_callbacks)

    assert mail.outbox == []


def test_an_announcement_is_sent_once_however_often_the_worker_is_asked(
    client, db, django_capture_on_commit_callbacks
):
    follow(client)
    _announce(django_capture_on_commit_callbacks)
    item = Announcement.objects.get()

    assert services.announcement_send(announcement_id=item.pk) == 0
    services.send_unsent_announcements()
    assert OutboundEmail.objects.filter(subject=ANNOUNCEMENT["subject"]).count() == 1


def test_weekly_followers_get_nothing_at_once_and_everything_in_the_digest(
    client, db, django_capture_on_commit_callbacks
):
    follow(client, frequency="weekly")
    mail.outbox.clear()
    _announce(django_capture_on_commit_callbacks)
    _announce(django_capture_on_commit_callbacks, key="update:2")
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        sent = services.send_weekly_digests(now=timezone.now() + datetime.timedelta(days=1))

    assert sent == 1
    [email] = mail.outbox
    assert email.subject == "Your weekly digest from Local Digital"
    assert email.body.count("Sprint 3") == 2
    assert email.message()["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_a_digest_covers_only_what_is_new_since_the_last_one(
    client, db, django_capture_on_commit_callbacks
):
    follow(client, frequency="weekly")
    _announce(django_capture_on_commit_callbacks)
    services.send_weekly_digests(now=timezone.now() + datetime.timedelta(days=1))

    assert services.send_weekly_digests(now=timezone.now() + datetime.timedelta(days=8)) == 0


def test_a_withdrawn_announcement_leaves_the_digest(client, db, django_capture_on_commit_callbacks):
    follow(client, frequency="weekly")
    _announce(django_capture_on_commit_callbacks)

    services.announcement_withdraw(key="update:1")

    assert services.send_weekly_digests(now=timezone.now() + datetime.timedelta(days=1)) == 0
