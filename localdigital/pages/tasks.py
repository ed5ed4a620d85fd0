"""The pages' background work: every hour the worker works out the service
performance figures again (localdigital/pages/performance.py)."""

from celery import shared_task

from localdigital.pages import performance


@shared_task(ignore_result=True)
def record_service_performance() -> None:
    performance.record()
