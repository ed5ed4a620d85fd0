"""When the worker's reminders are due, on the UK's clock.

A draft's officers are reminded 7 days and 1 day before its round closes,
counted on the clock a person in the UK reads: a round closing at midday on
2 April (British Summer Time) is 7 days away from midday on 26 March
(Greenwich Mean Time), though only 6 days and 23 hours pass between the two.
Only the latest stage due is sent: a draft started 3 days before the round
closes is reminded once at the 7-day stage, then at the 1-day stage.

Assessors are reminded once, ASSESSMENT_REMINDER_DAYS days before their
round's assessment due date (or on any day after that until it is due),
of the assigned bids they have not fully scored.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings

from funding.models import DraftReminderStage, Round

UK = ZoneInfo("Europe/London")

# Latest first: the first whose moment has passed is the one due.
DRAFT_STAGES = [(DraftReminderStage.DAY, 1), (DraftReminderStage.WEEK, 7)]


def days_before_on_uk_clock(moment: datetime.datetime, days: int) -> datetime.datetime:
    """The moment `days` days before `moment`, at the same time of day in the UK."""
    wall_clock = moment.astimezone(UK).replace(tzinfo=None) - datetime.timedelta(days=days)
    return wall_clock.replace(tzinfo=UK)


def draft_stage_due(round_: Round, *, now: datetime.datetime) -> str | None:
    """The reminder stage of `round_`'s drafts due at `now`, if any."""
    if not round_.is_open(now=now):
        return None
    for stage, days in DRAFT_STAGES:
        if now >= days_before_on_uk_clock(round_.closes_at, days):
            return stage
    return None


def assessment_reminder_window(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The due dates whose assessors are reminded `today`: from today to N days on."""
    return today, today + datetime.timedelta(days=settings.ASSESSMENT_REMINDER_DAYS)


def uk_today(now: datetime.datetime) -> datetime.date:
    return now.astimezone(UK).date()
