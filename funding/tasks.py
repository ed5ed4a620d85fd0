"""The fund's scheduled work: reminders to officers whose drafts' round is
closing and to assessors whose scores are due (funding.services.reminders).
Each reminder is recorded once sent, so the schedule may run as often as it
likes: a reminder is sent within one run of falling due, and never twice."""

from celery import shared_task

from funding.services.reminders import send_assessment_reminders, send_draft_reminders


@shared_task(ignore_result=True)
def remind_officers_of_closing_rounds() -> None:
    send_draft_reminders()


@shared_task(ignore_result=True)
def remind_assessors_of_due_assessments() -> None:
    send_assessment_reminders()
