"""The subscriptions' background work.

An announcement's emails are queued as soon as it commits (send_announcement),
and every few minutes the sweep queues any whose message to the worker was
lost. Every Monday morning the weekly digests go out; every night the
requests to follow that nobody confirmed are forgotten. A bulletin goes out
a batch at a time, each batch asking for the next; the sweep resumes any
whose worker stopped.
"""

from celery import shared_task

from subscriptions import services


@shared_task(ignore_result=True)
def send_announcement(announcement_id: int) -> None:
    services.announcement_send(announcement_id=announcement_id)


@shared_task(ignore_result=True)
def send_unsent_announcements() -> None:
    services.send_unsent_announcements()


@shared_task(ignore_result=True)
def send_weekly_digests() -> None:
    services.send_weekly_digests()


@shared_task(ignore_result=True)
def forget_unconfirmed_followers() -> None:
    services.forget_unconfirmed()


@shared_task(ignore_result=True)
def send_bulletin_batch(bulletin_id: int) -> None:
    services.send_bulletin_batch(bulletin_id=bulletin_id)


@shared_task(ignore_result=True)
def resume_bulletins() -> None:
    services.resume_bulletins()
