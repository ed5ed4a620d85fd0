"""Telling the followers of fund rounds (funding.topics) on their own: when
a round opens, and seven days before it closes on the UK's clock.

Each is announced once through the subscriptions app, under a key of its
own ("round-opened:round-7"), which is the record that it was: the worker
may run this as often as it likes. A round already closed is announced
nothing, so old rounds are not announced when this first runs.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from funding.models import Round
from funding.reminders import days_before_on_uk_clock
from funding.topics import FUND_ROUNDS_TOPIC
from localdigital.core.jinja2 import govuk_date_time
from localdigital.core.site_address import absolute_url
from subscriptions.models import Announcement
from subscriptions.services import announce

CLOSING_DAYS = 7


def announce_round_milestones(*, now: datetime.datetime | None = None) -> int:
    """Announce every opening and closing-soon now due; how many were announced."""
    now = now or timezone.now()
    announced = 0
    for round_ in Round.objects.open(now=now):
        announced += _announce_once(round_, "opened", *_opened(round_))
        if now >= days_before_on_uk_clock(round_.closes_at, CLOSING_DAYS):
            announced += _announce_once(round_, "closing", *_closing(round_))
    return announced


def _opened(round_: Round) -> tuple[str, str]:
    subject = f"{round_.name} of the Local Digital Fund is open for bids"
    return subject, f"{round_.summary} Bids close on {govuk_date_time(round_.closes_at)}."


def _closing(round_: Round) -> tuple[str, str]:
    subject = f"{round_.name} of the Local Digital Fund closes in {CLOSING_DAYS} days"
    return subject, f"Bids must be submitted by {govuk_date_time(round_.closes_at)}."


def _announce_once(round_: Round, milestone: str, subject: str, text: str) -> int:
    key = f"round-{milestone}:{round_.slug}"
    if Announcement.objects.filter(key=key).exists():
        return 0
    try:
        with transaction.atomic():
            announce(
                key=key,
                topics=[FUND_ROUNDS_TOPIC],
                subject=subject,
                title=subject,
                text=text,
                url=absolute_url(round_.get_absolute_url()),
            )
    except IntegrityError:
        # Another worker announced it first: once is what was wanted.
        return 0
    return 1
