"""The followers of fund rounds hear on their own when a round opens, and
seven days before it closes on the UK's clock (across the change to British
Summer Time), each once however often the worker runs."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from funding.tasks import announce_fund_rounds
from tests.factories import RoundFactory
from tests.subscriptions.followers import READER, follow

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
# Opens at 9am on 1 March 2027 (GMT); closes at midday on 2 April 2027 (BST).
OPENS = datetime.datetime(2027, 3, 1, 9, 0, tzinfo=UK)
CLOSES = datetime.datetime(2027, 4, 2, 12, 0, tzinfo=UK)


@pytest.fixture
def round_8(client):
    follow(client, topic="fund-rounds", label="Local Digital Fund rounds and deadlines")
    return RoundFactory(name="Round 8", slug="round-8", opens_at=OPENS, closes_at=CLOSES)


def _run_worker_at(moment, capture) -> list[str]:
    """The subjects the follower was sent by one run of the worker's job."""
    mail.outbox.clear()
    with time_machine.travel(moment, tick=False), capture(execute=True):
        announce_fund_rounds.delay()
    return [email.subject for email in mail.outbox if email.to == [READER]]


def test_the_opening_is_announced_once_when_it_passes(round_8, django_capture_on_commit_callbacks):
    minute = datetime.timedelta(minutes=1)

    assert _run_worker_at(OPENS - minute, django_capture_on_commit_callbacks) == []
    assert _run_worker_at(OPENS, django_capture_on_commit_callbacks) == [
        "Round 8 of the Local Digital Fund is open for bids"
    ]
    assert _run_worker_at(OPENS + 15 * minute, django_capture_on_commit_callbacks) == []


def test_the_deadline_is_announced_seven_days_before_on_the_uk_clock(
    round_8, django_capture_on_commit_callbacks
):
    _run_worker_at(OPENS, django_capture_on_commit_callbacks)
    # Midday on 26 March is GMT, midday on 2 April BST: a week on the clock,
    # though an hour less passes. 7 times 24 hours before is 11am, so a count
    # that ignored the change would send at 11:30am: too soon.
    week_before = datetime.datetime(2027, 3, 26, 12, 0, tzinfo=UK)
    utc = datetime.UTC
    assert CLOSES.astimezone(utc) - week_before.astimezone(utc) == datetime.timedelta(
        days=6, hours=23
    )

    too_soon = datetime.datetime(2027, 3, 26, 11, 30, tzinfo=UK)
    assert _run_worker_at(too_soon, django_capture_on_commit_callbacks) == []
    [subject] = _run_worker_at(week_before, django_capture_on_commit_callbacks)
    assert subject == "Round 8 of the Local Digital Fund closes in 7 days"
    later = datetime.datetime(2027, 3, 30, 9, 0, tzinfo=UK)
    assert _run_worker_at(later, django_capture_on_commit_callbacks) == []


def test_the_email_says_when_bids_close_in_uk_time(round_8, django_capture_on_commit_callbacks):
    _run_worker_at(CLOSES - datetime.timedelta(days=3), django_capture_on_commit_callbacks)

    closing = next(email for email in mail.outbox if "closes in 7 days" in email.subject)
    assert "Bids must be submitted by 2 April 2027 at midday." in closing.body
    assert "/fund/round-8/" in closing.body


def test_a_round_already_closed_is_announced_nothing(client, django_capture_on_commit_callbacks):
    follow(client, topic="fund-rounds", label="Local Digital Fund rounds and deadlines")
    RoundFactory(opens_at=OPENS, closes_at=CLOSES)

    after = datetime.datetime(2027, 5, 1, 9, 0, tzinfo=UK)
    assert _run_worker_at(after, django_capture_on_commit_callbacks) == []
