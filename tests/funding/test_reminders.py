"""The worker's reminders: draft officers 7 days and 1 day before the round
closes (on the UK's clock, across the changes to and from British Summer
Time), and assessors before their scores are due; each once."""

import datetime

import pytest
import time_machine
from django.core import mail

from funding import tasks
from funding.models import Assignment, DraftReminder
from localdigital.celery import app
from localdigital.core.models import OutboundEmail
from tests.factories import BidFactory, RoundFactory
from tests.funding.admin.fund_admin import bid_in_assessment, scored
from tests.funding.assessors import plain_assessor

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def at(*moment) -> time_machine.travel:
    return time_machine.travel(datetime.datetime(*moment, tzinfo=UTC), tick=False)


def run_draft_reminders(*moment) -> list[str]:
    """Run the scheduled job at `moment` (UTC); the subjects of the emails it queued."""
    before = set(OutboundEmail.objects.values_list("pk", flat=True))
    with at(*moment):
        tasks.remind_officers_of_closing_rounds()
    return list(OutboundEmail.objects.exclude(pk__in=before).values_list("subject", flat=True))


def round_closing(*moment):
    """A round open since January, closing at `moment` (UTC)."""
    closes = datetime.datetime(*moment, tzinfo=UTC)
    return RoundFactory(opens_at=datetime.datetime(2026, 1, 5, tzinfo=UTC), closes_at=closes)


def test_draft_officers_are_reminded_a_week_before_on_the_uk_clock_across_bst():
    # Closes at midday BST on Thursday 2 April 2026 (11:00 UTC); a week
    # before on the UK's clock is midday GMT on 26 March (12:00 UTC).
    round_ = round_closing(2026, 4, 2, 11, 0)
    draft = BidFactory(round=round_, title="Shared repairs booking")

    assert run_draft_reminders(2026, 3, 26, 11, 59) == []
    sent = run_draft_reminders(2026, 3, 26, 12, 0)

    assert sent == [
        f"Your draft bid to {round_.name} has not been submitted: it closes 2 April 2026 at midday"
    ]
    email = OutboundEmail.objects.get()
    assert email.to_address == draft.created_by_email
    assert "Shared repairs booking" in email.body
    assert "closes at 2 April 2026 at midday (UK time)" in email.body
    assert f"/fund/apply/bids/{draft.pk}/" in email.body
    assert DraftReminder.objects.get().stage == "7_days"


def test_the_day_before_reminder_follows_the_uk_clock_and_each_is_sent_once():
    round_ = round_closing(2026, 4, 2, 11, 0)
    BidFactory(round=round_)

    assert len(run_draft_reminders(2026, 3, 27, 9, 0)) == 1
    assert run_draft_reminders(2026, 3, 28, 9, 0) == []
    # Midday BST on 1 April is 11:00 UTC.
    assert run_draft_reminders(2026, 4, 1, 10, 59) == []
    assert len(run_draft_reminders(2026, 4, 1, 11, 0)) == 1
    assert run_draft_reminders(2026, 4, 1, 11, 15) == []
    assert run_draft_reminders(2026, 4, 2, 10, 59) == []
    assert sorted(DraftReminder.objects.values_list("stage", flat=True)) == ["1_day", "7_days"]


def test_autumn_a_week_before_is_an_hour_earlier_in_utc():
    # Closes at midday GMT on Thursday 29 October 2026; a week before is
    # midday BST on 22 October, 11:00 UTC.
    round_ = round_closing(2026, 10, 29, 12, 0)
    BidFactory(round=round_)

    assert run_draft_reminders(2026, 10, 22, 10, 59) == []
    assert len(run_draft_reminders(2026, 10, 22, 11, 0)) == 1


def test_submitted_bids_and_closed_rounds_are_not_reminded():
    round_ = round_closing(2026, 4, 2, 11, 0)
    with at(2026, 3, 20, 9, 0):
        bid_in_assessment(round=round_)
    late = round_closing(2026, 3, 1, 12, 0)
    BidFactory(round=late)

    assert run_draft_reminders(2026, 4, 1, 12, 0) == []
    assert run_draft_reminders(2026, 3, 2, 12, 0) == []


def test_a_draft_started_within_the_last_day_gets_only_the_day_before_reminder():
    round_ = round_closing(2026, 4, 2, 11, 0)
    with at(2026, 4, 1, 15, 0):
        BidFactory(round=round_)

    assert len(run_draft_reminders(2026, 4, 1, 15, 15)) == 1
    assert run_draft_reminders(2026, 4, 1, 18, 0) == []
    assert DraftReminder.objects.get().stage == "1_day"


# Assessors


def assessor_reminders():
    """The assessors' reminders in the outbox (submitting bids queues emails of its own)."""
    return OutboundEmail.objects.filter(subject__contains="to score by")


def run_assessor_reminders(*moment, capture=None) -> None:
    with at(*moment):
        if capture is None:
            tasks.remind_assessors_of_due_assessments()
            return
        # The email is sent by the worker once the job's transaction commits.
        with capture(execute=True):
            tasks.remind_assessors_of_due_assessments()


def test_an_assessor_is_reminded_once_of_the_bids_they_have_not_scored(
    django_user_model, settings, django_capture_on_commit_callbacks
):
    settings.ASSESSMENT_REMINDER_DAYS = 3
    round_ = RoundFactory(assessment_due_on=datetime.date(2026, 5, 20))
    bo = plain_assessor(django_user_model, "bo", first_name="Bo", last_name="Li")
    unscored, done = bid_in_assessment(round=round_), bid_in_assessment(round=round_)
    for bid in [unscored, done]:
        Assignment.objects.create(bid=bid, assessor=bo)
    scored(done, bo, [3, 2, 4])

    run_assessor_reminders(2026, 5, 16, 22, 59)  # 16 May, 11:59pm BST: 4 days before
    assert not assessor_reminders().exists()
    mail.outbox.clear()
    run_assessor_reminders(2026, 5, 16, 23, 0, capture=django_capture_on_commit_callbacks)
    run_assessor_reminders(2026, 5, 18, 9, 0)  # a rerun sends nothing

    email = assessor_reminders().get()
    assert email.to_address == "bo@mhclg.example.gov.uk"
    assert email.subject == "1 bid to score by 20 May 2026"
    assert f"{unscored.reference}: {unscored.title}" in email.body
    assert done.reference not in email.body
    assert "/admin/funding/bid/my-assessments/" in email.body
    assert Assignment.objects.get(bid=unscored).reminded_at is not None
    assert [message.subject for message in mail.outbox] == ["1 bid to score by 20 May 2026"]


def test_an_assessor_who_has_scored_everything_is_not_reminded(django_user_model):
    round_ = RoundFactory(assessment_due_on=datetime.date(2026, 5, 20))
    bo = plain_assessor(django_user_model, "bo")
    bid = bid_in_assessment(round=round_)
    Assignment.objects.create(bid=bid, assessor=bo)
    scored(bid, bo, [1, 1, 1])

    run_assessor_reminders(2026, 5, 19, 9, 0)

    assert not assessor_reminders().exists()


def test_the_scheduler_runs_both_reminders(settings):
    app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}

    for name in [
        "funding.tasks.remind_officers_of_closing_rounds",
        "funding.tasks.remind_assessors_of_due_assessments",
    ]:
        assert name in scheduled
        assert name in app.tasks
