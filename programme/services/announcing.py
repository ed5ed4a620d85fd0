"""Telling the followers of news and of events (programme.topics), through
the subscriptions app's announce: each-update followers at once, weekly
ones in their digest.

A news post is announced once it is live, so a scheduled one at its time;
an event once it is published and not yet over. The worker runs this every
few minutes, and admin once an editor saves; the announcement's key
("news:12", "event:3") is the record that each was announced once.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from localdigital.core.jinja2 import govuk_date_time
from localdigital.core.site_address import absolute_url
from programme.models import Event, NewsPost
from programme.topics import EVENTS_TOPIC, NEWS_TOPIC
from subscriptions.models import Announcement
from subscriptions.services import announce

# A post live for longer than this is not news to announce (so the archive is
# not announced when this first runs, nor an old post published again).
NEWS_WINDOW = datetime.timedelta(days=2)
BATCH = 50


def announce_news_and_events(*, now: datetime.datetime | None = None) -> int:
    """Announce what is newly live; how many were announced."""
    now = now or timezone.now()
    posts = NewsPost.objects.live().filter(published_at__gte=now - NEWS_WINDOW)
    events = Event.objects.upcoming()
    return _announce_new(
        [
            (f"news:{post.pk}", NEWS_TOPIC, f"Local Digital news: {post.title}", post.summary, post)
            for post in posts[:BATCH]
        ]
    ) + _announce_new(
        [
            (
                f"event:{event.pk}",
                EVENTS_TOPIC,
                f"Local Digital event: {event.title}",
                _when(event),
                event,
            )
            for event in events[:BATCH]
        ]
    )


def _when(event: Event) -> str:
    return f"{govuk_date_time(event.starts_at)}. {event.location}"


def _announce_new(items: list[tuple]) -> int:
    done = set(
        Announcement.objects.filter(key__in=[item[0] for item in items]).values_list(
            "key", flat=True
        )
    )
    return sum(_announce(*item) for item in items if item[0] not in done)


def _announce(key: str, topic: str, subject: str, text: str, record) -> int:
    try:
        with transaction.atomic():
            announce(
                key=key,
                topics=[topic],
                subject=subject,
                title=subject,
                text=text,
                url=absolute_url(record.get_absolute_url()),
            )
    except IntegrityError:
        # Another run announced it first: once is what was wanted.
        return 0
    return 1
