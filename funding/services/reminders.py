"""The worker's reminders, each sent once: to the officers of a draft as its
round closes, and to assessors as their scores fall due (when, in
funding.reminders). Each is recorded in the transaction that queues its
email, so a rerun, or a second worker at the same moment, sends nothing again.
"""

import datetime
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone

from funding import reminder_emails, reminders
from funding.models import Assignment, Bid, DraftReminder, Round, Score
from funding.services.submission import officers_to_tell
from localdigital.core.outbox import queue_email


def send_draft_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind the officers of every draft whose round's reminder is due; return how many drafts."""
    now = now or timezone.now()
    sent = 0
    for round_ in Round.objects.open(now=now).select_related("fund"):
        stage = reminders.draft_stage_due(round_, now=now)
        if stage is None:
            continue
        drafts = round_.bids.drafts().exclude(draft_reminders__stage=stage).select_related("lead")
        for bid in drafts:
            bid.round = round_
            sent += _remind_draft(bid, stage=stage, now=now)
    return sent


def _remind_draft(bid: Bid, *, stage: str, now: datetime.datetime) -> int:
    try:
        with transaction.atomic():
            DraftReminder.objects.create(bid=bid, stage=stage, sent_at=now)
            subject, body = reminder_emails.draft_round_closing(bid)
            for address in officers_to_tell(bid):
                queue_email(to=address, subject=subject, body=body)
    except IntegrityError:
        # Another worker reminded this draft at this stage a moment ago.
        return 0
    return 1


def send_assessment_reminders(*, now: datetime.datetime | None = None) -> int:
    """Remind each assessor, once, of their assigned bids not fully scored
    whose round's assessment is due soon; return how many assessors."""
    now = now or timezone.now()
    first, last = reminders.assessment_reminder_window(reminders.uk_today(now))
    due = (
        Assignment.objects.in_assessment()
        .filter(
            reminded_at__isnull=True,
            bid__round__assessment_due_on__gte=first,
            bid__round__assessment_due_on__lte=last,
        )
        .select_related("assessor", "bid__round")
        .order_by("assessor", "bid__round", "bid__number")
    )
    by_assessor_and_round = defaultdict(list)
    for assignment in due:
        if not _fully_scored(assignment):
            by_assessor_and_round[assignment.assessor_id, assignment.bid.round_id].append(
                assignment
            )
    for assignments in by_assessor_and_round.values():
        _remind_assessor(assignments, now=now)
    return len({assessor for assessor, _ in by_assessor_and_round})


def _fully_scored(assignment: Assignment) -> bool:
    criteria = assignment.bid.round.criteria.count()
    given = Score.objects.filter(bid=assignment.bid, assessor=assignment.assessor).count()
    return criteria > 0 and given >= criteria


def _remind_assessor(assignments: list[Assignment], *, now: datetime.datetime) -> None:
    assessor = assignments[0].assessor
    with transaction.atomic():
        # Claimed first: only the assignments no other worker has reminded of.
        claimed = Assignment.objects.filter(
            pk__in=[a.pk for a in assignments], reminded_at__isnull=True
        ).update(reminded_at=now)
        if claimed != len(assignments):
            transaction.set_rollback(True)
            return
        subject, body = reminder_emails.assessments_due(
            assessor, assignments, due=assignments[0].bid.round.assessment_due_on
        )
        queue_email(to=assessor.email, subject=subject, body=body)
