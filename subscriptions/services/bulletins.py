"""Sending a content editor's bulletin: a test to the editor alone, then to
every confirmed follower of its topic, in batches at the configured rate.

Each batch queues its emails in the outbox and records each recipient in
the same transaction, so a batch that dies, or runs twice, never emails
anyone twice; the next batch takes up where the last one stopped.
"""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from localdigital.core.outbox import queue_email
from subscriptions import bulletin_workflow, emails
from subscriptions.links import unsubscribe_headers
from subscriptions.models import Bulletin, BulletinRecipient, BulletinState

logger = logging.getLogger(__name__)


class NoEmailAddress(Exception):
    """The member of staff asking for a test has no email address to send it to."""


def bulletin_send_test(*, bulletin: Bulletin, user) -> None:
    """Email the bulletin, marked as a test, to the member of staff alone."""
    if not user.email:
        raise NoEmailAddress(user.get_username())
    subject, text, html = emails.bulletin_test(item=bulletin)
    with transaction.atomic():
        queue_email(to=user.email, subject=subject, body=text, html_body=html)


def bulletin_start_sending(*, bulletin: Bulletin, user) -> None:
    """The editor's "send": the workflow refuses anything but a draft, and the
    worker is asked for the first batch once this commits."""
    with transaction.atomic():
        bulletin_workflow.move(bulletin, "send", by_user=user)
        transaction.on_commit(lambda: _ask_worker_for_batch(bulletin.pk), robust=True)


def _ask_worker_for_batch(bulletin_id: int, *, countdown: float = 0) -> None:
    # Imported here: the task module imports this one.
    from subscriptions.tasks import send_bulletin_batch

    try:
        send_bulletin_batch.apply_async((bulletin_id,), countdown=countdown)
    except Exception as error:
        # The sweep (resume_bulletins) carries on once the broker is back.
        logger.warning("Could not ask the worker to send bulletin %s: %s", bulletin_id, error)


def send_bulletin_batch(*, bulletin_id: int, now: datetime.datetime | None = None) -> int:
    """Queue one batch of a sending bulletin, if the last was at least
    BULLETIN_BATCH_SECONDS ago; with nobody left, mark it sent. How many were queued."""
    now = now or timezone.now()
    wait = datetime.timedelta(seconds=settings.BULLETIN_BATCH_SECONDS)
    with transaction.atomic():
        bulletin = (
            Bulletin.objects.select_for_update(skip_locked=True)
            .filter(pk=bulletin_id, state=BulletinState.SENDING)
            .first()
        )
        if bulletin is None or (bulletin.last_batch_at and now - bulletin.last_batch_at < wait):
            return 0
        batch = list(bulletin.remaining_followers().order_by("pk")[: settings.BULLETIN_BATCH_SIZE])
        for subscriber in batch:
            _queue_for(bulletin, subscriber, now=now)
        if not batch:
            bulletin_workflow.move(bulletin, "finish", by_label="the worker")
            return 0
        Bulletin.objects.filter(pk=bulletin.pk).update(last_batch_at=now)
        transaction.on_commit(
            lambda: _ask_worker_for_batch(bulletin_id, countdown=wait.total_seconds()), robust=True
        )
    return len(batch)


def _queue_for(bulletin: Bulletin, subscriber, *, now: datetime.datetime) -> None:
    subject, text, html = emails.bulletin(subscriber=subscriber, item=bulletin)
    email = queue_email(
        to=subscriber.email,
        subject=subject,
        body=text,
        html_body=html,
        headers=unsubscribe_headers(subscriber),
    )
    BulletinRecipient.objects.create(
        bulletin=bulletin, subscriber=subscriber, email=email, queued_at=now
    )


def resume_bulletins(*, now: datetime.datetime | None = None) -> int:
    """The sweep: a batch for every bulletin still sending (one whose worker
    message was lost, or whose worker stopped); how many emails were queued."""
    sending = Bulletin.objects.filter(state=BulletinState.SENDING).values_list("pk", flat=True)
    return sum(send_bulletin_batch(bulletin_id=pk, now=now) for pk in list(sending[:20]))
