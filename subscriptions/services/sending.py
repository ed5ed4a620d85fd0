"""Telling followers: an announcement to some topics, sent by the worker to
those who hear of each one at once, and listed in the weekly digests.

Emails go through the outbox (localdigital.core.outbox), one a person
however many of their topics an announcement is under, each with RFC 8058's
one-click unsubscribe headers.
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from localdigital.core.outbox import queue_email
from subscriptions import emails
from subscriptions.links import unsubscribe_headers
from subscriptions.models import Announcement, AnnouncementTopic, Frequency, Subscriber

logger = logging.getLogger(__name__)

DIGEST_PERIOD = datetime.timedelta(days=7)


def announce(
    *, key: str, topics: list[str], subject: str, title: str, text: str, url: str
) -> Announcement:
    """Record something new under `topics`; its emails are sent once the
    caller's transaction commits (or by the worker's sweep, if the broker is down)."""
    item = Announcement.objects.create(key=key, subject=subject, title=title, text=text, url=url)
    AnnouncementTopic.objects.bulk_create(
        AnnouncementTopic(announcement=item, topic=topic) for topic in dict.fromkeys(topics)
    )
    transaction.on_commit(lambda: _ask_worker_to_send(item.pk), robust=True)
    return item


def _ask_worker_to_send(announcement_id: int) -> None:
    # Imported here: the task module imports this one.
    from subscriptions.tasks import send_announcement

    try:
        send_announcement.delay(announcement_id)
    except Exception as error:
        logger.warning(
            "Could not ask the worker to send announcement %s: %s", announcement_id, error
        )


def announcement_withdraw(*, key: str) -> None:
    """Take back an announcement (what it was about is no longer public):
    it leaves the digests still to come."""
    Announcement.objects.filter(key=key).delete()


def _followers(topics, frequency: str):
    return Subscriber.objects.filter(
        subscriptions__topic__in=topics,
        subscriptions__frequency=frequency,
        subscriptions__confirmed_at__isnull=False,
    ).distinct()


def announcement_send(*, announcement_id: int) -> int:
    """Queue the emails of one announcement to its each-time followers, once
    however often it is asked; how many were queued."""
    with transaction.atomic():
        item = (
            Announcement.objects.select_for_update(skip_locked=True)
            .filter(pk=announcement_id, sent_at=None)
            .first()
        )
        if item is None:
            return 0
        topics = list(item.topics.values_list("topic", flat=True))
        queued = 0
        for subscriber in _followers(topics, Frequency.EACH).iterator():
            subject, body = emails.announcement(subscriber=subscriber, item=item)
            queue_email(
                to=subscriber.email,
                subject=subject,
                body=body,
                headers=unsubscribe_headers(subscriber),
            )
            queued += 1
        item.sent_at = timezone.now()
        item.save(update_fields=["sent_at"])
    return queued


def send_unsent_announcements() -> None:
    """The sweep: announcements whose worker message was lost."""
    for pk in Announcement.objects.filter(sent_at=None).values_list("pk", flat=True)[:100]:
        announcement_send(announcement_id=pk)


def _digest_items(subscriber: Subscriber, *, since: datetime.datetime) -> list[Announcement]:
    weekly = subscriber.subscriptions.confirmed().filter(frequency=Frequency.WEEKLY)
    return list(
        Announcement.objects.filter(created_at__gte=since, topics__topic__in=weekly.values("topic"))
        .distinct()
        .order_by("created_at", "pk")
    )


def send_weekly_digests(*, now: datetime.datetime | None = None) -> int:
    """Email each weekly follower what was announced in their topics since
    their last digest (a week at most); how many digests were queued."""
    now = now or timezone.now()
    weekly_followers = Subscriber.objects.filter(
        subscriptions__frequency=Frequency.WEEKLY, subscriptions__confirmed_at__isnull=False
    ).distinct()
    return sum(_send_digest(subscriber, now=now) for subscriber in weekly_followers.iterator())


def _send_digest(subscriber: Subscriber, *, now: datetime.datetime) -> int:
    since = max(filter(None, [subscriber.digest_sent_at, now - DIGEST_PERIOD]))
    with transaction.atomic():
        items = _digest_items(subscriber, since=since)
        Subscriber.objects.filter(pk=subscriber.pk).update(digest_sent_at=now)
        if not items:
            return 0
        subject, body = emails.digest(subscriber=subscriber, items=items)
        queue_email(
            to=subscriber.email, subject=subject, body=body, headers=unsubscribe_headers(subscriber)
        )
    return 1
