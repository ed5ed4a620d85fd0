"""A bulletin goes to every confirmed follower of its topic, through the
outbox, in batches no faster than the configured rate; a batch run again,
or a sweep after a stop, emails nobody twice; each email has a plain-text
and an HTML part and the one-click unsubscribe headers."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from localdigital.core.models import OutboundEmail
from subscriptions import services
from subscriptions.models import BulletinRecipient, BulletinState
from tests.factories import content_editor_user
from tests.subscriptions.bulletins import bulletin, followers
from tests.subscriptions.followers import follow

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def small_batches(settings):
    settings.BULLETIN_BATCH_SIZE = 2
    settings.BULLETIN_BATCH_SECONDS = 60


def _sending(item):
    services.bulletin_start_sending(bulletin=item, user=content_editor_user())
    item.refresh_from_db()
    return item


def test_batches_go_no_faster_than_the_rate(client, small_batches):
    followers(client, 5)
    item = _sending(bulletin())

    assert services.send_bulletin_batch(bulletin_id=item.pk, now=START) == 2
    # Too soon: the next batch waits its BULLETIN_BATCH_SECONDS.
    assert services.send_bulletin_batch(bulletin_id=item.pk, now=START) == 0
    later = START + datetime.timedelta(seconds=59)
    assert services.send_bulletin_batch(bulletin_id=item.pk, now=later) == 0
    assert (
        services.send_bulletin_batch(
            bulletin_id=item.pk, now=START + datetime.timedelta(seconds=60)
        )
        == 2
    )
    assert (
        services.send_bulletin_batch(
            bulletin_id=item.pk, now=START + datetime.timedelta(seconds=120)
        )
        == 1
    )
    assert BulletinRecipient.objects.filter(bulletin=item).count() == 5


def test_each_follower_is_emailed_once_however_often_it_resumes(client, small_batches):
    addresses = followers(client, 3)
    item = _sending(bulletin())
    moment = START
    for _ in range(6):
        services.resume_bulletins(now=moment)
        moment += datetime.timedelta(minutes=5)

    bulletin_emails = OutboundEmail.objects.filter(subject="Round 8 of the fund")
    assert sorted(bulletin_emails.values_list("to_address", flat=True)) == sorted(addresses)
    item.refresh_from_db()
    assert item.state == BulletinState.SENT
    assert [change.to_state for change in item.history.all()] == ["sending", "sent"]


def test_only_confirmed_followers_of_its_topic_get_it(client, small_batches):
    followers(client, 1)
    follow(client, topic="events", label="events", email="events@example.com")
    services.follow_request(
        email="unconfirmed@example.com", topic="news", label="news", frequency="each"
    )
    item = _sending(bulletin())
    services.send_bulletin_batch(bulletin_id=item.pk, now=START)

    sent_to = OutboundEmail.objects.filter(subject="Round 8 of the fund")
    assert list(sent_to.values_list("to_address", flat=True)) == ["reader0@example.com"]


def test_the_email_has_a_text_and_an_html_part_and_one_click_headers(
    client, django_capture_on_commit_callbacks
):
    followers(client, 1)
    item = _sending(bulletin())
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.send_bulletin_batch(bulletin_id=item.pk)

    [email] = mail.outbox
    assert email.to == ["reader0@example.com"]
    assert "Bids open on 1 April. Read the guidance (https://example.com/guide)." in email.body
    assert "/subscriptions/unsubscribe/" in email.body
    [(html, kind)] = email.alternatives
    assert kind == "text/html"
    assert "<strong>1 April</strong>" in html
    assert "/subscriptions/manage/" in html
    message = email.message()
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Unsubscribe"].startswith("<http://testserver/subscriptions/one-click/")


def test_staff_see_sent_failed_and_remaining_from_the_outbox(client, small_batches):
    followers(client, 3)
    item = _sending(bulletin())
    services.send_bulletin_batch(bulletin_id=item.pk, now=START)
    first, second = item.recipients.order_by("pk")
    OutboundEmail.objects.filter(pk=first.email_id).update(
        state=OutboundEmail.State.SENT, sent_at=START
    )
    OutboundEmail.objects.filter(pk=second.email_id).update(state=OutboundEmail.State.FAILED)

    assert item.progress() == {"queued": 2, "sent": 1, "failed": 1, "remaining": 1}


def test_a_draft_is_not_sent_by_the_sweep(client):
    followers(client, 1)
    item = bulletin()

    assert services.resume_bulletins(now=timezone.now()) == 0
    assert not item.recipients.exists()
