"""The core's background work.

The outbox's: A message is tried once as soon as the change
that caused it commits (send_outbox_email); every minute the scheduler asks
for the due ones to be tried again (send_due_outbox_emails), which is how a
failed message is retried with back-off (see localdigital.core.outbox).

Every hour the records of staff signing in that are past keeping are deleted
(forget_old_staff_sign_ins; see localdigital.core.staff_sign_in_records).

An open-data file missing for the current content version is built when a
download first asks for it (build_open_data_file; see
localdigital.core.open_data_files)."""

from celery import shared_task

from localdigital.core.open_data_files import build
from localdigital.core.outbox import send_due_emails, send_email
from localdigital.core.staff_sign_in_records import forget_old_sign_in_records


@shared_task(ignore_result=True)
def send_outbox_email(email_id: int) -> None:
    send_email(email_id=email_id)


@shared_task(ignore_result=True)
def send_due_outbox_emails() -> None:
    send_due_emails()


@shared_task(ignore_result=True)
def forget_old_staff_sign_ins() -> None:
    forget_old_sign_in_records()


@shared_task(ignore_result=True)
def build_open_data_file(name: str, version: int) -> None:
    build(name, version)
