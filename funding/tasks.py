"""The fund's scheduled work: reminders to officers whose drafts' round is
closing and to assessors whose scores are due (funding.services.reminders).
Each reminder is recorded once sent, so the schedule may run as often as it
likes: a reminder is sent within one run of falling due, and never twice.
So are the announcements to the followers of fund rounds."""

from celery import shared_task

from funding.services.reminders import send_assessment_reminders, send_draft_reminders
from funding.services.round_announcements import announce_round_milestones


@shared_task(ignore_result=True)
def remind_officers_of_closing_rounds() -> None:
    send_draft_reminders()


@shared_task(ignore_result=True)
def remind_assessors_of_due_assessments() -> None:
    send_assessment_reminders()


@shared_task(ignore_result=True)
def announce_fund_rounds() -> None:
    """A round opening, and its deadline a week away, to the fund's followers."""
    announce_round_milestones()
