"""The programme's scheduled work: announcing news posts as they go live
(a scheduled one at its time) and events once published."""

from celery import shared_task

from programme.services import announce_news_and_events


@shared_task(ignore_result=True)
def announce_programme_news_and_events() -> None:
    announce_news_and_events()
