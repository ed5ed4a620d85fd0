"""Scheduled work on sign-ups."""

from celery import shared_task

from signatories import services


@shared_task(ignore_result=True)
def purge_unconfirmed_sign_ups() -> None:
    services.purge_unconfirmed()


@shared_task(ignore_result=True)
def ask_for_project_reports() -> None:
    """Eleven months after signing, ask how the declaration project went; remind once."""
    services.ask_for_reports()
    services.remind_about_reports()
