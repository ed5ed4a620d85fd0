"""Scheduled work on sign-ups."""

from celery import shared_task

from signatories import services


@shared_task(ignore_result=True)
def purge_unconfirmed_sign_ups() -> None:
    services.purge_unconfirmed()
